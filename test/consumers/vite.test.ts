/**
 * Consumer test: the packed tarball in a fresh Vite + React app (examples/vite), as a user would install it.
 * `npm pack` the kit, copy examples/vite to a temp dir once per variant (Clerk Core 3 with React 19 as written,
 * with React 18 and the 18 types, and with pnpm; Clerk Core 2, `@clerk/clerk-react` 5 and the kit's `/core-2`
 * entries, with npm and pnpm), install the tarball plus the app's dependencies from the registry (two at a time),
 * type-check and build each copy (one `@clerk/shared` in the bundle), serve it
 * with `vite preview` on a free localhost port and drive it in Chromium: the kit's CSS applies (token colours,
 * utilities) without restyling the host page, a switch changes the current account, a revoke removes a device.
 * Set CSK_SKIP_BUILD=1 when `npm run build` already ran (e.g. right after `npm run lint:package`).
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunch } from '../chromium';
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
  runScript,
  type Server,
  seconds,
  serve,
  stop,
  switchAccount,
  timings,
} from './helpers';

const example = path.join(root, 'examples/vite');

const VARIANTS = {
  react19: { core: 3, pm: 'npm', react: 19 },
  react18: { core: 3, pm: 'npm', react: 18 },
  pnpm: { core: 3, pm: 'pnpm', react: 19 },
  'core-2': { core: 2, pm: 'npm', react: 19 },
  'core-2-pnpm': { core: 2, pm: 'pnpm', react: 19 },
} as const satisfies Record<string, { core: 2 | 3; pm: PackageManager; react: 18 | 19 }>;
type Variant = keyof typeof VARIANTS;
const react18 = {
  dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1' },
  devDependencies: { '@types/react': '^18.3.0', '@types/react-dom': '^18.3.0' },
};

let work: string;
let browser: Browser | undefined;
const servers: Server[] = [];
const apps = new Map<Variant, { url: string; react: string; dir: string }>();

async function prepare(variant: Variant, tarball: string) {
  const { core, pm, react: major } = VARIANTS[variant];
  const dir = path.join(work, variant);
  copyExample(example, dir);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  pkg.dependencies['clerk-session-kit'] = `file:${tarball}`;
  if (major === 18) {
    Object.assign(pkg.dependencies, react18.dependencies);
    Object.assign(pkg.devDependencies, react18.devDependencies);
  }
  if (core === 2) {
    delete pkg.dependencies['@clerk/react'];
    pkg.dependencies['@clerk/clerk-react'] = `^${rootVersion('@clerk/clerk-react')}`;
    importCore2(path.join(dir, 'src'));
  }
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  await install(dir, pm);
  const react = JSON.parse(readFileSync(path.join(dir, 'node_modules/react/package.json'), 'utf8')).version as string;
  // Source maps: how the test counts the copies of @clerk/shared in the bundle.
  await runScript(dir, pm, 'build', ['--sourcemap']);
  const port = await freePort();
  const vite = path.join(dir, 'node_modules/vite/bin/vite.js');
  const server = await serve(
    [vite, 'preview', '--host', 'localhost', '--port', String(port), '--strictPort'],
    dir,
    `http://localhost:${port}/`,
    process.env,
    30_000,
  );
  servers.push(server);
  apps.set(variant, { url: server.url, react, dir });
}

beforeAll(async () => {
  const started = Date.now();
  work = mkdtempSync(path.join(tmpdir(), 'csk-consumers-'));
  const tarball = await packKit();
  await inParallel(
    2,
    (Object.keys(VARIANTS) as Variant[]).map((variant) => () => prepare(variant, tarball)),
  );
  browser = await chromium.launch(chromiumLaunch());
  timings.push(`vite setup total ${seconds(started)}`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map(stop));
  if (work && process.env.CSK_KEEP_CONSUMERS !== '1') rmSync(work, { recursive: true, force: true });
  console.log(`consumers (vite):\n  ${timings.join('\n  ')}`);
});

function open(variant: Variant) {
  const app = apps.get(variant);
  if (!app || !browser) throw new Error(`${variant} app is not running`);
  const b = browser;
  return openKit(() => b.newPage(), app.url, variant);
}

describe.each(Object.keys(VARIANTS) as Variant[])('examples/vite from the packed tarball (%s)', (variant) => {
  const { core, react } = VARIANTS[variant];
  it('runs the React it was built with', () => {
    const major = apps.get(variant)?.react.split('.')[0];
    expect(major).toBe(String(react));
  });

  it("uses the app's own Clerk: one @clerk/(clerk-)react, one @clerk/shared in the bundle", () => {
    const dir = apps.get(variant)?.dir as string;
    const { clerkReact } = CORES[core];
    expect(resolvedFrom(dir, 'clerk-session-kit', clerkReact)).toBe(
      realpathSync(path.join(dir, 'node_modules', clerkReact, 'package.json')),
    );
    expect(clerkSharedCopies(path.join(dir, 'dist'))).toHaveLength(1);
  });

  it('is styled by clerk-session-kit/styles.css, and leaves the host page alone', async () => {
    const page = await open(variant);
    await expectStyledWithoutRestylingHost(page);
    await page.close();
  });

  it('switches the current account', async () => {
    const page = await open(variant);
    await switchAccount(page);
    await page.close();
  });

  it('revokes another device', async () => {
    const page = await open(variant);
    const { before, after } = await revokePhone(page);
    expect(after).toBe(before - 1);
    await page.close();
  });
});
