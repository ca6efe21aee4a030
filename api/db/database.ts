// Opens the one database the API uses: a PostgreSQL server when DATABASE_URL is set,
// otherwise PGlite in-process (a data directory, or memory for tests).
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyMigrations, type SqlRunner } from './migrate.ts';

export type DatabaseOptions = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir?: string };

export interface Database {
  kind: DatabaseOptions['kind'];
  prisma: PrismaClient;
  /** Runs raw SQL outside Prisma (migrations, maintenance). */
  sql: SqlRunner;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.kind === 'postgres' ? openPostgres(options.url) : await openPglite(options.dataDir);
  await applyMigrations(db.sql);
  return db;
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection dropped by the server (restart, failover, admin termination) must not crash
  // the process: the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost, the pool will reconnect: ${error.message}`));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    prisma,
    sql: {
      async exec(text) {
        await pool.query(text);
      },
      async query<Row>(text: string, params: unknown[] = []) {
        return (await pool.query(text, params)).rows as Row[];
      },
      async withLock(fn) {
        const client = await pool.connect();
        try {
          // A session-level advisory lock: two instances starting at once migrate one after the other.
          await client.query('SELECT pg_advisory_lock(72616973)');
          return await fn({
            async exec(text) {
              await client.query(text);
            },
            async query<Row>(text: string, params: unknown[] = []) {
              return (await client.query(text, params)).rows as Row[];
            },
          });
        } finally {
          await client.query('SELECT pg_advisory_unlock(72616973)').catch(() => undefined);
          client.release();
        }
      },
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { btree_gist, pg_trgm } });
  const prisma = new PrismaClient({
    // pglite-prisma-adapter 0.6 is typed against an older driver-adapter-utils; the runtime contract is the same.
    adapter: new PrismaPGlite(pglite) as unknown as NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'],
  });
  const runner = {
    async exec(text: string) {
      await pglite.exec(text);
    },
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pglite.query<Row>(text, params)).rows;
    },
  };
  return {
    kind: 'pglite',
    prisma,
    // PGlite is one connection owned by this process: nobody else can migrate at the same time.
    sql: { ...runner, withLock: (fn) => fn(runner) },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
