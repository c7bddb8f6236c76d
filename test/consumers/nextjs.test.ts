/**
 * Consumer test: the packed tarball in a fresh Next.js 16 App Router app (examples/nextjs: `@clerk/nextjs` 7,
 * `proxy.ts` = the kit's `sessionProxy()`), as a user would install it: on Clerk Core 3 and on Core 2
 * (`@clerk/nextjs` 6, the kit's `/core-2` entries), each installed with npm and with pnpm, two apps at a time.
 * Copies examples/nextjs to a temp dir outside the repository and turns it into a standalone app: its
 * package.json depends on the tarball plus next, react, react-dom, @clerk/nextjs and msw at the repository's
 * versions (the example's files are a user's app as they are: the repository's wiring onto the kit's source lives
 * in test/server/helpers/nextApp.ts).
 * Then `npm install`, `next build` (which type-checks the app against the tarball's .d.ts), `next start -H
 * localhost` with offline test keys, and:
 * - the proxy preset from the tarball: a protected page redirects to sign-in, a protected API answers 401 JSON,
 *   a signed-in token gets through to `requireSession()`;
 * - Chromium on /kit (offline mode: the components under `<OfflineClerkProvider>`, MSW's worker answering Clerk's
 *   Frontend API):
 *   the kit's CSS applies, a switch changes the current account, a revoke removes a device.
 * Set CSK_SKIP_BUILD=1 when `npm run build` already ran; CSK_KEEP_CONSUMERS=1 keeps the temp app.
 */
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunch } from '../chromium';
import { createTestKeys, personas } from '../server/helpers/keys';
import { exampleEnv } from '../server/helpers/nextApp';
import {
  CORES,
  clerkSharedCopies,
  copyExample,
  expectStyledWithoutRestylingHost,
  freePort,
  importCore2,
  inParallel,
  install,
  openKit,
  type PackageManager,
  packKit,
  resolvedFrom,
  revokePhone,
  root,
  rootVersion,
  type Server,
  seconds,
  serve,
  sh,
  stop,
  switchAccount,
  timings,
} from './helpers';

const example = path.join(root, 'examples/nextjs');
const keys = createTestKeys();
const env = exampleEnv(keys);

const VARIANTS = {
  'core-3': { core: 3, pm: 'npm' },
  'core-3-pnpm': { core: 3, pm: 'pnpm' },
  'core-2': { core: 2, pm: 'npm' },
  'core-2-pnpm': { core: 2, pm: 'pnpm' },
} as const satisfies Record<string, { core: 2 | 3; pm: PackageManager }>;
type Variant = keyof typeof VARIANTS;

interface App {
  dir: string;
  buildOutput: string;
  server: Server;
}

let work: string;
let browser: Browser | undefined;
const apps = new Map<Variant, App>();

/** Rewrites the copy of examples/nextjs into an app that knows nothing of the repository. */
function standalone(dir: string, tarball: string, core: 2 | 3) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const pinned = (names: string[]) => Object.fromEntries(names.map((name) => [name, rootVersion(name)]));
  pkg.dependencies = {
    'clerk-session-kit': `file:${tarball}`,
    ...pinned(['msw', 'next', 'react', 'react-dom']),
    // Core 2: the repository has @clerk/nextjs 6 under an alias (see package.json).
    '@clerk/nextjs': rootVersion(core === 2 ? '@clerk/nextjs-6' : '@clerk/nextjs'),
  };
  pkg.devDependencies = pinned(['@types/node', '@types/react', '@types/react-dom', 'typescript']);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  if (core === 2) importCore2(path.join(dir, 'app'));

  // Browser source maps let the test count the copies of @clerk/shared in the client bundle.
  writeFileSync(
    path.join(dir, 'next.config.ts'),
    "import type { NextConfig } from 'next';\n\nconst config: NextConfig = { poweredByHeader: false, productionBrowserSourceMaps: true };\n\nexport default config;\n",
  );
}

async function prepare(variant: Variant, tarball: string) {
  const { core, pm } = VARIANTS[variant];
  const dir = path.join(work, variant);
  copyExample(example, dir);
  standalone(dir, tarball, core);
  await install(dir, pm);
  const next = path.join(dir, 'node_modules/next/dist/bin/next');
  const buildOutput = await sh(process.execPath, [next, 'build'], dir, 300_000, env);
  const port = await freePort();
  const server = await serve(
    [next, 'start', '-H', 'localhost', '-p', String(port)],
    dir,
    `http://localhost:${port}/`,
    env,
  );
  apps.set(variant, { dir, buildOutput, server });
}

