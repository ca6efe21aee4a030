// Shared helpers of the benchmark scripts: spawn a server and time it, time requests.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import type { YogaApp } from '../api/app/yoga.ts';
import { openDatabase, type Database } from '../api/db/database.ts';
import type { SubscribersMessage, SubscribersRequest } from './pushSubscribers.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..');

export interface StartedServer {
  process: ChildProcess;
  url: string;
  startMs: number;
  stop(): Promise<void>;
}

/** Starts `script` (TypeScript, run through tsx like `pnpm start` does) and waits until `readyPath` answers 200. */
export async function startServer(
  script: string,
  port: number,
  env: Record<string, string | undefined>,
  readyPath: string,
  readyQuery?: string,
): Promise<StartedServer> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: path.join(repoRoot, 'api'),
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ok = await fetch(
      `${url}${readyPath}`,
      readyQuery ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: readyQuery } : {},
    ).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startMs = performance.now() - startedAt;
  return {
    process: child,
    url,
    startMs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LatencyStats {
  p50: number;
  p95: number;
  samples: number;
}

/** Sequential requests after a warm-up: per-request latency as a client sees it. */
export async function measureLatency(send: () => Promise<Response>, samples: number, warmup = 50): Promise<LatencyStats> {
  for (let index = 0; index < warmup; index += 1) await (await send()).arrayBuffer();
  const durations: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const startedAt = performance.now();
    const response = await send();
    const body = await response.text();
    durations.push(performance.now() - startedAt);
    if (!response.ok || body.includes('"errors"')) throw new Error(`request failed: ${response.status} ${body.slice(0, 300)}`);
  }
  return { p50: quantile(durations, 0.5), p95: quantile(durations, 0.95), samples };
}

export function graphqlPost(url: string, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  return () =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
}

/** A new database on the DATABASE_URL server, dropped afterwards. */
export async function freshPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `relais_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const ratio = (value: number, base: number) => `×${(value / base).toFixed(1)}`;

/** The value at a quantile of unsorted samples (nearest rank). */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Times `runs` sequential calls of `run`, in milliseconds. */
export async function timeRuns(runs: number, run: () => unknown): Promise<number[]> {
  const durations = [];
  for (let index = 0; index < runs; index += 1) {
    const startedAt = performance.now();
    await run();
    durations.push(performance.now() - startedAt);
  }
  return durations;
}

/** Logs in through the GraphQL app in-process and returns the session cookie. */
export async function logIn(yoga: YogaApp, email: string, password: string): Promise<string> {
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }',
      variables: { email, password },
    }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`login failed for ${email}`);
  return cookie;
}

export interface Subscribers {
  /** The absolute receive times (ms) of round `index`: every subscriber's `index`-th event. */
  round(index: number, timeoutMs?: number): Promise<number[]>;
  stop(): void;
}

/** Opens WebSocket subscribers in a child process (bench/pushSubscribers.ts) and resolves once they listen. */
export async function startSubscribers(request: SubscribersRequest): Promise<Subscribers> {
  const child = fork(path.join(import.meta.dirname, 'pushSubscribers.ts'), { execArgv: ['--import', 'tsx'] });
  const rounds: number[][] = [];
  await new Promise<void>((resolve) => {
    child.on('message', (message: SubscribersMessage) => {
      if (message.kind === 'ready') resolve();
      else rounds.push(message.receivedAt);
    });
    child.send(request);
  });
  return {
    async round(index, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (rounds.length <= index && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      return rounds[index] ?? [];
    },
    stop: () => child.disconnect(),
  };
}

/** Runs `measure` on a fresh in-memory PGlite, then (with DATABASE_URL) on a fresh PostgreSQL database. */
export async function onEachDatabase<Figures>(
  measure: (database: string, db: Database, first: boolean) => Promise<Figures>,
): Promise<Figures[]> {
  const results: Figures[] = [];
  const pglite = await openDatabase({ kind: 'pglite' });
  try {
    results.push(await measure('embedded PGlite', pglite, true));
  } finally {
    await pglite.close();
  }
  if (process.env.DATABASE_URL) {
    const fresh = await freshPostgresDatabase(process.env.DATABASE_URL);
    const postgres = await openDatabase({ kind: 'postgres', url: fresh.url });
    try {
      results.push(await measure('PostgreSQL server', postgres, false));
    } finally {
      await postgres.close();
      await fresh.drop();
    }
  }
  return results;
}
