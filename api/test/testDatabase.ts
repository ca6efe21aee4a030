// A fresh, migrated database for one test file: PGlite in memory, or a new database
// on the PostgreSQL server when the test project runs against DATABASE_URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.ts';

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.RELAIS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new, empty database on the DATABASE_URL server, and how to drop it. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('RELAIS_TEST_DB=postgres needs DATABASE_URL');
  const name = `relais_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function openTestDatabase(): Promise<Database> {
  if (testDatabaseKind() === 'pglite') return openDatabase({ kind: 'pglite' });
  const empty = await createEmptyPostgresDatabase();
  const db = await openDatabase({ kind: 'postgres', url: empty.url });
  return {
    ...db,
    async close() {
      await db.close();
      await empty.drop();
    },
  };
}
