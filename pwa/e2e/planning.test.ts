// The office's planning board in Chromium against the real API and demo data: a new
// appointment is prepared from an empty cell (its conflict shown before anything is
// sent), booked, and appears live on another open board; a time taken meanwhile is
// answered with nearby free times; an appointment moved to the row of another
// technician is reassigned to them.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findAvailableSlots } from '../../api/resolvers/findAvailableSlots.ts';
import { addParisDays, parisWallClock, startOfParisDay } from '../../api/resolvers/parisTime.ts';
import { desktop, phone, screenshotDir, useE2eApp } from './harness.ts';

const app = useE2eApp();

const firstBoardHour = 7;
const cellMinutes = 30;

function dayKey(instant: Date): string {
  const { year, month, day } = parisWallClock(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day view's half-hour cell holding the instant, in the technician's row. */
function cellAt(page: Page, technicianId: string, instant: Date) {
  const { hour, minute } = parisWallClock(instant);
  const start = Math.floor((hour * 60 + minute - firstBoardHour * 60) / cellMinutes) * cellMinutes;
  return page.locator(`.planning-row[data-technician-id="${technicianId}"] .planning-cell[data-cell$="-${start}"]`);
}

async function openBoard(page: Page, email: string, day: Date): Promise<void> {
  await app.logIn(page, email);
  await page.getByRole('navigation').getByRole('link', { name: 'Planning' }).waitFor({ timeout: 15_000 });
  const area = email.startsWith('manager') ? 'manager' : 'assistant';
  await page.goto(`${app.system.http.url}/${area}/planning?view=day&date=${dayKey(day)}`);
  await page.locator('.planning-block').first().waitFor({ timeout: 10_000 });
}

/**
 * A day on which Gaëtan (who serves the demo customer's Paris address) has an
 * appointment, and a free time for an on-site quote there, by the API's own slot engine.
 */
async function findBookingDay() {
  const { prisma } = app.system.db;
  const technician = await prisma.technician.findFirstOrThrow({ where: { user: { email: 'technicien@demo.relais.fr' } } });
  const service = await prisma.service.findFirstOrThrow({ where: { code: 'DEVIS' } });
  const customer = await prisma.customer.findFirstOrThrow({
    where: { emails: { has: 'client@demo.relais.fr' } },
    select: { id: true, name: true, sites: { select: { id: true, label: true, postalCode: true } } },
  });
  const site = customer.sites.find((candidate) => candidate.label === 'Domicile')!;
  for (let offset = 2; offset < 14; offset += 1) {
    const from = startOfParisDay(addParisDays(new Date(), offset));
    const to = addParisDays(from, 1);
    const busy = await prisma.appointment.findFirst({
      where: { technicianId: technician.id, status: { not: 'CANCELLED' }, startsAt: { gte: from, lt: to } },
      orderBy: { startsAt: 'asc' },
    });
    const { slots } = await findAvailableSlots(
      prisma,
      { serviceId: service.id, postalCode: site.postalCode, from, to },
      { staff: true, onlyTechnicianId: technician.id },
    );
    const free = slots[0];
    if (busy && free) return { technician, service, customer, site, day: from, busy, free: free.startsAt };
  }
  throw new Error('The demo data has no day with both an appointment and a free time for Gaëtan.');
}

describe('planning board', () => {
  it('books a new appointment from an empty cell, shows the conflict first, and another open board sees it live', async () => {
    const { prisma } = app.system.db;
    const scenario = await findBookingDay();
    const watcherContext = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    try {
      const watcher = await watcherContext.newPage();
      // The watcher's clock can jump ahead: its "actualisé à" time must follow each live refresh.
      await watcher.clock.install();
      await openBoard(watcher, 'manager@demo.relais.fr', scenario.day);
      const liveStatus = watcher.locator('.live-status').first();
      await expect.poll(() => liveStatus.textContent(), { timeout: 10_000 }).toContain('actualisé à');
      const page = await context.newPage();
      await openBoard(page, 'assistant@demo.relais.fr', scenario.day);

      // From the keyboard: the cell before the busy time, → to the busy time, Enter.
      const busyCell = cellAt(page, scenario.technician.id, scenario.busy.startsAt);
      await cellAt(page, scenario.technician.id, new Date(scenario.busy.startsAt.getTime() - cellMinutes * 60_000)).focus();
      await page.keyboard.press('ArrowRight');
      expect(await busyCell.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      const panel = page.getByTestId('new-appointment');
      await panel.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
      expect(await panel.getByLabel('Technicien (facultatif)', { exact: true }).inputValue()).toBe(scenario.technician.id);

      await page.keyboard.type(scenario.customer.name);
      await panel.locator(`[data-customer-id="${scenario.customer.id}"]`).click();
      await panel.getByRole('button', { name: /Domicile/ }).click();
      await panel.getByLabel('Prestation', { exact: true }).selectOption(scenario.service.id);
      const conflict = panel.getByRole('alert');
      await expect.poll(() => conflict.textContent(), { timeout: 10_000 }).toContain('n’est pas libre');
      expect(await conflict.textContent()).toContain('chevauche le rendez-vous de');
      expect(await page.getByTestId('planning-draft').getAttribute('class')).toContain('planning-preview-conflict');
      expect(await panel.getByRole('button', { name: 'Enregistrer le rendez-vous' }).isDisabled()).toBe(true);
      await page.screenshot({ path: path.join(screenshotDir, 'planning-new-conflict-1440.png') });

      // A click on a free cell moves the new appointment there; the choices made so far stay.
      await cellAt(page, scenario.technician.id, scenario.free).click();
      const chosenSlot = panel.locator(`.slot-button[data-slot-start="${scenario.free.toISOString()}"]`);
      await expect.poll(() => chosenSlot.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
      expect(await panel.getByRole('alert').count()).toBe(0);
      expect(await page.getByTestId('planning-draft').getAttribute('class')).not.toContain('planning-preview-conflict');
      await page.screenshot({ path: path.join(screenshotDir, 'planning-new-1440.png') });
      await page.setViewportSize(phone);
      await page.screenshot({ path: path.join(screenshotDir, 'planning-new-390.png'), fullPage: true });
      await page.setViewportSize(desktop);

      const refreshedBefore = await liveStatus.textContent();
      await watcher.clock.fastForward('05:00');
      await panel.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
      await page.getByText(`Rendez-vous de ${scenario.customer.name} enregistré`).waitFor({ timeout: 10_000 });
      expect(await panel.count()).toBe(0);
      const created = await prisma.appointment.findFirstOrThrow({
        where: { customerId: scenario.customer.id, startsAt: scenario.free, status: { not: 'CANCELLED' } },
      });
      expect(created).toMatchObject({
        technicianId: scenario.technician.id,
        serviceId: scenario.service.id,
        siteId: scenario.site.id,
        source: 'STAFF',
        status: 'CONFIRMED',
      });

      const seenLive = watcher.locator(
        `.planning-row[data-technician-id="${scenario.technician.id}"] .planning-block[data-appointment-id="${created.id}"]`,
      );
      await seenLive.waitFor({ timeout: 5000 });
      expect(await seenLive.getAttribute('class')).toContain('planning-block-changed');
      await expect.poll(() => liveStatus.textContent(), { timeout: 5000 }).not.toBe(refreshedBefore);
      await watcher.screenshot({ path: path.join(screenshotDir, 'planning-new-seen-live-1440.png') });
    } finally {
      await context.close();
      await watcherContext.close();
    }
  });

  it('answers a time taken meanwhile with the nearby free times, one of which is then booked', async () => {
    const { prisma } = app.system.db;
    const scenario = await findBookingDay();
    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    let blocking: { id: string } | undefined;
    try {
      const page = await context.newPage();
      await openBoard(page, 'assistant@demo.relais.fr', scenario.day);
      await cellAt(page, scenario.technician.id, scenario.free).click();
      const panel = page.getByTestId('new-appointment');
      await panel.getByRole('searchbox').fill(scenario.customer.name);
      await panel.locator(`[data-customer-id="${scenario.customer.id}"]`).click();
      await panel.getByRole('button', { name: /Domicile/ }).click();
      await panel.getByLabel('Prestation', { exact: true }).selectOption(scenario.service.id);
      const chosenSlot = panel.locator(`.slot-button[data-slot-start="${scenario.free.toISOString()}"]`);
      await expect.poll(() => chosenSlot.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');

      // Written straight to the database: no live event tells the panel the time is gone.
      blocking = await prisma.appointment.create({
        data: {
          serviceId: scenario.service.id,
          technicianId: scenario.technician.id,
          siteId: scenario.site.id,
          customerId: scenario.customer.id,
          startsAt: scenario.free,
          endsAt: new Date(scenario.free.getTime() + scenario.service.durationMinutes * 60_000),
          source: 'PHONE',
        },
        select: { id: true },
      });
      await panel.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
      await panel.getByRole('alert').filter({ hasText: 'Ce créneau n’est plus disponible' }).waitFor({ timeout: 10_000 });
      const alternatives = panel.getByRole('region', { name: 'Créneaux proches encore libres' }).locator('.slot-button');
      await alternatives.first().waitFor();
      await page.screenshot({ path: path.join(screenshotDir, 'planning-new-slot-taken-1440.png') });

      const alternative = new Date((await alternatives.first().getAttribute('data-slot-start'))!);
      await alternatives.first().click();
      await panel.getByLabel('Technicien (facultatif)', { exact: true }).selectOption('');
      await panel.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
      await page.getByText(`Rendez-vous de ${scenario.customer.name} enregistré`).waitFor({ timeout: 10_000 });
      const booked = await prisma.appointment.findFirstOrThrow({
        where: { customerId: scenario.customer.id, startsAt: alternative, source: 'STAFF', status: { not: 'CANCELLED' } },
      });
      expect(booked.technicianId).not.toBeNull();
    } finally {
      await context.close();
      if (blocking) await prisma.appointment.delete({ where: { id: blocking.id } });
    }
  });

  it('reassigns an appointment to the technician of the row below, from the keyboard', async () => {
    const { prisma } = app.system.db;
    // The board's rows: active technicians by name.
    const rows = await prisma.technician.findMany({ where: { active: true }, orderBy: { user: { name: 'asc' } }, select: { id: true } });
    const candidates = await prisma.appointment.findMany({
      where: {
        status: 'CONFIRMED',
        technicianId: { in: rows.slice(0, -1).map((row) => row.id) },
        startsAt: { gt: addParisDays(new Date(), 1) },
      },
      orderBy: { startsAt: 'asc' },
      take: 100,
    });
    let found: { appointment: (typeof candidates)[number]; to: string } | undefined;
    for (const appointment of candidates) {
      const to = rows[rows.findIndex((row) => row.id === appointment.technicianId) + 1]!.id;
      const period = { startsAt: { lt: appointment.endsAt }, endsAt: { gt: appointment.startsAt } };
      const busy = await prisma.appointment.count({ where: { technicianId: to, status: { not: 'CANCELLED' }, ...period } });
      const away = await prisma.timeOff.count({ where: { technicianId: to, ...period } });
      if (busy === 0 && away === 0) {
        found = { appointment, to };
        break;
      }
    }
    expect(found).toBeDefined();
    const { appointment, to } = found!;

    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    try {
      const page = await context.newPage();
      await openBoard(page, 'assistant@demo.relais.fr', appointment.startsAt);
      await page.locator(`.planning-block[data-appointment-id="${appointment.id}"]`).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      const preview = page.locator(`.planning-row[data-technician-id="${to}"] [data-testid="planning-preview"]`);
      await preview.waitFor();
      expect(await preview.getAttribute('class')).not.toContain('conflict');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).technicianId, { timeout: 10_000 })
        .toBe(to);
      await page.locator(`.planning-row[data-technician-id="${to}"] .planning-block[data-appointment-id="${appointment.id}"]`).waitFor();
      const moved = await prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
      expect(moved.startsAt.getTime()).toBe(appointment.startsAt.getTime());
    } finally {
      await context.close();
    }
  });
});
