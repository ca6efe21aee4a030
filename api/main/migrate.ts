// `pnpm migrate`: applies pending migrations to the configured database and exits.
import { configFromEnv } from '../app/config.ts';
import { databaseOptionsFor } from '../app/system.ts';
import { openDatabase } from '../db/database.ts';

const config = configFromEnv();
const options = databaseOptionsFor(config);
// openDatabase applies pending migrations before returning.
const db = await openDatabase(options);
const applied = await db.sql.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" ORDER BY started_at');
console.log(
  `Database ${options.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${options.dataDir})`}: ${applied.length} migration(s) applied, none pending.`,
);
await db.close();
