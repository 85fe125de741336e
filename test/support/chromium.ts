/**
 * Where the browser suites find Chromium: Debian's `/usr/bin/chromium`, or `$CHROMIUM_PATH`. Playwright
 * never downloads a browser here. No Vitest import: the global setup (main process) uses this too.
 */
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_MISSING_NOTICE =
  `Chromium not found at ${DEFAULT_CHROMIUM}: the browser suites are skipped. ` +
  'Install it (apt-get install chromium) or set CHROMIUM_PATH.';

export const CHROMIUM_REQUIRED_IN_CI =
  `Chromium not found at ${DEFAULT_CHROMIUM}, and CI must not skip the browser suites. ` +
  'Install it (apt-get install chromium) or set CHROMIUM_PATH.';

/** The Chromium executable, or null when there is none. A CHROMIUM_PATH that does not exist is an error. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  return existsSync(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : null;
}

/** What every launch passes: no sandbox (CI and containers run as root), and no network of its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
