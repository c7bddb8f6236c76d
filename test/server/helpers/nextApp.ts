import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { freePort, waitForPort } from './servers';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples/nextjs');
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules/next/dist/bin/next');

/** The example's webhook signing secret (Clerk dashboard > Webhooks), fixed so tests can sign deliveries. */
export const EXAMPLE_WEBHOOK_SECRET = `whsec_${Buffer.from('clerk-session-kit example webhook secret').toString('base64')}`;

/** Environment for building and serving the example offline with test keys. */
export function exampleEnv(
  jwtKey: string,
  publishableKey: string,
  secretKey: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    CLERK_TELEMETRY_DISABLED: '1',
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey,
    CLERK_SECRET_KEY: secretKey,
    CLERK_JWT_KEY: jwtKey,
    CLERK_WEBHOOK_SIGNING_SECRET: EXAMPLE_WEBHOOK_SECRET,
    ...extra,
  } as NodeJS.ProcessEnv;
}

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

/** `next build` of examples/nextjs (one build serves every variant: the proxy reads its keys at start). */
export function buildExample(env: NodeJS.ProcessEnv): Promise<void> {
  return run(EXAMPLE_DIR, ['build'], env);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.next') || entry.name === 'node_modules' || entry.name === 'next-env.d.ts') return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : [full];
  });
}

/**
 * `next build` of `dir` into `distDir` unless the last build there came from the same sources (the app's, the
 * preset's, the lockfile) and the same `keyEnv`: every suite that needs the app then shares one build, in one run
 * and across runs. The proxy reads its keys when the server starts, so they are not part of the key.
 */
export async function buildCached(
  dir: string,
  distDir: string,
  env: NodeJS.ProcessEnv,
  keyEnv: Record<string, string> = {},
): Promise<void> {
  const hash = createHash('sha256').update(JSON.stringify(keyEnv));
  const files = [
    ...sourceFiles(dir),
    ...sourceFiles(path.join(REPO_ROOT, 'src/nextjs')),
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
    stdio: 'ignore',
  });
  await waitForPort(port, 'localhost', 60_000);
  return {
    port,
    origin: `http://localhost:${port}`,
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
