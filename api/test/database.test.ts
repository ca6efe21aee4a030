// The database layer itself: migrations, the no-double-booking constraint, and the
// embedded PGlite data directory surviving a restart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { applyMigrations, listMigrations } from '../db/migrate.ts';
import { isUniqueViolation, sqlStateOf } from '../resolvers/prismaErrors.ts';
import { createTestCustomer, createTestUser } from './testApp.ts';
import { createEmptyPostgresDatabase, openTestDatabase, testDatabaseKind } from './testDatabase.ts';

describe('migrations and constraints', () => {
  let db: Database;
  let technicianId: string;
  let serviceId: string;
  let customerId: string;
  let siteId: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    const { userId } = await createTestUser(db.prisma, { role: 'TECHNICIAN', email: 'gaetan@duret.test' });
    technicianId = (await db.prisma.technician.findUniqueOrThrow({ where: { userId } })).id;
    serviceId = (
      await db.prisma.service.create({
        data: { code: 'DEPANNAGE', name: 'Dépannage', nameEn: 'Repair', durationMinutes: 60, requiredSkill: 'depannage' },
      })
    ).id;
    customerId = await createTestCustomer(db.prisma, { name: 'Blanc Louise' });
    siteId = (await db.prisma.site.findFirstOrThrow({ where: { customerId } })).id;
  });
  afterAll(() => db.close());

  function appointment(startsAt: string, endsAt: string, status: 'CONFIRMED' | 'CANCELLED' = 'CONFIRMED') {
    return db.prisma.appointment.create({
      data: {
        serviceId,
        technicianId,
        customerId,
        siteId,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        status,
        source: 'STAFF',
      },
    });
  }

  it('records every migration, and applying again changes nothing', async () => {
    const recorded = await db.sql.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(listMigrations().map((migration) => migration.name));
    expect(await applyMigrations(db.sql)).toEqual([]);
  });

  it('refuses two overlapping appointments of one technician, and the connection stays usable', async () => {
    await appointment('2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z');
    const overlapping = await appointment('2026-03-10T08:30:00Z', '2026-03-10T09:30:00Z').catch((error: unknown) => error);
    expect(sqlStateOf(overlapping)).toBe('23P01');
    // Back to back is not an overlap (half-open ranges).
    await expect(appointment('2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z')).resolves.toBeTruthy();
    expect(await db.prisma.appointment.count()).toBe(2);
  });

  it('lets a cancelled appointment give its time back', async () => {
    await appointment('2026-03-11T08:00:00Z', '2026-03-11T09:00:00Z', 'CANCELLED');
    await expect(appointment('2026-03-11T08:00:00Z', '2026-03-11T09:00:00Z')).resolves.toBeTruthy();
  });

  it('refuses an appointment that ends before it starts', async () => {
    const error = await appointment('2026-03-12T09:00:00Z', '2026-03-12T08:00:00Z').catch((caught: unknown) => caught);
    expect(sqlStateOf(error)).toBe('23514');
  });

  it('reports unique violations the same way whichever adapter runs', async () => {
    const error = await db.prisma.service
      .create({ data: { code: 'DEPANNAGE', name: 'Doublon', nameEn: 'Duplicate', durationMinutes: 30, requiredSkill: 'depannage' } })
      .catch((caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
  });
});

describe('embedded PGlite data directory', () => {
  it('keeps data across a restart', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'relais-pglite-')), 'pglite');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await createTestCustomer(first.prisma, { name: 'Persistant Paul' });
    await first.close();
    const second = await openDatabase({ kind: 'pglite', dataDir });
    expect(await second.prisma.customer.findMany({ select: { name: true } })).toEqual([{ name: 'Persistant Paul' }]);
    await second.close();
  });
});

describe('the migrate command', () => {
  it('applies every migration to an empty database and says so', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'relais-migrate-'));
    const postgres = testDatabaseKind() === 'postgres' ? await createEmptyPostgresDatabase() : undefined;
    try {
      const env = { ...process.env, RELAIS_DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? '' };
      const output = execFileSync(process.execPath, ['--import', 'tsx', 'main/migrate.ts'], {
        cwd: path.resolve(import.meta.dirname, '..'),
        env,
        encoding: 'utf8',
      });
      expect(output).toContain(`${listMigrations().length} migration(s) applied, none pending`);
      const db = await openDatabase(
        postgres ? { kind: 'postgres', url: postgres.url } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
      );
      const recorded = await db.sql.query<{ migration_name: string }>(
        'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
      );
      expect(recorded).toHaveLength(listMigrations().length);
      await db.close();
    } finally {
      await postgres?.drop();
    }
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('a PostgreSQL server dropping connections', () => {
  it('does not crash the process, and the next query reconnects', async () => {
    const db = await openTestDatabase();
    try {
      await db.prisma.customer.count();
      const [database] = await db.sql.query<{ name: string }>('SELECT current_database() AS name');
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        database!.name,
      ]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(db.prisma.customer.count()).resolves.toBe(0);
    } finally {
      await db.close();
    }
  });
});
