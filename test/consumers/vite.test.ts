/**
 * Consumer test: the packed tarball in a fresh Vite + React app (examples/vite), as a user would install it.
 * `npm pack` the kit, copy examples/vite to a temp dir twice (React 19 as written; React 18 with the 18 types),
 * install the tarball plus the app's dependencies from the registry, type-check and build each copy, serve it
 * with `vite preview` on a free localhost port and drive it in Chromium: the kit's CSS applies (token colours,
 * utilities) without restyling the host page, a switch changes the current account, a revoke removes a device.
 * Set CSK_SKIP_BUILD=1 when `npm run build` already ran (e.g. right after `npm run lint:package`).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunch } from '../chromium';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const kitDir = process.env.CSK_KIT_DIR ? path.resolve(process.env.CSK_KIT_DIR) : root;
const example = path.join(root, 'examples/vite');

type Variant = 'react19' | 'react18';
const react18 = {
  dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1' },
  devDependencies: { '@types/react': '^18.3.0', '@types/react-dom': '^18.3.0' },
};

let work: string;
let browser: Browser | undefined;
const servers: ChildProcess[] = [];
const apps = new Map<Variant, { url: string; react: string }>();
const timings: string[] = [];

async function sh(cmd: string, args: string[], cwd: string, timeout: number) {
  const started = Date.now();
  try {
    const { stdout } = await run(cmd, args, {
      cwd,
      timeout,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CI: '1' },
    });
    timings.push(`${path.basename(cwd)}: ${cmd} ${args.join(' ')} ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function serve(dir: string): Promise<string> {
  const port = await freePort();
  const vite = path.join(dir, 'node_modules/vite/bin/vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'preview', '--host', 'localhost', '--port', String(port), '--strictPort'],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  servers.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://localhost:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${output}`);
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url}: ${output}`);
}

async function prepare(variant: Variant, tarball: string) {
  const dir = path.join(work, variant);
  cpSync(example, dir, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist)$/.test(src) && !src.endsWith('package-lock.json'),
  });
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  pkg.dependencies['clerk-session-kit'] = `file:${tarball}`;
  if (variant === 'react18') {
    Object.assign(pkg.dependencies, react18.dependencies);
    Object.assign(pkg.devDependencies, react18.devDependencies);
  }
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir, 240_000);
  const react = JSON.parse(readFileSync(path.join(dir, 'node_modules/react/package.json'), 'utf8')).version as string;
  await sh('npm', ['run', 'build'], dir, 180_000);
  apps.set(variant, { url: await serve(dir), react });
}

beforeAll(async () => {
  const started = Date.now();
  work = mkdtempSync(path.join(tmpdir(), 'csk-consumers-'));
  if (process.env.CSK_SKIP_BUILD !== '1') await sh('npm', ['run', 'build'], kitDir, 180_000);
  await sh('npm', ['pack', '--pack-destination', work, '--loglevel=error'], kitDir, 60_000);
  const tarball = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) as string);
  await Promise.all([prepare('react19', tarball), prepare('react18', tarball)]);
  browser = await chromium.launch(chromiumLaunch());
  timings.push(`setup total ${((Date.now() - started) / 1000).toFixed(1)}s`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const child of servers) child.kill();
  if (work && process.env.CSK_KEEP_CONSUMERS !== '1') rmSync(work, { recursive: true, force: true });
  console.log(`consumers:\n  ${timings.join('\n  ')}`);
});

async function open(variant: Variant): Promise<Page> {
  const app = apps.get(variant);
  if (!app || !browser) throw new Error(`${variant} app is not running`);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(app.url);
  try {
    await page.getByRole('button', { name: /^Account: Ada Lovelace/ }).waitFor({ timeout: 15_000 });
  } catch (error) {
    throw new Error(`${variant}: the kit did not render (${errors.join(' | ') || (error as Error).message})`);
  }
  return page;
}

describe.each(['react19', 'react18'] as const)('examples/vite from the packed tarball (%s)', (variant) => {
  it('runs the React it was built with', () => {
    const major = apps.get(variant)?.react.split('.')[0];
    expect(major).toBe(variant === 'react18' ? '18' : '19');
  });

  it('is styled by clerk-session-kit/styles.css, and leaves the host page alone', async () => {
    const page = await open(variant);
    const styles = await page.evaluate(() => {
      const resolve = (value: string) => {
        const probe = document.createElement('div');
        probe.style.color = value;
        document.body.append(probe);
        const color = getComputedStyle(probe).color;
        probe.remove();
        return color;
      };
      const bordered = document.querySelector('[class~="csk:border-border"]');
      const hidden = document.querySelector('[class~="csk:sr-only"]');
      return {
        token: getComputedStyle(document.documentElement).getPropertyValue('--csk-border').trim(),
        borderToken: resolve('var(--csk-border)'),
        border: bordered ? getComputedStyle(bordered).borderTopColor : null,
        srOnlyWidth: hidden ? getComputedStyle(hidden).width : null,
        bodyMargin: getComputedStyle(document.body).marginTop,
        h1Size: getComputedStyle(document.querySelector('h1') as Element).fontSize,
      };
    });
    expect(styles.token).not.toBe('');
    expect(styles.border).toBe(styles.borderToken);
    expect(styles.border).not.toBe(resolveBlack);
    expect(styles.srOnlyWidth).toBe('1px');
    // No preflight/reset: the host's own elements keep the browser defaults.
    expect(styles.bodyMargin).toBe('8px');
    expect(styles.h1Size).toBe('32px');
    await page.close();
  });

  it('switches the current account', async () => {
    const page = await open(variant);
    await page.getByRole('button', { name: /^Account: Ada Lovelace/ }).click();
    await page.getByRole('button', { name: /^Switch to Grace Hopper/ }).click();
    await page.getByRole('button', { name: /^Account: Grace Hopper/ }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('revokes another device', async () => {
    const page = await open(variant);
    const devices = page.locator('section', { has: page.getByRole('heading', { name: 'Active devices' }) });
    const phone = devices.locator('[data-session-id="sess_ada_phone"]');
    await phone.waitFor({ timeout: 10_000 });
    const before = await devices.locator('[data-session-id]').count();
    await phone.getByRole('button').first().click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out', exact: true }).click();
    await phone.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await devices.locator('[data-session-id]').count()).toBe(before - 1);
    await page.close();
  });
});

const resolveBlack = 'rgb(0, 0, 0)';
