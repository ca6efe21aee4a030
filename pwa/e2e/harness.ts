// What every browser test file needs: the API with the demo data on a free port (its own
// PGlite directory), Debian's Chromium, screenshot sizes, and signing in as a demo user.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { configFromEnv } from '../../api/app/config.ts';
import { startSystem, type RunningSystem } from '../../api/app/system.ts';
import { openDatabase } from '../../api/db/database.ts';
import { seedDemoData } from '../../api/resolvers/seedDemoData.ts';
import { chromiumPath } from './ensureChromium.ts';

export const screenshotDir = path.resolve(import.meta.dirname, '../../.vitest-artifacts/screenshots');
export const phone = { width: 390, height: 844 };
export const desktop = { width: 1440, height: 900 };

export interface E2eApp {
  readonly system: RunningSystem;
  readonly browser: Browser;
  /** Signs in with the demo password from the login screen. */
  logIn: (page: Page, email: string) => Promise<void>;
  /** Signs in, waits for the signed-in header, then opens `screen` ("/assistant/inbox"). */
  openAs: (page: Page, email: string, screen: string) => Promise<void>;
}

/** A screenshot from the top, where the sticky header belongs (the full page unless told). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, name), fullPage });
}

/** Starts the system and the browser before the file's tests and stops them after. */
export function useE2eApp(): E2eApp {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  const started = <Value>(value: Value | undefined): Value => {
    if (value === undefined) throw new Error('The browser-test system is not started yet (use it inside a test).');
    return value;
  };

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

  const logIn = async (page: Page, email: string) => {
    await page.goto(`${started(system).http.url}/`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('demo1234');
    await page.locator('form button[type="submit"]').click();
  };

  return {
    get system() {
      return started(system);
    },
    get browser() {
      return started(browser);
    },
    logIn,
    async openAs(page, email, screen) {
      await logIn(page, email);
      await page.getByTestId('user-name').waitFor({ timeout: 15_000 });
      await page.goto(`${started(system).http.url}${screen}`);
    },
  };
}
