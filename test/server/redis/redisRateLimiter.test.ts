import '../helpers/env';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisRateLimiter, sessionProxy } from '../../../src/nextjs';
import { createTestKeys, personas } from '../helpers/keys';
import { callProxy, outcome } from '../helpers/proxy';
import { connectRedis, REDIS_CLIENTS } from '../helpers/redisClients';
import { findRedisServer, type RedisProcess, startRedis } from '../helpers/servers';

const binary = findRedisServer();
const required = process.env.REQUIRE_REDIS === '1';

describe('redis-server availability', () => {
  it.runIf(required)('is installed (REQUIRE_REDIS=1)', () => {
    expect(binary, 'redis-server not found: apt-get install -y redis-server (or set REDIS_SERVER_PATH)').not.toBeNull();
  });
});

describe.skipIf(!binary)('redisRateLimiter on a real redis-server', () => {
  let server: RedisProcess;
  beforeAll(async () => {
    server = await startRedis(binary as string);
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe.each(REDIS_CLIENTS)('with %s', (name) => {
    const connect = (url: string) => connectRedis(name, url);

    it('admits exactly 50 of 200 concurrent requests on one key (limit 50)', async () => {
      const pool = await Promise.all([1, 2, 3, 4].map(() => connect(server.url)));
      const key = `burst-${name}-${Math.random()}`;
      const limiters = pool.map((c) => redisRateLimiter({ client: c.client, limit: 50, window: '1 m' }));
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => (limiters[i % 4] ?? limiters[0])!.limit(key)),
      );
      await Promise.all(pool.map((c) => c.close()));
      expect(results.filter((r) => r.success)).toHaveLength(50);
      expect(results.every((r) => r.limit === 50)).toBe(true);
      expect(results.filter((r) => !r.success).every((r) => r.remaining === 0)).toBe(true);
      expect(new Set(results.filter((r) => r.success).map((r) => r.remaining))).toEqual(
        new Set(Array.from({ length: 50 }, (_, i) => i)),
      );
    });

    it('keeps keys apart', async () => {
      const c = await connect(server.url);
      const limiter = redisRateLimiter({ client: c.client, limit: 1, window: '1 m' });
      const tag = Math.random();
      const [a1, a2, b1] = [
        await limiter.limit(`a${tag}`),
        await limiter.limit(`a${tag}`),
        await limiter.limit(`b${tag}`),
      ];
      await c.close();
      expect([a1.success, a2.success, b1.success]).toEqual([true, false, true]);
    });

    it('slides the window: slots free up one by one as their requests age out, not all at once', async () => {
      const c = await connect(server.url);
      let t = 1_000_000;
      const limiter = redisRateLimiter({ client: c.client, limit: 4, window: 1000, now: () => t });
      const key = `slide-${name}-${Math.random()}`;
      const take = async (n: number) => {
        const out: boolean[] = [];
        for (let i = 0; i < n; i += 1) out.push((await limiter.limit(key)).success);
        return out;
      };
      const log: Record<string, boolean[]> = {};
      log.t0 = await take(2);
      t += 500;
      log.t500 = await take(3);
      t += 499; // 999 ms after the first two: still inside their window
      log.t999 = await take(1);
      t += 1; // the first two have aged out, the two from t500 have not
      log.t1000 = await take(3);
      t += 500; // now the t500 pair has aged out too
      log.t1500 = await take(3);
      const denied = await limiter.limit(key);
      await c.close();
      expect(log).toEqual({
        t0: [true, true],
        t500: [true, true, false],
        t999: [false],
        t1000: [true, true, false],
        t1500: [true, true, false],
      });
      // The next slot frees when the oldest admitted request (t1000) leaves the window.
      expect(denied.reset).toBe(1_000_000 + 1000 + 1000);
    });
  });

  describe('when Redis goes away', () => {
    const keys = createTestKeys();
    const tokens = personas(keys);

    async function proxyOnDeadRedis(onError: 'open' | 'closed') {
      const dead = await startRedis(binary as string);
      // node-redis without an error listener: the limiter must keep the process alive by itself.
      const client = createClient({ url: dead.url, socket: { reconnectStrategy: () => 100 } });
      await client.connect();
      const logged: unknown[] = [];
      const proxy = sessionProxy({
        publicRoutes: ['/api/public'],
        jwtKey: keys.jwtKey,
        rateLimit: {
          limiter: redisRateLimiter({ client, limit: 100, window: '1 m' }),
          onError,
          timeoutMs: 200,
          logIntervalMs: 60_000,
          log: (message, error) => logged.push([message, error]),
        },
      });
      expect((await outcome(await callProxy(proxy, '/api/public'))).kind).toBe('allowed');
      await dead.stop();
      return { proxy, logged, close: () => void client.destroy() };
    }

    it("onError 'open' lets requests through, logs once per window and does not crash", async () => {
      const { proxy, logged, close } = await proxyOnDeadRedis('open');
      const results = [];
      for (let i = 0; i < 5; i += 1)
        results.push(await outcome(await callProxy(proxy, '/api/me', { token: tokens.user })));
      close();
      expect(results.map((r) => r.kind)).toEqual(['allowed', 'allowed', 'allowed', 'allowed', 'allowed']);
      expect(logged).toHaveLength(1);
    });

    it("onError 'closed' answers 503 JSON, logs once per window and does not crash", async () => {
      const { proxy, logged, close } = await proxyOnDeadRedis('closed');
      const statuses = [];
      for (let i = 0; i < 5; i += 1) {
        const response = await callProxy(proxy, '/api/me', { token: tokens.user });
        statuses.push([response.status, ((await response.json()) as { error: { code: string } }).error.code]);
      }
      close();
      expect(statuses).toEqual(Array(5).fill([503, 'rate_limit_unavailable']));
      expect(logged).toHaveLength(1);
    });
  });
});
