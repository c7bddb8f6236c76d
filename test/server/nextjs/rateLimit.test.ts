import '../helpers/env';
import { describe, expect, it } from 'vitest';
import { memoryRateLimiter, type RateLimiter } from '../../../src/nextjs';
import { callProxy, outcome } from '../helpers/proxy';
import { createFixture } from './fixture';

describe('memoryRateLimiter', () => {
  it('slides: a slot frees when its own request leaves the window', async () => {
    let t = 0;
    const limiter = memoryRateLimiter({ limit: 2, window: '1 s', now: () => t });
    const seen: boolean[] = [];
    seen.push((await limiter.limit('k')).success); // t=0
    t = 600;
    seen.push((await limiter.limit('k')).success); // t=600
    seen.push((await limiter.limit('k')).success); // full
    t = 1000;
    seen.push((await limiter.limit('k')).success); // t=0 left
    seen.push((await limiter.limit('k')).success); // full again (600, 1000)
    expect(seen).toEqual([true, true, false, true, false]);
  });

  it('forgets the least recently used key beyond maxKeys once its window has passed', async () => {
    let t = 0;
    const limiter = memoryRateLimiter({ limit: 1, window: '1 s', maxKeys: 2, now: () => t });
    await limiter.limit('a');
    t = 500;
    await limiter.limit('b');
    t = 1000;
    expect((await limiter.limit('c')).success).toBe(true); // a's window has passed: a is forgotten
    expect((await limiter.limit('c')).success).toBe(false);
    expect((await limiter.limit('b')).success).toBe(false); // b is still counted
  });

  it('cannot be flushed: a flood of new keys never resets a live window, new keys wait for a slot', async () => {
    let t = 0;
    const limiter = memoryRateLimiter({ limit: 3, window: '1 m', maxKeys: 100, now: () => t });
    for (let i = 0; i < 3; i += 1) await limiter.limit('ip:victim-of-limit');
    expect((await limiter.limit('ip:victim-of-limit')).success).toBe(false);
    const flood = [];
    for (let i = 0; i < 101; i += 1) flood.push((await limiter.limit(`ip:10.0.${i >> 8}.${i & 255}`)).success);
    expect(flood.filter(Boolean)).toHaveLength(99); // 100 keys fit, the limited one among them
    const again = [];
    for (let i = 0; i < 3; i += 1) again.push((await limiter.limit('ip:victim-of-limit')).success);
    expect(again).toEqual([false, false, false]);
    const refused = await limiter.limit('ip:newcomer');
    expect(refused).toMatchObject({ success: false, remaining: 0, reset: 60_000 });
    t = 60_000; // the first windows end: their keys are forgotten and newcomers fit again
    expect((await limiter.limit('ip:newcomer')).success).toBe(true);
  });

  it('rejects bad options with the fix', () => {
    expect(() => memoryRateLimiter({ limit: 0, window: '1m' })).toThrow(/'limit' must be a positive integer/);
    expect(() => memoryRateLimiter({ limit: 5, window: '1 week' as never })).toThrow(/'window' must be .*'10 s'/);
  });
});

describe('sessionProxy rateLimit', () => {
  it('answers the request over the limit with 429 JSON, Retry-After and RateLimit-* headers', async () => {
    const { proxy, tokens } = createFixture({ rateLimit: { limiter: memoryRateLimiter({ limit: 2, window: '1 m' }) } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i += 1) {
      last = await callProxy(proxy, '/api/me', { token: tokens.user });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(await last?.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last?.headers.get('ratelimit-limit')).toBe('2');
    expect(last?.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(last?.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
  });

  it('keys signed-in users by user id and others by the proxy-appended IP', async () => {
    const { proxy, tokens } = createFixture({ rateLimit: { limiter: memoryRateLimiter({ limit: 1, window: '1 m' }) } });
    const status = async (token?: string, ip?: string) =>
      (
        await callProxy(proxy, '/api/public', {
          ...(token ? { token } : {}),
          headers: ip ? { 'x-forwarded-for': ip } : {},
        })
      ).status;
    expect([await status(tokens.user), await status(tokens.user), await status(tokens.admin)]).toEqual([200, 429, 200]);
    // A client-chosen first entry does not buy a new key: the last entry is the one the nearest proxy saw.
    expect([
      await status(undefined, '1.1.1.1, 9.9.9.9'),
      await status(undefined, '2.2.2.2, 9.9.9.9'),
      await status(undefined, '8.8.8.8'),
    ]).toEqual([200, 429, 200]);
  });

  it('covers every POST Next may run as a Server Action by default, on any route, public ones included', async () => {
    const limiter = () => ({ limiter: memoryRateLimiter({ limit: 1, window: '1 m' }) });
    const post = (p: typeof proxy, headers: Record<string, string>) =>
      callProxy(p, '/', { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.9', ...headers } });
    const statuses = async (p: typeof proxy) => [
      (await post(p, { 'next-action': '00abc' })).status,
      (await post(p, { 'next-action': '00abc' })).status,
      (await post(p, { 'content-type': 'multipart/form-data; boundary=x' })).status,
      (await post(p, { 'content-type': 'application/x-www-form-urlencoded' })).status,
    ];
    const { proxy } = createFixture({ rateLimit: limiter() });
    expect(await statuses(proxy)).toEqual([200, 429, 429, 429]);
    const { proxy: optedOut } = createFixture({ rateLimit: { ...limiter(), actions: false } });
    expect(await statuses(optedOut)).toEqual([200, 200, 200, 200]);
  });

  it('applies only to its routes (default: the API routes)', async () => {
    const { proxy, tokens } = createFixture({ rateLimit: { limiter: memoryRateLimiter({ limit: 1, window: '1 m' }) } });
    const kinds = [];
    for (let i = 0; i < 3; i += 1)
      kinds.push((await outcome(await callProxy(proxy, '/dashboard', { token: tokens.user }))).kind);
    expect(kinds).toEqual(['allowed', 'allowed', 'allowed']);
  });

  const failing: RateLimiter = { limit: async () => Promise.reject(new Error('limiter down')) };
  const hanging: RateLimiter = { limit: () => new Promise(() => {}) };

  it.each([
    ['open', failing, 200],
    ['closed', failing, 503],
    ['open', hanging, 200],
    ['closed', hanging, 503],
  ] as const)(
    "onError '%s' with a %s limiter: every request gets %i, logged once",
    async (onError, limiter, status) => {
      const logs: string[] = [];
      const { proxy, tokens } = createFixture({
        rateLimit: { limiter, onError, timeoutMs: 20, log: (message) => logs.push(message) },
      });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await callProxy(proxy, '/api/me', { token: tokens.user })).status);
      expect(statuses).toEqual([status, status, status, status]);
      expect(logs).toHaveLength(1);
      expect(logs[0]).toContain(`onError: '${onError}'`);
    },
  );

  it('accepts an @upstash/ratelimit-shaped limiter as is', async () => {
    const upstashLike = {
      limit: async (_key: string) => ({
        success: false,
        limit: 10,
        remaining: 0,
        reset: Date.now() + 30_000,
        pending: Promise.resolve(),
      }),
    };
    const { proxy, tokens } = createFixture({ rateLimit: { limiter: upstashLike } });
    const response = await callProxy(proxy, '/api/me', { token: tokens.user });
    expect([response.status, response.headers.get('ratelimit-limit')]).toEqual([429, '10']);
  });
});
