/**
 * Cost of the revocation check, and of the preset against the middleware a user would write by hand.
 * 1. In process, one run, variants interleaved request by request (2 shared cores: drifting load hits all alike),
 *    median µs per request over /dashboard, /api/me, /admin/x, /:
 *    bare clerkMiddleware · classic hand-written middleware (bench/classicMiddleware.ts) · the preset · the preset
 *    with a memory revocation list · with a Redis one (real redis-server) · the preset with the Redis rate limiter,
 *    without and with Redis revocation on the same client (the two commands travel together).
 * 2. Over HTTP: requests/s of examples/nextjs under `next start` with revocation (memory list) and with
 *    EXAMPLE_REVOCATION=off, rounds of a fixed number of requests, alternating.
 * Run: npx tsx bench/revocation.ts   (BENCH_SKIP_HTTP=1 for part 1 only; BENCH_N, BENCH_ROUNDS to tune)
 */
import '../test/server/helpers/env';
import { randomUUID } from 'node:crypto';
import { clerkMiddleware } from '@clerk/nextjs/server';
import { Redis } from 'ioredis';
import type { NextMiddleware } from 'next/server';
import {
  memoryRevocationList,
  redisRateLimiter,
  redisRevocationList,
  type SessionProxyOptions,
  sessionProxy,
} from '../src/nextjs';
import { createTestKeys, personas } from '../test/server/helpers/keys';
import { buildExample, exampleEnv, startExample } from '../test/server/helpers/nextApp';
import { callProxy, outcome } from '../test/server/helpers/proxy';
import { findRedisServer, startRedis } from '../test/server/helpers/servers';
import { classicMiddleware } from './classicMiddleware';

