import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import type { TestKeys } from './keys';
import { freePort, waitForPort } from './servers';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples/nextjs');
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules/next/dist/bin/next');

/** The example's webhook signing secret (Clerk dashboard > Webhooks), fixed so tests can sign deliveries. */
export const EXAMPLE_WEBHOOK_SECRET = `whsec_${Buffer.from('clerk-session-kit example webhook secret').toString('base64')}`;

/**
 * Environment for building and serving the example with test keys, in offline mode (NEXT_PUBLIC_CLERK_OFFLINE,
 * read at build time): the browser runs the kit's mock Clerk and the proxy signs its user in with the test key
 * pair, so a test's own tokens (signed with `keys`) verify as well. The builds are `next build`s, which offline
 * mode refuses unless CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD=1: these builds are never deployed.
 */
export function exampleEnv(keys: TestKeys, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    CLERK_TELEMETRY_DISABLED: '1',
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: keys.publishableKey,
    CLERK_SECRET_KEY: keys.secretKey,
    CLERK_JWT_KEY: keys.jwtKey,
    CLERK_WEBHOOK_SIGNING_SECRET: EXAMPLE_WEBHOOK_SECRET,
    ...EXAMPLE_BUILD_ENV,
    CLERK_OFFLINE_PRIVATE_KEY: keys.privateKey,
    CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD: '1',
    ...extra,
  } as NodeJS.ProcessEnv;
}

/** What the example's build bakes in (NEXT_PUBLIC_*): part of its build cache key. */
const EXAMPLE_BUILD_ENV = { NEXT_PUBLIC_CLERK_OFFLINE: '1' };

function run(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/**
 * The repository's wiring for examples/nextjs, kept out of the example's files: the example imports the kit by
 * its package name, as a user's app does, and in this repository `examples/nextjs/node_modules/clerk-session-kit`
 * is a stand-in package whose exports point at the kit's source (a symlink to src/), so the example builds
 * against the source without `npm run build`. Its `styles.css` is a stand-in too (the source has no compiled
 * CSS): test/consumers builds the example from the packed tarball, with the real one.
 */
function linkKitSource(): void {
  const dir = path.join(EXAMPLE_DIR, 'node_modules/clerk-session-kit');
  const entry = (subpath: string) => `./src/${subpath}/index.ts`;
  const pkg = {
    name: 'clerk-session-kit',
    private: true,
    type: 'module',
    exports: {
      '.': './src/index.ts',
      './headless': entry('headless'),
      './nextjs': entry('nextjs'),
      './testing': entry('testing'),
      './testing/server': entry('testing/server'),
      './locales': entry('locales'),
      './styles.css': './styles.css',
    },
  };
  const manifest = `${JSON.stringify(pkg, null, 2)}\n`;
  const manifestFile = path.join(dir, 'package.json');
  if (existsSync(manifestFile) && readFileSync(manifestFile, 'utf8') === manifest) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(path.join(REPO_ROOT, 'src'), path.join(dir, 'src'), 'dir');
  writeFileSync(
    path.join(dir, 'styles.css'),
    '/* Stand-in for the compiled stylesheet (see test/server/helpers/nextApp.ts). */\n',
  );
  writeFileSync(manifestFile, manifest);
}

/** `next build` of examples/nextjs unless its last build came from the same sources (see `buildCached`). */
export function buildExample(env: NodeJS.ProcessEnv): Promise<void> {
  linkKitSource();
  return buildCached(EXAMPLE_DIR, '.next', env, EXAMPLE_BUILD_ENV, ['src']);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (
      entry.name.startsWith('.next') ||
      entry.name === '.clerk-offline' ||
      entry.name === 'node_modules' ||
      entry.name === 'next-env.d.ts'
    )
      return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : [full];
  });
}

/**
 * `next build` of `dir` into `distDir` unless the last build there came from the same sources (the app's, the
 * kit's `kitSources` it imports, the lockfile) and the same `keyEnv`: every suite that needs the app then shares one build, in one run
 * and across runs. The proxy reads its keys when the server starts, so they are not part of the key.
 */
export async function buildCached(
  dir: string,
  distDir: string,
  env: NodeJS.ProcessEnv,
  keyEnv: Record<string, string> = {},
  kitSources: string[] = ['src/nextjs'],
): Promise<void> {
  const hash = createHash('sha256').update(JSON.stringify(keyEnv));
  const files = [
    ...sourceFiles(dir),
    ...kitSources.flatMap((source) => sourceFiles(path.join(REPO_ROOT, source))),
    path.join(REPO_ROOT, 'package-lock.json'),
  ];
  for (const file of files.sort()) hash.update(`${path.relative(REPO_ROOT, file)}\0`).update(readFileSync(file));
  const key = hash.digest('hex');
  const stamp = path.join(dir, distDir, 'csk-build-key');
  if (existsSync(stamp) && statSync(stamp).isFile() && readFileSync(stamp, 'utf8') === key) return;
  await run(dir, ['build'], { ...env, ...keyEnv });
  writeFileSync(stamp, key);
}

export interface RunningApp {
  port: number;
  origin: string;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** `next start -H localhost` of examples/nextjs on a free port. */
export function startExample(env: NodeJS.ProcessEnv): Promise<RunningApp> {
  return startApp(EXAMPLE_DIR, env);
}

/** `next start -H localhost` of `dir` on a free port (127.0.0.1 hangs with clerkMiddleware, vercel/next.js#94745). */
export async function startApp(dir: string, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', '-H', 'localhost', '-p', String(port)], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await waitForPort(port, 'localhost', 60_000);
  return {
    port,
    origin: `http://localhost:${port}`,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with the path sent byte for byte (fetch would resolve dot segments first). */
export function rawRequest(
  port: number,
  rawPath: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: 'localhost',
        port,
        path: rawPath,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
