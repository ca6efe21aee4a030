// Every test runs against embedded PGlite; with DATABASE_URL set, the API tests run a
// second time against that PostgreSQL server (and against Redis when REDIS_URL is set).
import { defineConfig } from 'vitest/config';

const apiTests = ['api/**/*.test.ts'];

export default defineConfig({
  // Vite would resolve `graphql` to its ESM build for our sources while Node gives the
  // libraries the CommonJS one: two GraphQLError classes. One copy, as in production.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-artifacts/results.json' },
    hookTimeout: 120_000,
    env: { TZ: process.env.TZ ?? 'UTC' },
    projects: [
      { extends: true as const, test: { name: 'pglite', include: apiTests, env: { RELAIS_TEST_DB: 'pglite' } } },
      ...(process.env.DATABASE_URL
        ? [{ extends: true as const, test: { name: 'postgres', include: apiTests, env: { RELAIS_TEST_DB: 'postgres' } } }]
        : []),
      { extends: true as const, test: { name: 'browser', include: ['pwa/e2e/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
