/**
 * Consumer test: the packed tarball in a fresh Vite + React app (examples/vite), as a user would install it.
 * `npm pack` the kit, copy examples/vite to a temp dir twice (React 19 as written; React 18 with the 18 types),
 * install the tarball plus the app's dependencies from the registry, type-check and build each copy, serve it
 * with `vite preview` on a free localhost port and drive it in Chromium: the kit's CSS applies (token colours,
 * utilities) without restyling the host page, a switch changes the current account, a revoke removes a device.
 * Set CSK_SKIP_BUILD=1 when `npm run build` already ran (e.g. right after `npm run lint:package`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunch } from '../chromium';
import {
  copyExample,
  expectStyledWithoutRestylingHost,
  freePort,
  npmInstall,
  openKit,
  packKit,
  revokePhone,
  root,
  type Server,
  seconds,
  serve,
  sh,
  stop,
  switchAccount,
  timings,
} from './helpers';

const example = path.join(root, 'examples/vite');

type Variant = 'react19' | 'react18';
const react18 = {
  dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1' },
  devDependencies: { '@types/react': '^18.3.0', '@types/react-dom': '^18.3.0' },
};

let work: string;
let browser: Browser | undefined;
const servers: Server[] = [];
const apps = new Map<Variant, { url: string; react: string }>();

async function prepare(variant: Variant, tarball: string) {
  const dir = path.join(work, variant);
  copyExample(example, dir);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  pkg.dependencies['clerk-session-kit'] = `file:${tarball}`;
  if (variant === 'react18') {
    Object.assign(pkg.dependencies, react18.dependencies);
    Object.assign(pkg.devDependencies, react18.devDependencies);
  }
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  await npmInstall(dir);
  const react = JSON.parse(readFileSync(path.join(dir, 'node_modules/react/package.json'), 'utf8')).version as string;
  await sh('npm', ['run', 'build'], dir, 180_000);
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
  apps.set(variant, { url: server.url, react });
}

beforeAll(async () => {
  const started = Date.now();
  work = mkdtempSync(path.join(tmpdir(), 'csk-consumers-'));
  const tarball = await packKit();
  await Promise.all([prepare('react19', tarball), prepare('react18', tarball)]);
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

describe.each(['react19', 'react18'] as const)('examples/vite from the packed tarball (%s)', (variant) => {
  it('runs the React it was built with', () => {
    const major = apps.get(variant)?.react.split('.')[0];
    expect(major).toBe(variant === 'react18' ? '18' : '19');
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
