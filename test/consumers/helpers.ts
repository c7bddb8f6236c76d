/**
 * Shared by the consumer tests (test/consumers/*.test.ts): pack the kit once, copy an example out of the
 * repository, install, serve, and the checks every consumer makes in Chromium.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright';
import { expect } from 'vitest';

const run = promisify(execFile);
export const root = path.resolve(import.meta.dirname, '../..');
export const kitDir = process.env.CSK_KIT_DIR ? path.resolve(process.env.CSK_KIT_DIR) : root;

/** Step timings, printed by each test file's afterAll. */
export const timings: string[] = [];

/** Runs a command to completion; the error carries its output. */
export async function sh(
  cmd: string,
  args: string[],
  cwd: string,
  timeout: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await run(cmd, args, {
      cwd,
      timeout,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...env, CI: '1' },
    });
    timings.push(`${path.basename(cwd)}: ${path.basename(cmd)} ${args.join(' ')} ${seconds(started)}`);
    return stdout + stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

export const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

/** A free TCP port on localhost. */
export function freePort(): Promise<number> {
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

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => listFiles(path.join(dir, entry.name)))
    .sort();
}

/**
 * The kit as `npm pack` makes it: `npm run build` (skipped with CSK_SKIP_BUILD=1) then `npm pack`. The tarball is
 * kept under the temp dir, keyed by a hash of everything that goes into it (sources, build config, lock file, and
 * dist itself when the build is skipped), so the second consumer test in a run, or a rerun with nothing changed,
 * reuses it instead of building again.
 */
