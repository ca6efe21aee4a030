// Offline benchmarks (issue 5), in Debian's Chromium against the built PWA (run the PWA
// build first, as bench/run.ts does): storing a busy technician's 7-day offline set in
// the phone's database (Dexie over IndexedDB), and opening the installed app with no
// network from a cold browser until the day's jobs are on screen.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { configFromEnv } from '../api/app/config.ts';
import { startSystem, type RunningSystem } from '../api/app/system.ts';
import { openDatabase } from '../api/db/database.ts';
import { addParisDays, parisInstant, parisWallClock, startOfParisDay } from '../api/resolvers/parisTime.ts';
import { seedDemoData } from '../api/resolvers/seedDemoData.ts';
import { chromiumPath } from '../pwa/e2e/ensureChromium.ts';
import { ms, quantile, repoRoot } from './measure.ts';

const runs = Number(process.env.BENCH_OFFLINE_RUNS ?? 5);
const technicianEmail = 'technicien@demo.relais.fr';
/** Evening visits added to each of the 7 days, on top of the demo's full days: a busy week. */
const extraVisitsPerDay = 6;
const extraVisitMinutes = 45;
const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync', '--no-first-run'];

/** The demo data plus evening visits for Gaëtan, so that his 7-day set is a busy one; returns how many jobs it holds. */
async function startBusySystem(): Promise<{ system: RunningSystem; jobs: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-bench-offline-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  await seedDemoData(db.prisma);
  const { prisma } = db;
  const technician = await prisma.technician.findFirstOrThrow({ where: { user: { email: technicianEmail } } });
  const service = await prisma.service.findUniqueOrThrow({ where: { code: 'DEPANNAGE' } });
  const sites = await prisma.site.findMany({ take: 7 * extraVisitsPerDay, orderBy: { id: 'asc' } });
  const today = startOfParisDay(new Date());
  const visits = Array.from({ length: 7 * extraVisitsPerDay }, (_, index) => {
    const { year, month, day } = parisWallClock(addParisDays(today, Math.floor(index / extraVisitsPerDay)));
    const startsAt = parisInstant(year, month, day, 18, (index % extraVisitsPerDay) * extraVisitMinutes);
    return { startsAt, site: sites[index]! };
  });
  await prisma.appointment.createMany({
    data: visits.map(({ startsAt, site }) => ({
      serviceId: service.id,
      technicianId: technician.id,
      siteId: site.id,
      customerId: site.customerId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + extraVisitMinutes * 60_000),
      source: 'STAFF' as const,
    })),
  });
  const jobs = await prisma.appointment.count({
    where: { technicianId: technician.id, startsAt: { lt: addParisDays(today, 7) }, endsAt: { gt: today } },
  });
  const system = await startSystem(
    { ...configFromEnv({}), port: 0, dataDir, redisUrl: undefined, databaseUrl: undefined, smtpUrl: undefined },
    db,
  );
  return { system, jobs };
}

function openProfile(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: browserArgs,
    viewport: { width: 390, height: 844 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
}

interface InstallFigures {
  downloadMs: number;
  storeMs: number;
}

/** First use on a new phone: sign in online, then the app downloads and stores the set (its own performance marks). */
async function install(profileDir: string, url: string): Promise<InstallFigures> {
  const context = await openProfile(profileDir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/login`);
    await page.locator('input[name="email"]').fill(technicianEmail);
    await page.locator('input[name="password"]').fill('demo1234');
    await page.locator('form button[type="submit"]').click();
    await page.waitForFunction(() => performance.getEntriesByName('relais:offline-set-stored').length > 0, undefined, { timeout: 60_000 });
    return await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return {
        downloadMs: performance.getEntriesByName('relais:offline-set-downloaded')[0]!.duration,
        storeMs: performance.getEntriesByName('relais:offline-set-stored')[0]!.duration,
      };
    });
  } finally {
    await context.close();
  }
}

interface ColdStartFigures {
  /** From launching the browser process to the first job card. */
  launchMs: number;
  /** From the navigation's start to the first job card (the page's own clock). */
  navigationMs: number;
}

/** The browser starts with no network and opens the app: the service worker serves the shell, Dexie the jobs. */
async function coldStartOffline(profileDir: string, url: string): Promise<ColdStartFigures> {
  const launchedAt = performance.now();
  const context = await openProfile(profileDir);
  try {
    await context.setOffline(true);
    await context.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('.job-card')) return;
        (window as unknown as { relaisFirstJobMs: number }).relaisFirstJobMs = performance.now();
        seen.disconnect();
      });
      document.addEventListener('DOMContentLoaded', () => seen.observe(document.body, { childList: true, subtree: true }));
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/technician`);
    await page.waitForFunction(() => 'relaisFirstJobMs' in window, undefined, { timeout: 30_000 });
    const launchMs = performance.now() - launchedAt;
    const navigationMs = await page.evaluate(() => (window as unknown as { relaisFirstJobMs: number }).relaisFirstJobMs);
    return { launchMs, navigationMs };
  } finally {
    await context.close();
  }
}

/** Markdown lines of the offline section. */
export async function offlineSection(): Promise<string[]> {
  if (!existsSync(path.join(repoRoot, 'pwa/dist/index.html')))
    throw new Error('bench/offline.ts needs the built PWA: run `npx -y pnpm@10 build` first.');
  const { system, jobs } = await startBusySystem();
  const installs: InstallFigures[] = [];
  const coldStarts: ColdStartFigures[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const profileDir = mkdtempSync(path.join(tmpdir(), 'relais-bench-chromium-'));
      try {
        installs.push(await install(profileDir, system.http.url));
        coldStarts.push(await coldStartOffline(profileDir, system.http.url));
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    }
  } finally {
    await system.close();
  }
  const row = (label: string, samples: number[]) => `| ${label} | ${ms(quantile(samples, 0.5))} | ${ms(Math.max(...samples))} |`;
  return [
    '## Technician offline (issue 5)',
    '',
    `Gaëtan's 7-day offline set with ${extraVisitsPerDay} evening visits a day added to the demo's full days: ${jobs} jobs with their customers,`,
    `sites, equipment, checklists and the price catalogue. Headless Debian Chromium at 390 px on this machine, embedded PGlite,`,
    `${runs} runs, each on a new browser profile (first sign-in online, then a cold start of the browser with the network cut).`,
    '',
    '| step | median | max |',
    '|---|---|---|',
    row(
      'download the set (GraphQL request to answer)',
      installs.map((figures) => figures.downloadMs),
    ),
    row(
      'store it in Dexie (merge with the device’s work, one transaction)',
      installs.map((figures) => figures.storeMs),
    ),
    row(
      'offline cold start: navigation to the first job card',
      coldStarts.map((figures) => figures.navigationMs),
    ),
    row(
      'offline cold start: browser launch to the first job card',
      coldStarts.map((figures) => figures.launchMs),
    ),
    '',
  ];
}