const N = Number(process.env.BENCH_N ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`;

const keys = createTestKeys();
const tokens = personas(keys);
const paths = ['/dashboard', '/api/me', '/admin/x', '/'];
const tokenFor = (path: string) => (path.startsWith('/admin') ? tokens.admin : tokens.user);

async function inProcess() {
  const binary = findRedisServer();
  if (!binary) throw new Error('redis-server not found (apt-get install -y redis-server, or REDIS_SERVER_PATH)');
  const redisServer = await startRedis(binary);
  const client = new Redis(redisServer.url);
  const base: SessionProxyOptions = {
    publicRoutes: ['/', '/api/public'],
    admin: { routes: ['/admin/**', '/api/admin/**'], role: 'org:admin' },
    maxAuthAge: { afterMinutes: 10, reverifyUrl: '/reverify' },
    forwardUserId: 'x-user-id',
    jwtKey: keys.jwtKey,
  };
  const limiter = () => ({ limiter: redisRateLimiter({ client, limit: 10_000_000, window: '1 m' }) });
  const variants: Record<string, NextMiddleware> = {
    'bare clerkMiddleware': clerkMiddleware({ jwtKey: keys.jwtKey }),
    'classic hand-written': classicMiddleware(keys.jwtKey),
    preset: sessionProxy(base),
    'preset + memory revocation': sessionProxy({
      ...base,
      revocation: { list: memoryRevocationList({ name: randomUUID() }) },
    }),
    'preset + Redis revocation': sessionProxy({ ...base, revocation: { list: redisRevocationList({ client }) } }),
    'preset + Redis limiter': sessionProxy({ ...base, rateLimit: limiter() }),
    'preset + Redis limiter + Redis revocation': sessionProxy({
      ...base,
      rateLimit: limiter(),
      revocation: { list: redisRevocationList({ client }) },
    }),
  };
  const names = Object.keys(variants);

  // The baseline must answer exactly like the preset, or the comparison means nothing.
  for (const path of paths) {
    for (const token of [undefined, tokens.user, tokens.admin, tokens.staleAdmin]) {
      const [classic, preset] = await Promise.all(
        [variants['classic hand-written'], variants.preset].map(async (proxy) => {
          const result = await outcome(await callProxy(proxy as NextMiddleware, path, token ? { token } : {}));
          return result.kind === 'json' ? { ...result, wwwAuthenticate: null } : result;
        }),
      );
      if (JSON.stringify(classic) !== JSON.stringify(preset))
        throw new Error(`classic and preset differ on ${path}: ${JSON.stringify({ classic, preset })}`);
    }
  }

  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const once = async (name: string, i: number) => {
    const path = paths[i % paths.length] as string;
    const start = process.hrtime.bigint();
    await callProxy(variants[name] as NextMiddleware, path, { token: tokenFor(path) });
    return Number(process.hrtime.bigint() - start) / 1000;
  };
  for (let i = 0; i < 300; i += 1) for (const name of names) await once(name, i);
  for (let i = 0; i < N; i += 1) {
    // Rotate the order every request so no variant always runs first (warm caches) or last.
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(i + k) % names.length] as string;
      times[name]?.push(await once(name, i));
    }
  }
  client.disconnect();
  await redisServer.stop();

  const med = Object.fromEntries(names.map((name) => [name, median(times[name] ?? [])])) as Record<string, number>;
  console.log(`in process (${N} requests per variant, interleaved; /dashboard, /api/me, /admin/x, /)`);
  for (const name of names) console.log(`  ${name.padEnd(44)} median ${(med[name] ?? 0).toFixed(1)} µs/request`);
  const ratio = (a: string, b: string) => (med[a] ?? Number.NaN) / (med[b] ?? Number.NaN);
  const lines: [string, number][] = [
    ['preset / classic hand-written', ratio('preset', 'classic hand-written')],
    ['preset / bare clerkMiddleware', ratio('preset', 'bare clerkMiddleware')],
    ['memory revocation / preset', ratio('preset + memory revocation', 'preset')],
    ['Redis revocation / preset', ratio('preset + Redis revocation', 'preset')],
    [
      'Redis limiter + revocation / Redis limiter',
      ratio('preset + Redis limiter + Redis revocation', 'preset + Redis limiter'),
    ],
  ];
  for (const [label, value] of lines) console.log(`  ratio ${label.padEnd(42)} ${value.toFixed(3)} (${pct(value)})`);
  return ratio('preset', 'classic hand-written');
}

/** Requests/s for `count` requests over 8 keep-alive connections (fetch), alternating paths. */
async function throughput(origin: string, count: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < count) {
      const path = next % 2 === 0 ? '/dashboard' : '/api/me';
      next += 1;
      const response = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${tokens.user}` } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return count / ((performance.now() - start) / 1000);
}

async function overHttp() {
  const env = exampleEnv(keys);
  console.log('\nbuilding examples/nextjs ...');
  await buildExample(env);
  const apps = { off: await startExample({ ...env, EXAMPLE_REVOCATION: 'off' }), on: await startExample(env) };
  const rates = { off: [] as number[], on: [] as number[] };
  try {
    await throughput(apps.off.origin, 300);
    await throughput(apps.on.origin, 300);
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const variant of order) rates[variant].push(await throughput(apps[variant].origin, 600));
    }
  } finally {
    await Promise.all([apps.off.stop(), apps.on.stop()]);
  }
  const off = median(rates.off);
  const on = median(rates.on);
  console.log(`next start, 8 keep-alive connections, /dashboard + /api/me, ${ROUNDS} alternating rounds of 600`);
  console.log(`  preset without revocation   ${off.toFixed(0)} req/s (median round)`);
  console.log(`  preset + memory revocation  ${on.toFixed(0)} req/s`);
  console.log(`  ratio                       ${(on / off).toFixed(3)} (${pct(on / off)})`);
}

const presetVsClassic = await inProcess();
if (process.env.BENCH_SKIP_HTTP !== '1') await overHttp();
console.log(`\ngoal: the preset within 3 % of the hand-written middleware per request: ${pct(presetVsClassic)}`);
