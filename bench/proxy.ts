/**
 * Cost of the sessionProxy preset against bare clerkMiddleware with the same token verification (jwtKey).
 * 1. In process: per-request time of each proxy called with NextRequests, interleaved rounds, median.
 * 2. Over HTTP: requests/s of examples/nextjs under `next start`, preset vs EXAMPLE_PROXY=bare, one server at a time.
 * Run: npx tsx bench/proxy.ts   (BENCH_SKIP_HTTP=1 for part 1 only; BENCH_SECONDS, BENCH_N to tune)
 */
import '../test/server/helpers/env';
import { Agent, request as httpRequest } from 'node:http';
import { clerkMiddleware } from '@clerk/nextjs/server';
import { memoryRateLimiter, sessionProxy } from '../src/nextjs';
import { createTestKeys, personas } from '../test/server/helpers/keys';
import { buildExample, exampleEnv, startExample } from '../test/server/helpers/nextApp';
import { callProxy } from '../test/server/helpers/proxy';

const N = Number(process.env.BENCH_N ?? 3000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = 8;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`;

const keys = createTestKeys();
const tokens = personas(keys);

async function inProcess() {
  const preset = sessionProxy({
    publicRoutes: ['/', '/api/public'],
    admin: { routes: ['/admin/**', '/api/admin/**'], role: 'org:admin' },
    maxAuthAge: { afterMinutes: 10, reverifyUrl: '/reverify' },
    forwardUserId: 'x-user-id',
    rateLimit: { limiter: memoryRateLimiter({ limit: 1_000_000, window: '1 m' }) },
    jwtKey: keys.jwtKey,
  });
  const bare = clerkMiddleware({ jwtKey: keys.jwtKey });
  const paths = ['/dashboard', '/api/me', '/admin/x', '/'];
  const once = async (proxy: typeof bare, i: number) => {
    const path = paths[i % paths.length] as string;
    const start = process.hrtime.bigint();
    await callProxy(proxy, path, { token: path.startsWith('/admin') ? tokens.admin : tokens.user });
    return Number(process.hrtime.bigint() - start) / 1000;
  };
  for (let i = 0; i < 500; i += 1) {
    await once(bare, i);
    await once(preset, i);
  }
  // Paired, alternating single requests: background load (2 shared cores) hits both proxies alike, so the ratio
  // holds even when absolute times wander.
  const bareTimes: number[] = [];
  const presetTimes: number[] = [];
  for (let i = 0; i < N; i += 1) {
    if (i % 2 === 0) {
      bareTimes.push(await once(bare, i));
      presetTimes.push(await once(preset, i));
    } else {
      presetTimes.push(await once(preset, i));
      bareTimes.push(await once(bare, i));
    }
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const b = median(bareTimes);
  const p = median(presetTimes);
  const meanRatio = sum(presetTimes) / sum(bareTimes);
  console.log(`in process (${N} paired requests; /dashboard, /api/me, /admin/x, /)`);
  console.log(`  bare clerkMiddleware   median ${b.toFixed(1)} µs/request, mean ${(sum(bareTimes) / N).toFixed(1)}`);
  console.log(`  sessionProxy preset    median ${p.toFixed(1)} µs/request, mean ${(sum(presetTimes) / N).toFixed(1)}`);
  console.log(
    `  ratio preset/bare      median ${(p / b).toFixed(3)} (${pct(p / b)}), mean ${meanRatio.toFixed(3)} (${pct(meanRatio)})`,
  );
  return p / b;
}

async function load(port: number, seconds: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const paths = ['/dashboard', '/api/me'];
  let done = 0;
  const deadline = Date.now() + seconds * 1000;
  const worker = async (id: number) => {
    let i = id;
    while (Date.now() < deadline) {
      const path = paths[i++ % paths.length] as string;
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(
          { host: 'localhost', port, path, agent, headers: { authorization: `Bearer ${tokens.user}` } },
          (res) => {
            if (res.statusCode !== 200) reject(new Error(`${path} answered ${res.statusCode}`));
            res.resume();
            res.on('end', () => resolve());
          },
        );
        req.on('error', reject);
        req.end();
      });
      done += 1;
    }
  };
  const start = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => worker(i)));
  agent.destroy();
  return done / ((Date.now() - start) / 1000);
}

async function overHttp() {
  const env = exampleEnv(keys);
  console.log('\nbuilding examples/nextjs ...');
  await buildExample(env);
  // Both servers run side by side and take turns under load in 1 s windows, so drifting background load is
  // shared fairly; only the server under load uses CPU.
  const bareApp = await startExample({ ...env, EXAMPLE_PROXY: 'bare' });
  const presetApp = await startExample(env);
  const counts = { bare: 0, preset: 0 };
  try {
    await load(bareApp.port, 1);
    await load(presetApp.port, 1);
    for (let round = 0; round < SECONDS; round += 1) {
      const order: ('bare' | 'preset')[] = round % 2 === 0 ? ['bare', 'preset'] : ['preset', 'bare'];
      for (const variant of order) counts[variant] += await load((variant === 'bare' ? bareApp : presetApp).port, 1);
    }
  } finally {
    await Promise.all([bareApp.stop(), presetApp.stop()]);
  }
  const b = counts.bare / SECONDS;
  const p = counts.preset / SECONDS;
  console.log(
    `next start, ${CONCURRENCY} keep-alive connections, /dashboard + /api/me, ${SECONDS} alternating 1 s windows each`,
  );
  console.log(`  bare clerkMiddleware   ${b.toFixed(0)} req/s`);
  console.log(`  sessionProxy preset    ${p.toFixed(0)} req/s`);
  console.log(`  ratio preset/bare      ${(p / b).toFixed(3)}  (${pct(p / b)})`);
  return p / b;
}

const perRequest = await inProcess();
const throughput = process.env.BENCH_SKIP_HTTP === '1' ? null : await overHttp();
console.log(
  `\ngoal: within 5 %. per-request ${pct(perRequest)}${throughput === null ? '' : `, throughput ${pct(throughput)}`}`,
);
