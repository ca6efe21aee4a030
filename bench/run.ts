// `pnpm bench`: every benchmark of the project, written to docs/benchmarks.md with the
// command and commit that produced it.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { bookingSection } from './booking.ts';
import { inboxSection } from './inbox.ts';
import { offlineSection } from './offline.ts';
import { repoRoot } from './measure.ts';
import { startupSection } from './startup.ts';
import { syncSection } from './sync.ts';

const commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim();
const lines = [
  '# Benchmarks',
  '',
  `Produced by \`npx -y pnpm@10 bench\` (bench/run.ts) on commit ${commit}, ${new Date().toISOString().slice(0, 10)},`,
  `on this project's machine (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}),`,
  `with DATABASE_URL ${process.env.DATABASE_URL ? 'set (PostgreSQL rows measured too)' : 'unset (PGlite only)'}.`,
  '',
  ...(await startupSection()),
  ...(await offlineSection()),
  ...(await bookingSection()),
  ...(await inboxSection()),
  ...(await syncSection()),
];
writeFileSync(path.join(repoRoot, 'docs/benchmarks.md'), lines.join('\n'));
console.log(lines.join('\n'));
