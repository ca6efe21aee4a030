// `pnpm start`: migrates, fills an empty non-production database with demo data, and
// serves the API and the built PWA on one port.
import { configFromEnv } from '../app/config.ts';
import { databaseOptionsFor, startSystem } from '../app/system.ts';
import { openDatabase } from '../db/database.ts';
import { seedDemoData } from '../resolvers/seedDemoData.ts';

const config = configFromEnv();
const startedAt = performance.now();
const db = await openDatabase(databaseOptionsFor(config));
const migratedAt = performance.now();

// Demo accounts share a public password: never in production, and only into an empty database.
if (!config.production && process.env.RELAIS_DEMO !== '0') {
  const summary = await seedDemoData(db.prisma);
  if (!('skipped' in summary && summary.skipped)) console.log('Demo data loaded:', JSON.stringify(summary));
}
const seededAt = performance.now();

const system = await startSystem(config, db);
const readyAt = performance.now();
console.log(
  `Relais is ready on ${system.http.url} (${db.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}${config.redisUrl ? ', Redis hub' : ''}) ` +
    `in ${Math.round(readyAt - startedAt)} ms (database ${Math.round(migratedAt - startedAt)} ms, demo data ${Math.round(seededAt - migratedAt)} ms).`,
);
if (!config.production) console.log('Demo accounts (password demo1234): manager@, assistant@, technicien@, client@demo.relais.fr');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    system.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
