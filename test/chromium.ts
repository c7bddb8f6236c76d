import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Flags that keep Chromium off the (closed) network and quiet in containers running as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * Resolves the Chromium to drive: `CHROMIUM_PATH`, then Debian's `/usr/bin/chromium`, then Playwright's own
 * download. Throws naming all three when none is found.
 */
export function resolveChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright') as { chromium: { executablePath(): string } };
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined; // Playwright finds its own browser.
  } catch {
    // fall through to the error below
  }
  throw new Error(
    "No Chromium found. Either set CHROMIUM_PATH=/path/to/chromium, install Debian's package (apt-get install -y chromium -> /usr/bin/chromium), or run `npx playwright install chromium`.",
  );
}

/** Playwright launch options for the kit's browser tests. */
export function chromiumLaunch() {
  const executablePath = resolveChromium();
  return { ...(executablePath ? { executablePath } : {}), args: chromiumArgs };
}
