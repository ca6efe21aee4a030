// `pnpm --filter @relais/api seed`: loads the demo data into an empty, non-production database.
import { configFromEnv } from '../app/config.ts';
import { databaseOptionsFor } from '../app/system.ts';
import { openDatabase } from '../db/database.ts';
import { seedDemoData } from '../resolvers/seedDemoData.ts';

const config = configFromEnv();
if (config.production) {
  console.error('Refusing to load demo data (shared public passwords) with NODE_ENV=production.');
  process.exit(1);
}
const db = await openDatabase(databaseOptionsFor(config));
console.log(JSON.stringify(await seedDemoData(db.prisma), null, 2));
await db.close();
