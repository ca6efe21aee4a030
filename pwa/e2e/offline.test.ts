// The technician's offline day in Chromium against the real API and demo data: with the
// network cut, a whole intervention is done on the installed app (en route, clock-in,
// checklist, three photos, materials, an on-site quote signed "Bon pour travaux", the
// report signed, clock-out), survives a reload, and reaches the server exactly once
// when the network returns; the office then sees the quote. A photo the server refuses
// shows its reason in the outbox while the rest still syncs.
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parisInstant, parisWallClock } from '../../api/resolvers/parisTime.ts';
import { priceQuote } from '../../api/resolvers/quoteContent.ts';
import { desktop, phone, screenshotDir, useE2eApp } from './harness.ts';

const app = useE2eApp();
const technicianEmail = 'technicien@demo.relais.fr';
const position = { latitude: 48.8566, longitude: 2.3522 };

/** A job of today for Gaëtan outside his working hours (the demo planning leaves them free), on an ENTRETIEN. */
async function createTodayJob(startHour: number, startMinute = 0) {
  const { prisma } = app.system.db;
  const [technician, service, site] = await Promise.all([
    prisma.technician.findFirstOrThrow({ where: { user: { email: technicianEmail } } }),
    prisma.service.findUniqueOrThrow({ where: { code: 'ENTRETIEN' } }),
    prisma.site.findFirstOrThrow({ where: { equipment: { some: {} } }, orderBy: { id: 'asc' } }),
  ]);
  const { year, month, day } = parisWallClock(new Date());
  const startsAt = parisInstant(year, month, day, startHour, startMinute);
  return prisma.appointment.create({
    data: {
      serviceId: service.id,
      technicianId: technician.id,
      siteId: site.id,
      customerId: site.customerId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      status: 'CONFIRMED',
      source: 'STAFF',
    },
    include: { service: true },
  });
}

async function newPhoneContext(): Promise<BrowserContext> {
  return app.browser.newContext({
    viewport: phone,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    geolocation: position,
    permissions: ['geolocation'],
  });
}

/** Signs in and waits until the app shell is precached and the next days are on the device. */
async function openInstalledApp(page: Page, appointmentId: string): Promise<void> {
  await app.logIn(page, technicianEmail);
  await page.getByTestId('home-technician').waitFor({ timeout: 15_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.locator(`[data-appointment-id="${appointmentId}"]`).waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId('sync-badge').getAttribute('data-state'), { timeout: 15_000 }).toBe('synced');
}

/** A real JPEG drawn by the browser's canvas. */
async function makeJpeg(page: Page, colour: string): Promise<Buffer> {
  const base64 = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const pen = canvas.getContext('2d')!;
    pen.fillStyle = fill;
    pen.fillRect(0, 0, canvas.width, canvas.height);
    pen.fillStyle = '#ffffff';
    pen.font = '96px sans-serif';
    pen.fillText(fill, 80, 450);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
  }, colour);
  return Buffer.from(base64, 'base64');
}

async function addPhoto(page: Page, kind: 'BEFORE' | 'AFTER', name: string, buffer: Buffer, mimeType = 'image/jpeg') {
  const count = await page.locator('[data-testid="photos"] li').count();
  await page.locator(`input[data-photo-kind="${kind}"]`).setInputFiles({ name, mimeType, buffer });
  await expect.poll(() => page.locator('[data-testid="photos"] li').count()).toBe(count + 1);
}

/** A zigzag drawn with the mouse, through pointer events like a finger. */
async function drawSignature(page: Page, canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let step = 1; step <= 8; step += 1) {
    await page.mouse.move(box.x + 20 + (step * (box.width - 40)) / 8, y + (step % 2 ? -40 : 40), { steps: 4 });
  }
  await page.mouse.up();
}

const badgeState = (page: Page) => page.getByTestId('sync-badge').getAttribute('data-state');
const shoot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(screenshotDir, name), fullPage });

