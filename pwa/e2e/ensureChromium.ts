// The browser tests drive Debian's Chromium (playwright's own browser download cannot
// work on these machines). Installs it when missing and we are allowed to.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Run as a script (`tsx pwa/e2e/ensureChromium.ts`) before the browser tests. */
export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error('Chromium is needed for the browser tests: install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.');
  }
  console.log('Installing Debian Chromium for the browser tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core', { stdio: 'inherit' });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) ensureChromium();