beforeAll(async () => {
  const started = Date.now();
  work = mkdtempSync(path.join(tmpdir(), 'csk-consumer-next-'));
  const tarball = await packKit();
  browser = await chromium.launch(chromiumLaunch());
  await inParallel(
    2,
    (Object.keys(VARIANTS) as Variant[]).map((variant) => () => prepare(variant, tarball)),
  );
  timings.push(`next setup total ${seconds(started)}`);
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([...apps.values()].map((app) => stop(app.server)));
  if (work && process.env.CSK_KEEP_CONSUMERS !== '1') rmSync(work, { recursive: true, force: true });
  console.log(`consumers (nextjs):\n  ${timings.join('\n  ')}`);
});

describe.each(Object.keys(VARIANTS) as Variant[])('examples/nextjs from the packed tarball (%s)', (variant) => {
  const { core, pm } = VARIANTS[variant];
  const current = () => {
    const app = apps.get(variant);
    if (!app) throw new Error(`${variant} app is not running`);
    return app;
  };
  const origin = () => current().server.url.replace(/\/$/, '');
  /**
   * A page in a fresh browser: offline mode hands it the development browser token Clerk's handshake would (there
   * is no Clerk to bounce through), and the mock Clerk signs its current user, Ada, in. Fresh for every test: the
   * server's cookies carry the mock's state across page loads (a switch to Grace would stick).
   */
  const newPage = async (): Promise<Page> => {
    if (!browser) throw new Error('the browser did not start');
    const context: BrowserContext = await browser.newContext();
    const page = await context.newPage();
    page.once('close', () => void context.close());
    return page;
  };

  it('installs the kit from the tarball, with the Clerk of @clerk/nextjs, and type-checks in next build', () => {
    const { dir, buildOutput } = current();
    const kit = path.join(dir, 'node_modules/clerk-session-kit');
    if (pm === 'npm') {
      expect(lstatSync(kit).isSymbolicLink()).toBe(false);
      expect(existsSync(path.join(kit, 'node_modules'))).toBe(false);
    }
    expect(existsSync(path.join(kit, 'dist/styles.css'))).toBe(true);
    expect(existsSync(path.join(kit, 'src'))).toBe(false);
    // The kit's hooks and @clerk/nextjs's provider must share one @clerk/(clerk-)react, or the hooks throw.
    const { clerkReact } = CORES[core];
    expect(resolvedFrom(dir, 'clerk-session-kit', clerkReact)).toBe(resolvedFrom(dir, '@clerk/nextjs', clerkReact));
    expect(clerkSharedCopies(path.join(dir, '.next/static'))).toHaveLength(1);
    expect(buildOutput).toMatch(/Finished TypeScript/);
    expect(buildOutput).toMatch(/○ \/kit\b/);
    expect(buildOutput).toMatch(/Proxy \(Middleware\)/);
  });

  it('the proxy preset protects pages and APIs, and lets a signed-in token through', async () => {
    const dashboard = await fetch(`${origin()}/dashboard`, { redirect: 'manual' });
    expect(dashboard.status).toBe(307);
    expect(new URL(String(dashboard.headers.get('location')), origin()).href).toBe(
      `${origin()}/sign-in?redirect_url=${encodeURIComponent(`${origin()}/dashboard`)}`,
    );
    const me = await fetch(`${origin()}/api/me`, { redirect: 'manual' });
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    const signedIn = await fetch(`${origin()}/api/me`, { headers: { authorization: `Bearer ${personas(keys).user}` } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({
      secret: 'me',
      userId: 'user_member',
      forwardedUserId: 'user_member',
    });
    const kit = await fetch(`${origin()}/kit`, { redirect: 'manual' });
    expect(kit.status).toBe(200);
    expect(await kit.text()).toContain('data-page="kit"');
  });

  it('/kit is styled by clerk-session-kit/styles.css, and leaves the host page alone', async () => {
    const page = await openKit(newPage, `${origin()}/kit`, 'nextjs');
    await expectStyledWithoutRestylingHost(page);
    await page.close();
  });

  it('/kit switches the current account', async () => {
    const page = await openKit(newPage, `${origin()}/kit`, 'nextjs');
    await switchAccount(page);
    await page.close();
  });

  it('/kit speaks German where a Server Component passes `de` from clerk-session-kit/locales', async () => {
    const page = await openKit(newPage, `${origin()}/kit`, 'nextjs');
    const german = page.getByRole('region', { name: 'Auf Deutsch' });
    await german.getByRole('button', { name: 'Von allen Konten abmelden' }).click();
    // Rejects (timeout) unless the German confirmation opens.
    await page.getByRole('alertdialog', { name: '3 Konten in diesem Browser abmelden?' }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('/kit revokes another device', async () => {
    const page = await openKit(newPage, `${origin()}/kit`, 'nextjs');
    const { before, after } = await revokePhone(page);
    expect(after).toBe(before - 1);
    await page.close();
  });
});