export async function packKit(): Promise<string> {
  const skipBuild = process.env.CSK_SKIP_BUILD === '1';
  const inputs = [
    'package.json',
    'package-lock.json',
    'README.md',
    'LICENSE',
    'src',
    'scripts',
    'tsdown.config.ts',
    'tailwind.config.ts',
    ...(skipBuild ? ['dist'] : []),
  ].flatMap((entry) => listFiles(path.join(kitDir, entry)));
  const hash = createHash('sha256').update(skipBuild ? 'dist' : 'build');
  for (const file of inputs) hash.update(path.relative(kitDir, file)).update('\0').update(readFileSync(file));
  const key = hash.digest('hex').slice(0, 16);
  const cache = path.join(tmpdir(), 'csk-consumers-pack');
  const dir = path.join(cache, key);
  const cached = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.tgz')) : undefined;
  if (cached) {
    timings.push(`pack: reused ${path.join(dir, cached)}`);
    return path.join(dir, cached);
  }
  if (!skipBuild) await sh('npm', ['run', 'build'], kitDir, 180_000);
  // Other keys are stale; those older than an hour go (younger ones may belong to another checkout's run).
  for (const entry of existsSync(cache) ? readdirSync(cache) : []) {
    const old = path.join(cache, entry);
    if (Date.now() - statSync(old).mtimeMs > 3_600_000) rmSync(old, { recursive: true, force: true });
  }
  const staging = `${dir}.${process.pid}`;
  mkdirSync(staging, { recursive: true });
  await sh('npm', ['pack', '--pack-destination', staging, '--loglevel=error'], kitDir, 60_000);
  try {
    renameSync(staging, dir);
  } catch (error) {
    if (!existsSync(dir)) throw error;
    rmSync(staging, { recursive: true, force: true }); // a concurrent run packed the same inputs first
  }
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball to ${dir}`);
  return path.join(dir, tarball);
}

/** Copies an example app to `dest`, without installs or build output. */
export function copyExample(example: string, dest: string) {
  cpSync(example, dest, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist|\.next)$/.test(src) && !src.endsWith('package-lock.json'),
  });
}

/** `npm install` from the registry, preferring the npm cache. */
export function npmInstall(dir: string) {
  return sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir, 300_000);
}

/** The package managers a consumer installs with: npm (hoisted) and pnpm (strict, symlinked). */
export type PackageManager = 'npm' | 'pnpm';

/** pnpm from the npm registry (no global install needed): the strict layout a phantom dependency fails in. */
const PNPM = ['--yes', 'pnpm@9'];

/** Installs with `pm`; pnpm gets no lock file and the store it already has. */
export function install(dir: string, pm: PackageManager) {
  if (pm === 'npm') return npmInstall(dir);
  return sh('npx', [...PNPM, 'install', '--prefer-offline', '--config.confirmModulesPurge=false'], dir, 300_000);
}

/** Runs a package.json script with `pm`, `args` appended to its command. */
export function runScript(dir: string, pm: PackageManager, script: string, args: string[] = []) {
  const extra = args.length > 0 ? ['--', ...args] : [];
  return pm === 'npm'
    ? sh('npm', ['run', script, ...extra], dir, 300_000)
    : sh('npx', [...PNPM, 'run', script, ...args], dir, 300_000);
}

/** The Clerk Core a consumer app is on, and what it imports for it. */
export interface Core {
  core: 2 | 3;
  /** The React package of Clerk the app has (`@clerk/react` 6 or `@clerk/clerk-react` 5). */
  clerkReact: '@clerk/react' | '@clerk/clerk-react';
  /** Where the app imports the kit's client entries from: `clerk-session-kit` or `clerk-session-kit/core-2`. */
  entry: string;
}

export const CORES: Record<2 | 3, Core> = {
  3: { core: 3, clerkReact: '@clerk/react', entry: 'clerk-session-kit' },
  2: { core: 2, clerkReact: '@clerk/clerk-react', entry: 'clerk-session-kit/core-2' },
};

/**
 * Points an app's sources at the kit's Core 2 entries, as the README tells a Core 2 app to: `clerk-session-kit`,
 * `/headless` and `/testing` become `/core-2`, `/core-2/headless`, `/core-2/testing`; `/nextjs`, `/locales` and
 * `/styles.css` serve both Cores.
 */
export function importCore2(dir: string) {
  for (const file of listFiles(dir).filter((f) => /\.tsx?$/.test(f))) {
    const code = readFileSync(file, 'utf8');
    const next = code.replace(/(['"])clerk-session-kit(\/headless|\/testing)?\1/g, '$1clerk-session-kit/core-2$2$1');
    if (next !== code) writeFileSync(file, next);
  }
}

/**
 * Where `name` resolves from the real location of `fromPackage` (a package installed in the app): with pnpm every
 * package has its own node_modules, so this is how the kit and @clerk/nextjs are seen to share one Clerk.
 */
export function resolvedFrom(app: string, fromPackage: string, name: string): string {
  const from = realpathSync(path.join(app, 'node_modules', fromPackage, 'package.json'));
  return realpathSync(createRequire(from).resolve(`${name}/package.json`));
}

/**
 * The copies of `@clerk/shared` a build holds, read from its source maps (one package root per copy, hoisted or
 * in pnpm's store): more than one means the app ships two `@clerk/shared`s, and Clerk state split in two.
 */
export function clerkSharedCopies(buildDir: string): string[] {
  const roots = new Set<string>();
  for (const file of listFiles(buildDir).filter((f) => f.endsWith('.js.map'))) {
    const { sources = [] } = JSON.parse(readFileSync(file, 'utf8')) as { sources?: string[] };
    for (const source of sources) {
      const root = /^.*node_modules\/@clerk\/shared\//.exec(source.replace(/\\/g, '/'))?.[0];
      if (root) roots.add(root.replace(/^(\.\.\/)+|^webpack:\/\/[^/]*\//, ''));
    }
  }
  return [...roots];
}

/** Runs `tasks` at most `limit` at a time (2 cores: two installs or builds at once). */
export async function inParallel<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The version of `name` installed in the repository, so consumers test against what the kit was built with. */
export function rootVersion(name: string): string {
  return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

export interface Server {
  child: ChildProcess;
  url: string;
  output(): string;
}

/** Spawns a server and waits until `url` answers (any status), or throws with its output. */
export async function serve(
  args: string[],
  cwd: string,
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 60_000,
): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}: ${output}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return { child, url, output: () => output };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`${args.join(' ')} did not answer on ${url}: ${output}`);
}

/** Stops a server and waits for it to exit (SIGKILL after 5 s). */
export function stop(server: Server | undefined): Promise<void> {
  const child = server?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Opens `url` and waits for the kit to render Ada's account; page errors end up in the failure message. */
export async function openKit(newPage: () => Promise<Page>, url: string, label: string): Promise<Page> {
  const page = await newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  try {
    await page.getByRole('button', { name: /^Account: Ada Lovelace/ }).waitFor({ timeout: 15_000 });
  } catch (error) {
    throw new Error(`${label}: the kit did not render (${errors.join(' | ') || (error as Error).message})`);
  }
  return page;
}

/** Computed styles that show whether clerk-session-kit/styles.css applies, and whether the host page kept its own. */
function kitStyles(page: Page) {
  return page.evaluate(() => {
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
}

/** Switches from Ada to Grace in the SessionSwitcher; resolves once Grace is the current account. */
export async function switchAccount(page: Page) {
  await page.getByRole('button', { name: /^Account: Ada Lovelace/ }).click();
  await page.getByRole('button', { name: /^Switch to Grace Hopper/ }).click();
  await page.getByRole('button', { name: /^Account: Grace Hopper/ }).waitFor({ timeout: 10_000 });
}

/** Revokes the phone in ActiveDevices through its confirmation dialog; returns the row counts before and after. */
export async function revokePhone(page: Page): Promise<{ before: number; after: number }> {
  const devices = page.locator('section', { has: page.getByRole('heading', { name: 'Active devices' }) });
  const phone = devices.locator('[data-session-id="sess_ada_phone"]');
  await phone.waitFor({ timeout: 10_000 });
  const before = await devices.locator('[data-session-id]').count();
  await phone.getByRole('button').first().click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out', exact: true }).click();
  await phone.waitFor({ state: 'detached', timeout: 10_000 });
  return { before, after: await devices.locator('[data-session-id]').count() };
}

/** What an unstyled border would compute to. */
const BLACK = 'rgb(0, 0, 0)';

/** Asserts the kit's stylesheet applies (token, a border, sr-only) and the host page keeps its own styles. */
export async function expectStyledWithoutRestylingHost(page: Page) {
  const styles = await kitStyles(page);
  expect(styles.token).not.toBe('');
  expect(styles.border).toBe(styles.borderToken);
  expect(styles.border).not.toBe(BLACK);
  expect(styles.srOnlyWidth).toBe('1px');
  // No preflight/reset: the host's own elements keep the browser defaults.
  expect(styles.bodyMargin).toBe('8px');
  expect(styles.h1Size).toBe('32px');
}