/** How many times each field-work mutation of the technician took effect (client mutation ids stored by the server). */
async function recordedMutations(): Promise<Record<string, number>> {
  const user = await app.system.db.prisma.user.findUniqueOrThrow({ where: { email: technicianEmail } });
  const rows = await app.system.db.prisma.idempotentMutation.findMany({ where: { key: { contains: `:user:${user.id}:` } } });
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.operation] = (counts[row.operation] ?? 0) + 1;
  return counts;
}

describe('technician offline', () => {
  it('does a whole intervention offline, keeps it across a reload, and syncs it once when the network returns', async () => {
    const job = await createTodayJob(19);
    const context = await newPhoneContext();
    try {
      const page = await context.newPage();
      await openInstalledApp(page, job.id);
      const photos = [await makeJpeg(page, '#b45309'), await makeJpeg(page, '#1d4ed8'), await makeJpeg(page, '#166534')];
      await shoot(page, 'offline-home-390.png', true);

      await context.setOffline(true);
      await page.locator(`[data-appointment-id="${job.id}"]`).getByRole('link', { name: 'Ouvrir l’intervention' }).click();
      await page.getByTestId('intervention').waitFor();
      await shoot(page, 'offline-intervention-start-390.png');

      await page.getByRole('button', { name: 'Je pars chez le client' }).click();
      await page.getByText(/En route depuis/).waitFor();
      await page.getByRole('button', { name: 'Je suis arrivé · pointer' }).click();
      await page.getByRole('button', { name: 'Oui, enregistrer ma position' }).click();
      await page.getByText(/position enregistrée/).waitFor();

      const checklist = job.service.checklist as { key: string; label: string }[];
      for (const [index, item] of checklist.entries()) {
        const group = page.getByRole('group', { name: item.label });
        await group.getByRole('button', { name: index === 1 ? '✗ Anomalie' : '✓ OK' }).click();
      }
      await page.getByLabel('Précisez l’anomalie').fill('Différentiel du circuit cuisine lent à déclencher.');
      await shoot(page, 'offline-checklist-390.png');

      await addPhoto(page, 'BEFORE', 'avant-1.jpg', photos[0]!);
      await addPhoto(page, 'BEFORE', 'avant-2.jpg', photos[1]!);
      await addPhoto(page, 'AFTER', 'apres.jpg', photos[2]!);

      await page
        .locator('textarea[name="workDone"]')
        .fill('Contrôle complet du tableau, resserrage des connexions, remplacement d’un disjoncteur.');
      await page.locator('input[name="materialSearch"]').fill('disjoncteur 16');
      await page.locator('.catalog-match').first().click();
      await page.locator('textarea[name="observations"]').fill('Installation globalement saine.');
      await page.locator('textarea[name="reservations"]').fill('Différentiel cuisine à remplacer.');
      await page.getByText('Opportunité commerciale', { exact: true }).click();
      await page.locator('textarea[name="opportunityNote"]').fill('Le client envisage une borne de recharge.');

      // The quote: one catalogue line (3 × disjoncteur 16 A at 20 %), one free line at 10 %, travel costs.
      await page.getByRole('button', { name: 'Faire un devis sur place' }).click();
      const editor = page.getByTestId('quote-editor');
      await editor.locator('input[name="quoteSearch"]').fill('disjoncteur 16');
      await editor.locator('.catalog-match').first().click();
      await editor.locator('.line-card').nth(0).getByLabel('Quantité').fill('3');
      await editor.getByRole('button', { name: 'Ligne libre' }).click();
      const freeLine = editor.locator('.line-card').nth(1);
      await freeLine.getByLabel('Désignation').fill('Main d’œuvre remplacement du différentiel');
      await freeLine.getByLabel('Quantité').fill('2');
      await freeLine.getByLabel('P.U. HT (€)').fill('45,00');
      await freeLine.getByRole('group', { name: 'Taux de TVA' }).getByRole('button', { name: /^10/ }).click();
      await editor.locator('input[name="travelCost"]').fill('30,00');
      const catalogItem = await app.system.db.prisma.catalogItem.findUniqueOrThrow({ where: { code: 'DISJ-16A' } });
      const expected = priceQuote({
        lines: [
          { label: catalogItem.label, quantity: 3, unit: 'u', unitPriceCents: catalogItem.unitPriceCents, vatRateBp: 2000 },
          { label: 'Main d’œuvre remplacement du différentiel', quantity: 2, unit: 'u', unitPriceCents: 4500, vatRateBp: 1000 },
        ],
        travelCostCents: 3000,
      });
      const ttc = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(expected.totalTtcCents / 100);
      await expect.poll(() => editor.getByTestId('quote-total-ttc').textContent()).toBe(ttc);
      await shoot(page, 'offline-quote-390.png');
      await drawSignature(page, editor.getByRole('img', { name: 'Signature du client pour le devis' }));
      await editor.getByRole('button', { name: /^Bon pour travaux/ }).click();
      await page.getByTestId('quote-signed').waitFor();

      await drawSignature(page, page.getByRole('img', { name: 'Signature du client pour le rapport' }));
      await page.getByRole('button', { name: 'Le client signe le rapport' }).click();
      await page.getByTestId('report-signed').waitFor();
      await page.getByRole('button', { name: 'Terminé · pointer la sortie' }).click();
      await page.getByText(/Parti à/).waitFor();

      // 1 en route, 1 clock-in, 1 report (every edit folded into the unsent one), 3 photos, quote + acceptance, signature, clock-out.
      await expect.poll(() => page.getByTestId('sync-badge').textContent()).toContain('10\u00a0en attente');
      expect(await page.getByTestId('sync-badge').textContent()).toContain('Hors ligne');
      for (const step of ['en-route', 'clock-in', 'photos', 'work', 'quote', 'signature']) {
        // The sync badge floats over whatever is at the bottom of the screen: not part of the step.
        await page
          .getByTestId(`step-${step}`)
          .screenshot({ path: path.join(screenshotDir, `offline-step-${step}-390.png`), style: '.sync-badge { visibility: hidden; }' });
      }
      await page.setViewportSize(desktop);
      await shoot(page, 'offline-intervention-1440.png');
      await page.setViewportSize(phone);

      // Still offline: the installed app reopens from its cache with everything in place.
      await page.reload();
      await page.getByTestId('intervention').waitFor({ timeout: 15_000 });
      // The page shows before Dexie has answered: wait for the rows rather than count at once.
      await expect.poll(() => page.locator('[data-testid="photos"] li').count()).toBe(3);
      await page.getByTestId('report-signed').waitFor();
      await page.getByTestId('quote-signed').waitFor();
      await page.getByText(/Parti à/).waitFor();
      expect(await page.getByTestId('sync-badge').textContent()).toContain('10\u00a0en attente');
      await page.getByTestId('sync-badge').click();
      await page.getByTestId('outbox').waitFor();
      await expect.poll(() => page.getByTestId('outbox-entry').count()).toBe(10);
      await shoot(page, 'offline-outbox-390.png', true);
      expect(await app.system.db.prisma.intervention.findUnique({ where: { appointmentId: job.id } })).toBeNull();

      await context.setOffline(false);
      await expect.poll(() => badgeState(page), { timeout: 30_000 }).toBe('synced');
      await shoot(page, 'offline-synced-390.png');

      const intervention = await app.system.db.prisma.intervention.findUniqueOrThrow({
        where: { appointmentId: job.id },
        include: { photos: true, materials: true, quotes: { include: { lines: true } }, appointment: true },
      });
      expect(intervention.appointment.status).toBe('DONE');
      expect(intervention.enRouteAt).not.toBeNull();
      expect(intervention.clockInLat).toBeCloseTo(position.latitude, 3);
      expect(intervention.clockOutAt!.getTime()).toBeGreaterThanOrEqual(intervention.clockInAt!.getTime());
      expect(Object.keys(intervention.checklistAnswers as object)).toHaveLength(checklist.length);
      expect(intervention.workDone).toContain('resserrage');
      expect(intervention.materials).toHaveLength(1);
      expect(intervention.opportunity).toBe(true);
      expect(intervention.timeSpentMinutes).toBeGreaterThan(0);
      expect(['SIGNED', 'SENT']).toContain(intervention.reportStatus);
      expect(intervention.signedContentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(intervention.photos.map((photo) => photo.kind).sort()).toEqual(['AFTER', 'BEFORE', 'BEFORE']);
      expect(intervention.photos.every((photo) => photo.latitude !== null)).toBe(true);
      expect(intervention.quotes).toHaveLength(1);
      const [quote] = intervention.quotes;
      expect(quote!.status).toBe('ACCEPTED');
      expect(quote!.totalTtcCents).toBe(expected.totalTtcCents);
      expect(quote!.lines).toHaveLength(2);
      expect(await recordedMutations()).toEqual({
        'visitStep.EN_ROUTE': 1,
        'visitStep.ON_SITE': 1,
        'visitStep.DONE': 1,
        saveInterventionReport: 1,
        uploadInterventionPhoto: 3,
        signInterventionReport: 1,
        createOnSiteQuote: 1,
        acceptQuoteOnSite: 1,
      });
      const opportunityTickets = await app.system.db.prisma.ticket.count({
        where: { customerId: job.customerId, category: 'OPPORTUNITY', source: 'TECHNICIAN' },
      });
      expect(opportunityTickets).toBe(1);

      // The office sees the accepted quote on the customer's 360° record.
      const office = await app.browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
      try {
        const assistant = await office.newPage();
        await app.logIn(assistant, 'assistant@demo.relais.fr');
        await assistant.waitForURL(/\/assistant/);
        await assistant.goto(`${app.system.http.url}/assistant/customers/${job.customerId}`);
        await assistant.getByText(quote!.number).first().waitFor({ timeout: 15_000 });
      } finally {
        await office.close();
      }
    } finally {
      await context.close();
    }
  });

  it('shows the server’s reason for a refused photo while the rest of the outbox syncs', async () => {
    const job = await createTodayJob(21);
    const context = await newPhoneContext();
    try {
      const page = await context.newPage();
      await openInstalledApp(page, job.id);
      const goodPhoto = await makeJpeg(page, '#334155');
      await page.goto(`${app.system.http.url}/technician/appointments/${job.id}`);
      await page.getByTestId('intervention').waitFor();

      await context.setOffline(true);
      // Named and typed as a photo, but not an image: the phone keeps it as it came, the server judges.
      await addPhoto(page, 'BEFORE', 'photo.jpg', Buffer.from('<html><body>not a photo</body></html>'));
      await page.getByText(/Ce téléphone ne sait pas lire cette image/).waitFor();
      await addPhoto(page, 'AFTER', 'apres.jpg', goodPhoto);
      await page.locator('textarea[name="workDone"]').fill('Remplacement du bloc de secours.');
      await page.locator('textarea[name="workDone"]').blur();
      await expect.poll(() => page.getByTestId('sync-badge').textContent()).toContain('3\u00a0en attente');

      await context.setOffline(false);
      await expect.poll(() => badgeState(page), { timeout: 30_000 }).toBe('failed');
      await expect.poll(() => page.getByTestId('sync-badge').textContent()).not.toContain('attente');
      const stored = await app.system.db.prisma.intervention.findUniqueOrThrow({
        where: { appointmentId: job.id },
        include: { photos: true },
      });
      expect(stored.workDone).toBe('Remplacement du bloc de secours.');
      expect(stored.photos.map((photo) => photo.kind)).toEqual(['AFTER']);

      await page.getByTestId('sync-badge').click();
      const failed = page.locator('[data-testid="outbox-entry"][data-state="failed"]');
      await failed.waitFor();
      expect(await failed.count()).toBe(1);
      expect(await failed.getAttribute('data-kind')).toBe('uploadPhoto');
      expect(await failed.textContent()).toContain('n’est pas une image acceptée');
      await shoot(page, 'offline-refused-photo-390.png', true);

      // Trying again changes nothing; giving up removes the photo from the phone, by the technician's choice.
      await failed.getByRole('button', { name: 'Réessayer' }).click();
      await expect.poll(() => page.locator('[data-testid="outbox-entry"][data-state="failed"]').count(), { timeout: 15_000 }).toBe(1);
      await page.locator('[data-testid="outbox-entry"][data-state="failed"]').getByRole('button', { name: 'Abandonner' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Abandonner' }).click();
      await expect.poll(() => badgeState(page)).toBe('synced');
      expect(await app.system.db.prisma.photo.count({ where: { interventionId: stored.id } })).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('applies the office’s schedule and keeps the technician’s report, and says so', async () => {
    const job = await createTodayJob(5, 30);
    const context = await newPhoneContext();
    try {
      const page = await context.newPage();
      await openInstalledApp(page, job.id);
      await page.goto(`${app.system.http.url}/technician/appointments/${job.id}`);
      const { prisma } = app.system.db;
      await page.getByRole('button', { name: 'Je pars chez le client' }).click();
      await expect
        .poll(() => prisma.intervention.count({ where: { appointmentId: job.id, enRouteAt: { not: null } } }), { timeout: 15_000 })
        .toBe(1);
      await expect.poll(() => badgeState(page), { timeout: 15_000 }).toBe('synced');

      await context.setOffline(true);
      await page.getByRole('button', { name: 'Je suis arrivé · pointer' }).click();
      await page.getByRole('button', { name: 'Non merci' }).click();
      await page.getByText(/sans position/).waitFor();
      await page.locator('textarea[name="workDone"]').fill('Version du technicien.');
      await page.locator('textarea[name="workDone"]').blur();
      await expect.poll(() => page.getByTestId('sync-badge').textContent()).toContain('2\u00a0en attente');

      // Meanwhile the office moves the visit by half an hour and writes in the report.
      const moved = await prisma.appointment.update({
        where: { id: job.id },
        data: {
          startsAt: new Date(job.startsAt.getTime() + 30 * 60_000),
          endsAt: new Date(job.endsAt.getTime() + 30 * 60_000),
          version: { increment: 1 },
        },
      });
      await prisma.intervention.update({ where: { appointmentId: job.id }, data: { workDone: 'Version du bureau.' } });

      await context.setOffline(false);
      await expect.poll(() => badgeState(page), { timeout: 30_000 }).toBe('failed');
      const notices = page.getByTestId('conflict');
      await expect.poll(() => notices.count(), { timeout: 15_000 }).toBe(2);
      expect(await page.locator('[data-testid="conflict"][data-kind="moved"]').textContent()).toContain('6\u00a0h\u00a0– 7\u00a0h\u00a030');
      expect(await page.locator('[data-testid="conflict"][data-kind="reportKept"]').textContent()).toContain('Votre version est gardée');
      await notices.first().scrollIntoViewIfNeeded();
      await shoot(page, 'offline-conflicts-390.png');
      const stored = await prisma.intervention.findUniqueOrThrow({ where: { appointmentId: job.id } });
      expect(stored.workDone).toBe('Version du technicien.');
      expect(stored.clockInAt).toBeNull();

      // The clock-in was refused against the old schedule; once the technician has seen the new one, it goes through.
      await page.getByTestId('sync-badge').click();
      const failed = page.locator('[data-testid="outbox-entry"][data-state="failed"]');
      expect(await failed.getAttribute('data-kind')).toBe('clockIn');
      expect(await failed.textContent()).toContain('Le bureau a modifié ce rendez-vous');
      await failed.getByRole('button', { name: 'Réessayer' }).click();
      await expect.poll(() => badgeState(page), { timeout: 15_000 }).toBe('synced');
      const clockedIn = await prisma.intervention.findUniqueOrThrow({ where: { appointmentId: job.id }, include: { appointment: true } });
      expect(clockedIn.clockInAt).not.toBeNull();
      expect(clockedIn.clockInLat).toBeNull();
      expect(clockedIn.appointment.startsAt.getTime()).toBe(moved.startsAt.getTime());
    } finally {
      await context.close();
    }
  });
});
