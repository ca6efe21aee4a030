// The technician's agenda in Chromium against the real API and demo data: the week
// view lists the week's jobs day by day, Monday to Sunday, and moves week by week.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addParisDays, startOfParisWeek } from '../../api/resolvers/parisTime.ts';
import { desktop, phone, screenshotDir, useE2eApp } from './harness.ts';

const app = useE2eApp();

/** Gaëtan's (technicien@demo) jobs in the week starting that Monday, as the API stores them. */
async function jobsOfWeek(monday: Date) {
  return app.system.db.prisma.appointment.findMany({
    where: {
      technician: { user: { email: 'technicien@demo.relais.fr' } },
      status: { not: 'CANCELLED' },
      startsAt: { lt: addParisDays(monday, 7) },
      endsAt: { gt: monday },
    },
    select: { id: true },
  });
}

const shownJobs = (page: Page) => page.locator('[data-testid="home-technician"] .job-card');

describe('technician agenda', () => {
  it('shows the week’s jobs day by day, Monday to Sunday, then the next week', async () => {
    const thisWeek = startOfParisWeek(new Date());
    const [jobsThisWeek, jobsNextWeek] = await Promise.all([jobsOfWeek(thisWeek), jobsOfWeek(addParisDays(thisWeek, 7))]);
    expect(jobsThisWeek.length + jobsNextWeek.length).toBeGreaterThan(0);

    const context = await app.browser.newContext({ viewport: phone, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    try {
      const page = await context.newPage();
      await app.logIn(page, 'technicien@demo.relais.fr');
      await page.getByTestId('home-technician').waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Semaine', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Ma semaine' }).waitFor();
      await expect.poll(() => shownJobs(page).count(), { timeout: 10_000 }).toBe(jobsThisWeek.length);
      const dayHeadings = page.locator('.week-day h2');
      expect(await dayHeadings.count()).toBe(7);
      expect(await dayHeadings.first().textContent()).toMatch(/^lundi/);
      expect(await dayHeadings.last().textContent()).toMatch(/^dimanche/);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(screenshotDir, 'technician-week-390.png'), fullPage: true });
      await page.setViewportSize(desktop);
      await page.screenshot({ path: path.join(screenshotDir, 'technician-week-1440.png') });
      await page.setViewportSize(phone);

      await page.getByRole('button', { name: 'Semaine suivante' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('week'), { timeout: 5000 }).not.toBeNull();
      await expect.poll(() => shownJobs(page).count(), { timeout: 10_000 }).toBe(jobsNextWeek.length);
      expect(await page.getByRole('link', { name: 'Itinéraire' }).count()).toBe(jobsNextWeek.length);
      await page.screenshot({ path: path.join(screenshotDir, 'technician-next-week-390.png') });

      // A reload keeps the week; "Cette semaine" comes back to it; English on the switch.
      await page.reload();
      await expect.poll(() => shownJobs(page).count(), { timeout: 10_000 }).toBe(jobsNextWeek.length);
      await page.getByRole('button', { name: 'Cette semaine' }).click();
      await expect.poll(() => shownJobs(page).count(), { timeout: 10_000 }).toBe(jobsThisWeek.length);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'My week' }).waitFor();
      await page.screenshot({ path: path.join(screenshotDir, 'technician-week-en-390.png') });
    } finally {
      await context.close();
    }
  });
});
