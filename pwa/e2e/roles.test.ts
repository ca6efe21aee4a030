// The built PWA in Debian's Chromium against the real API and demo data: each role logs
// in and lands on its home screen; the app is installable (manifest, icons, service worker).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../api/app/config.ts';
import { startSystem, type RunningSystem } from '../../api/app/system.ts';
import { openDatabase } from '../../api/db/database.ts';
import { seedDemoData } from '../../api/resolvers/seedDemoData.ts';
import { chromiumPath } from './ensureChromium.ts';

const screenshotDir = path.resolve(import.meta.dirname, '../../.vitest-artifacts/screenshots');
const phone = { width: 390, height: 844 };
const desktop = { width: 1440, height: 900 };

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-e2e-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  await seedDemoData(db.prisma);
  system = await startSystem(
    { ...configFromEnv({}), port: 0, dataDir, redisUrl: undefined, databaseUrl: undefined, smtpUrl: undefined },
    db,
  );
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(`${system.http.url}/`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('demo1234');
  await page.locator('form button[type="submit"]').click();
}

describe('each demo role lands on its own home screen', () => {
  it.each([
    ['client@demo.relais.fr', 'home-client', phone],
    ['assistant@demo.relais.fr', 'home-assistant', desktop],
    ['technicien@demo.relais.fr', 'home-technician', phone],
    ['manager@demo.relais.fr', 'home-manager', desktop],
  ] as const)('%s → %s', async (email, testId, viewport) => {
    const context = await browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await logIn(page, email);
    await expect.poll(() => page.getByTestId(testId).isVisible(), { timeout: 15_000 }).toBe(true);
    const userName = await page.getByTestId('user-name').textContent();
    expect(userName?.trim().length).toBeGreaterThan(2);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(screenshotDir, `${testId}-${viewport.width}.png`), fullPage: true });
    await context.close();
  });

  it('shows a typed, French error for a wrong password and stays on the login screen', async () => {
    const context = await browser.newContext({ viewport: phone, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${system.http.url}/`);
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
    const context = await browser.newContext({ viewport: desktop, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await logIn(page, 'assistant@demo.relais.fr');
    await page.getByTestId('home-assistant').waitFor();
    const clientCustomer = await system.db.prisma.user.findUniqueOrThrow({
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

describe('the customer portal', () => {
  it('sends “Prendre rendez-vous” to a page with the office phone from the API', async () => {
    const context = await browser.newContext({ viewport: phone, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await logIn(page, 'client@demo.relais.fr');
    await page.getByRole('link', { name: 'Prendre rendez-vous' }).click();
    await page.getByTestId('booking-soon').waitFor();
    await expect
      .poll(() => page.getByRole('link', { name: /01 45 00 00 00/ }).getAttribute('href'), { timeout: 10_000 })
      .toBe('tel:+33145000000');
    await page.screenshot({ path: path.join(screenshotDir, 'client-booking-soon-390.png') });
    await context.close();
  });
});

describe('installable PWA', () => {
  it('serves a valid manifest with PNG icons, one of them maskable', async () => {
    const response = await fetch(`${system.http.url}/manifest.webmanifest`);
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
      const image = Buffer.from(await (await fetch(new URL(icon.src, `${system.http.url}/`))).arrayBuffer());
      expect(image.subarray(1, 4).toString('ascii'), icon.src).toBe('PNG');
      const [width, height] = [image.readUInt32BE(16), image.readUInt32BE(20)];
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  });

  it('registers a service worker that controls the page and answers offline', async () => {
    const context = await browser.newContext({ viewport: phone, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${system.http.url}/login`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${system.http.url}/`);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator('input[name="email"]').isVisible(), { timeout: 10_000 }).toBe(true);
    await context.close();
  });
});
