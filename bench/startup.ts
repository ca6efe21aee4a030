// Start-up times and query latencies of Relais over the demo data, each as a ratio
// against a bare graphql-yoga server measured in the same run.
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshPostgresDatabase, graphqlPost, measureLatency, ms, ratio, repoRoot, startServer, type LatencyStats } from './measure.ts';

const samples = Number(process.env.BENCH_SAMPLES ?? 500);
const typenameQuery = JSON.stringify({ query: '{ __typename }' });

interface RelaisFigures {
  database: string;
  firstStartMs: number;
  warmStartMs: number;
  typename: LatencyStats;
  me: LatencyStats;
  search: LatencyStats;
}

async function measureRelais(database: string, env: Record<string, string | undefined>): Promise<RelaisFigures> {
  const port = 4600;
  // First start: empty database, so migrations and demo data are part of it (as on a fresh clone).
  const first = await startServer('main/server.ts', port, env, '/health');
  await first.stop();
  const warm = await startServer('main/server.ts', port, env, '/health');
  try {
    const login = await fetch(`${warm.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "assistant@demo.relais.fr", password: "demo1234") { __typename } }' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('login failed');
    return {
      database,
      firstStartMs: first.startMs,
      warmStartMs: warm.startMs,
      typename: await measureLatency(graphqlPost(warm.url, '{ __typename }'), samples),
      me: await measureLatency(graphqlPost(warm.url, '{ me { id name email role locale } }', {}, cookie), samples),
      search: await measureLatency(
        graphqlPost(
          warm.url,
          'query($search: String) { customers(search: $search, limit: 20) { total items { id name phones sites { postalCode city } contracts { status } } } }',
          { search: 'martin' },
          cookie,
        ),
        samples,
      ),
    };
  } finally {
    await warm.stop();
  }
}

/** Markdown lines of the start-up and latency section. */
export async function startupSection(): Promise<string[]> {
  // `pnpm start` builds first (Prisma client, schema, PWA types, PWA bundle): timed on its own.
  const buildStartedAt = performance.now();
  execSync('npx -y pnpm@10 build', { cwd: repoRoot, stdio: 'ignore' });
  const buildMs = performance.now() - buildStartedAt;

  const baseline = await startServer(path.join(repoRoot, 'bench/bareYogaServer.ts'), 4599, {}, '/graphql', typenameQuery);
  const baselineTypename = await measureLatency(graphqlPost(baseline.url, '{ __typename }'), samples);
  await baseline.stop();
  const baselineWarm = await startServer(path.join(repoRoot, 'bench/bareYogaServer.ts'), 4599, {}, '/graphql', typenameQuery);
  await baselineWarm.stop();
  const baselineStartMs = Math.min(baseline.startMs, baselineWarm.startMs);

  const results: RelaisFigures[] = [];
  const quiet = {
    RELAIS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'relais-bench-')),
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    NODE_ENV: undefined,
  };
  results.push(await measureRelais('embedded PGlite', quiet));
  if (process.env.DATABASE_URL) {
    const database = await freshPostgresDatabase(process.env.DATABASE_URL);
    try {
      results.push(
        await measureRelais('PostgreSQL server', {
          ...quiet,
          RELAIS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'relais-bench-')),
          DATABASE_URL: database.url,
        }),
      );
    } finally {
      await database.drop();
    }
  }

  return [
    `Latencies: ${samples} sequential requests over loopback HTTP after 50 warm-up requests, as the client measures them.`,
    'Baseline: a bare graphql-yoga server answering `{ __typename }` (bench/bareYogaServer.ts), started and queried',
    'the same way in the same run. Ratios are Relais ÷ baseline.',
    '',
    '## Start-up (install and PWA build excluded)',
    '',
    '| database | first start (empty database: migrations + demo data) | warm start | bare yoga start |',
    '|---|---|---|---|',
    ...results.map(
      (result) =>
        `| ${result.database} | ${ms(result.firstStartMs)} (${ratio(result.firstStartMs, baselineStartMs)}) | ${ms(result.warmStartMs)} (${ratio(result.warmStartMs, baselineStartMs)}) | ${ms(baselineStartMs)} |`,
    ),
    '',
    'A start is timed from spawning the process to its first 200 on /health (Relais) or /graphql (baseline).',
    `\`pnpm start\` first runs \`pnpm build\` (code generation and the PWA bundle): ${ms(buildMs)} in this run, so a first`,
    `\`pnpm start\` on a fresh clone takes about ${((buildMs + results[0]!.firstStartMs) / 1000).toFixed(0)} s after install.`,
    '',
    '## Query latency over the demo data (600 customers)',
    '',
    '| database | query | p50 | p95 | p50 ratio | p95 ratio |',
    '|---|---|---|---|---|---|',
    `| — | bare yoga \`{ __typename }\` (baseline) | ${ms(baselineTypename.p50)} | ${ms(baselineTypename.p95)} | ×1.0 | ×1.0 |`,
    ...results.flatMap((result) =>
      (
        [
          ['Relais `{ __typename }`', result.typename],
          ['`me` (session cookie)', result.me],
          ['customer search "martin", 20 results with sites and contracts', result.search],
        ] as const
      ).map(
        ([label, stats]) =>
          `| ${result.database} | ${label} | ${ms(stats.p50)} | ${ms(stats.p95)} | ${ratio(stats.p50, baselineTypename.p50)} | ${ratio(stats.p95, baselineTypename.p95)} |`,
      ),
    ),
    '',
  ];
}
