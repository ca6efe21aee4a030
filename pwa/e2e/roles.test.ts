// The built PWA in Debian's Chromium against the real API and demo data: each role logs
// in and lands on its home screen; a customer books online and open booking pages see
// slots go live; the office moves appointments on the planning board; the app is
// installable (manifest, icons, service worker).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktop, phone, screenshotDir, useE2eApp } from './harness.ts';

const app = useE2eApp();
describe('each demo role lands on its own home screen', () => {
  it.each([
    ['client@demo.relais.fr', 'home-client', phone],
    ['assistant@demo.relais.fr', 'home-assistant', desktop],
    ['technicien@demo.relais.fr', 'home-technician', phone],
    ['manager@demo.relais.fr', 'home-manager', desktop],
  ] as const)('%s → %s', async (email, testId, viewport) => {
    const context = await app.browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await app.logIn(page, email);
    await expect.poll(() => page.getByTestId(testId).isVisible(), { timeout: 15_000 }).toBe(true);
    const userName = await page.getByTestId('user-name').textContent();
    expect(userName?.trim().length).toBeGreaterThan(2);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(screenshotDir, `${testId}-${viewport.width}.png`), fullPage: true });
    await context.close();
  });

  it('shows a typed, French error for a wrong password and stays on the login screen', async () => {
    const context = await app.browser.newContext({ viewport: phone, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${app.system.http.url}/`);
    await page.locator('input[name="email"]').fill('assistant@demo.relais.fr');
    await page.locator('input[name="password"]').fill('mauvais mot de passe');
    await page.locator('form button[type="submit"]').click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 })
      .toContain('E-mail ou mot de passe incorrect');
    await page.screenshot({ path: path.join(screenshotDir, 'login-error-390.png') });
    await context.close();
  });

  it('lets the assistant find a customer by phone number and open the 360° view', async () => {
    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await app.logIn(page, 'assistant@demo.relais.fr');
    await page.getByTestId('home-assistant').waitFor();
    const clientCustomer = await app.system.db.prisma.user.findUniqueOrThrow({
      where: { email: 'client@demo.relais.fr' },
      select: { customer: { select: { name: true, phones: true } } },
    });
    const nationalPhone = `0${clientCustomer.customer!.phones[0]!.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
    await page.getByRole('searchbox').fill(nationalPhone);
    const result = page.getByText(clientCustomer.customer!.name).first();
    await result.waitFor({ timeout: 10_000 });
    await result.click();
    await expect.poll(() => page.getByTestId('customer-360').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('customer-360').textContent()).toContain(clientCustomer.customer!.name);
    await page.screenshot({ path: path.join(screenshotDir, 'assistant-360-1440.png'), fullPage: true });
    await context.close();
  });
});

describe('online booking', () => {
  /** Walks the booking flow to the slot step: service, then an address (a saved one or a new one). */
  async function openSlots(page: Page, address: { saved: string } | { street: string; postalCode: string; city: string }) {
    await page.getByTestId('booking-step-service').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: /Entretien annuel/ }).click();
    await page.getByTestId('booking-step-address').waitFor();
    if ('saved' in address) {
      await page.getByRole('button', { name: new RegExp(address.saved) }).click();
    } else {
      await page.getByLabel('Adresse (numéro et rue)').fill(address.street);
      await page.getByLabel('Code postal').fill(address.postalCode);
      await page.getByLabel('Ville').fill(address.city);
      await page.getByRole('button', { name: 'Continuer' }).click();
    }
    await page.getByTestId('booking-step-slot').waitFor();
    const firstFree = page.locator('.slot-button:not([disabled])').first();
    await firstFree.waitFor({ timeout: 15_000 });
    return firstFree;
  }

  it('lets the client book the first free “Entretien annuel” slot at home, then shows it in “Mes rendez-vous”', async () => {
    const context = await app.browser.newContext({ viewport: phone, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await app.logIn(page, 'client@demo.relais.fr');
    await page.getByRole('link', { name: 'Prendre rendez-vous' }).click();
    await page.getByTestId('booking-step-service').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(screenshotDir, 'booking-1-service-390.png'), fullPage: true });
    const slot = await openSlots(page, { saved: 'Domicile' });
    await page.screenshot({ path: path.join(screenshotDir, 'booking-2-slots-390.png'), fullPage: true });
    const startsAt = await slot.getAttribute('data-slot-start');
    await slot.click();
    await page.getByTestId('booking-step-confirm').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'booking-3-confirm-390.png'), fullPage: true });
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();

    const done = page.getByTestId('booking-done');
    await done.waitFor({ timeout: 10_000 });
    expect(await done.textContent()).toContain('Rendez-vous confirmé');
    const appointmentId = await done.getAttribute('data-appointment-id');
    const stored = await app.system.db.prisma.appointment.findUniqueOrThrow({
      where: { id: appointmentId! },
      select: { startsAt: true, status: true, source: true, service: { select: { name: true } }, site: { select: { label: true } } },
    });
    expect(stored).toMatchObject({
      status: 'CONFIRMED',
      source: 'PORTAL',
      service: { name: 'Entretien annuel' },
      site: { label: 'Domicile' },
    });
    expect(stored.startsAt.toISOString()).toBe(new Date(startsAt!).toISOString());
    await page.screenshot({ path: path.join(screenshotDir, 'booking-4-done-390.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ajouter à mon agenda' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`UID:${appointmentId}@relais`);

    await page.getByRole('link', { name: 'Voir mes rendez-vous' }).click();
    await page.getByTestId('my-appointments').waitFor();
    const row = page.locator(`[data-appointment-id="${appointmentId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('Entretien annuel');
    expect(await row.getByRole('button', { name: 'Déplacer' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'my-appointments-390.png'), fullPage: true });
    await context.close();
  });

  it('takes a slot off an open booking page, live, as soon as someone else books it', async () => {
    // Only one technician may serve 75020 for a month, so one booking takes a slot away.
    const { prisma } = app.system.db;
    const qualified = (
      await prisma.technician.findMany({ where: { active: true, skills: { has: 'entretien' } }, orderBy: { id: 'asc' } })
    ).filter((technician) => technician.zones.some((zone) => '75020'.startsWith(zone)));
    const now = Date.now();
    const away = await Promise.all(
      qualified.slice(1).map((technician) =>
        prisma.timeOff.create({
          data: { technicianId: technician.id, startsAt: new Date(now), endsAt: new Date(now + 35 * 86_400_000), reason: 'Formation' },
        }),
      ),
    );
    const visitorContext = await app.browser.newContext({ viewport: phone, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const clientContext = await app.browser.newContext({ viewport: phone, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    try {
      const visitor = await visitorContext.newPage();
      await visitor.goto(`${app.system.http.url}/book`);
      await openSlots(visitor, { street: '3 rue de Bagnolet', postalCode: '75020', city: 'Paris' });

      const client = await clientContext.newPage();
      await app.logIn(client, 'client@demo.relais.fr');
      await client.getByRole('link', { name: 'Prendre rendez-vous' }).click();
      const slot = await openSlots(client, { saved: 'Domicile' });
      const startsAt = await slot.getAttribute('data-slot-start');
      const onVisitorPage = visitor.locator(`.slot-button[data-slot-start="${startsAt}"]`);
      expect(await onVisitorPage.isEnabled()).toBe(true);

      await slot.click();
      const booking = client.waitForResponse((response) => response.request().postData()?.includes('BookAppointment') ?? false);
      await client.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
      await booking;
      await expect
        .poll(() => visitor.locator(`.slot-button[data-slot-start="${startsAt}"]:not([disabled])`).count(), { timeout: 1000 })
        .toBe(0);
      expect(await onVisitorPage.textContent()).toContain('Ce créneau vient d’être réservé');
      await visitor.screenshot({ path: path.join(screenshotDir, 'booking-slot-taken-live-390.png'), fullPage: true });
      await client.getByTestId('booking-done').waitFor();

      // The visitor picks another slot and is asked to sign in before confirming.
      await visitor.getByRole('button', { name: 'Semaine suivante' }).click();
      await visitor.locator('.slot-button:not([disabled])').first().click();
      await visitor.getByTestId('booking-step-confirm').waitFor();
      expect(await visitor.getByRole('link', { name: 'Se connecter et confirmer' }).getAttribute('href')).toBe(
        `/login?next=${encodeURIComponent('/client/book?step=confirm')}`,
      );
      await visitor.setViewportSize(desktop);
      await visitor.screenshot({ path: path.join(screenshotDir, 'booking-visitor-confirm-1440.png'), fullPage: true });
    } finally {
      await visitorContext.close();
      await clientContext.close();
      await prisma.timeOff.deleteMany({ where: { id: { in: away.map((timeOff) => timeOff.id) } } });
    }
  });
});

describe('planning board', () => {
  it('shows the assistant the technicians’ rows with their appointments, and moves one from the keyboard', async () => {
    const { prisma } = app.system.db;
    const context = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await app.logIn(page, 'assistant@demo.relais.fr');
    await page.getByTestId('home-assistant').waitFor({ timeout: 15_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Planning' }).click();
    await page.getByTestId('planning').waitFor();
    const technicians = await prisma.technician.count({ where: { active: true } });
    await expect.poll(() => page.locator('.planning-row').count(), { timeout: 10_000 }).toBe(technicians);
    await page.getByRole('button', { name: 'Semaine' }).click();
    await expect.poll(() => page.locator('.planning-block').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(screenshotDir, 'planning-week-1440.png'), fullPage: true });

    // An appointment with 15 free minutes after it, moved later from the keyboard.
    const candidates = await prisma.appointment.findMany({
      where: { status: 'CONFIRMED', technicianId: { not: null }, startsAt: { gt: new Date(Date.now() + 86_400_000) } },
      orderBy: { startsAt: 'asc' },
      take: 50,
      select: { id: true, startsAt: true, endsAt: true, technicianId: true, version: true },
    });
    let movable: (typeof candidates)[number] | undefined;
    for (const candidate of candidates) {
      const shiftedEnd = new Date(candidate.endsAt.getTime() + 15 * 60_000);
      const parisEnd = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: 'numeric', hourCycle: 'h23' }).format(shiftedEnd);
      if (Number(parisEnd) >= 19) continue;
      const busy = await prisma.appointment.count({
        where: {
          technicianId: candidate.technicianId,
          id: { not: candidate.id },
          status: { not: 'CANCELLED' },
          startsAt: { lt: shiftedEnd },
          endsAt: { gt: candidate.startsAt },
        },
      });
      const away = await prisma.timeOff.count({
        where: { technicianId: candidate.technicianId!, startsAt: { lt: shiftedEnd }, endsAt: { gt: candidate.startsAt } },
      });
      if (busy === 0 && away === 0) {
        movable = candidate;
        break;
      }
    }
    expect(movable).toBeDefined();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(movable!.startsAt);
    await page.goto(`${app.system.http.url}/assistant/planning?view=day&date=${day}`);
    const block = page.locator(`.planning-block[data-appointment-id="${movable!.id}"]`);
    await block.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshotDir, 'planning-day-1440.png'), fullPage: true });
    await block.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('planning-preview').waitFor();
    expect(await page.getByTestId('planning-preview').getAttribute('class')).not.toContain('conflict');
    await page.screenshot({ path: path.join(screenshotDir, 'planning-move-preview-1440.png') });
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await prisma.appointment.findUniqueOrThrow({ where: { id: movable!.id } })).startsAt.getTime(), {
        timeout: 10_000,
      })
      .toBe(movable!.startsAt.getTime() + 15 * 60_000);
    expect((await prisma.appointment.findUniqueOrThrow({ where: { id: movable!.id } })).version).toBe(movable!.version + 1);
    await context.close();
  });
});

describe('installable PWA', () => {
  it('serves a valid manifest with PNG icons, one of them maskable', async () => {
    const response = await fetch(`${app.system.http.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      lang: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ short_name: 'Relais', start_url: '/', display: 'standalone', lang: 'fr' });
    expect(manifest.name).toContain('Relais');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    for (const size of [192, 512]) expect(manifest.icons.some((icon) => icon.sizes === `${size}x${size}`)).toBe(true);
    expect(manifest.icons.some((icon) => icon.purpose?.includes('maskable'))).toBe(true);
    for (const icon of manifest.icons) {
      const image = Buffer.from(await (await fetch(new URL(icon.src, `${app.system.http.url}/`))).arrayBuffer());
      expect(image.subarray(1, 4).toString('ascii'), icon.src).toBe('PNG');
      const [width, height] = [image.readUInt32BE(16), image.readUInt32BE(20)];
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  });

  it('registers a service worker that controls the page and answers offline', async () => {
    const context = await app.browser.newContext({ viewport: phone, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${app.system.http.url}/login`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${app.system.http.url}/`);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator('input[name="email"]').isVisible(), { timeout: 10_000 }).toBe(true);
    await context.close();
  });
});
