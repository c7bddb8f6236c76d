import '../helpers/env';
import { createServer, type Server, connect as tcpConnect } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisRateLimiter, redisRevocationList, revocationWebhook, sessionProxy } from '../../../src/nextjs';
import { createTestKeys } from '../helpers/keys';
import { callProxy, outcome } from '../helpers/proxy';
import { connectRedis, REDIS_CLIENTS, type RedisClientKind } from '../helpers/redisClients';
import { findRedisServer, freePort, type RedisProcess, startRedis } from '../helpers/servers';
import { revocationProxy, tokenFor } from './fixture';
import { newSigningSecret, signedDelivery, specEvent } from './webhooks';

const binary = findRedisServer();

describe('redis-server availability', () => {
  it.runIf(process.env.REQUIRE_REDIS === '1')('is installed (REQUIRE_REDIS=1)', () => {
    expect(binary, 'redis-server not found: apt-get install -y redis-server (or set REDIS_SERVER_PATH)').not.toBeNull();
  });
});

const keys = createTestKeys();
const secret = newSigningSecret();
const unauthenticated = { kind: 'json', status: 401, code: 'unauthenticated', wwwAuthenticate: 'Bearer' };

/** One instance of the app: its own Redis connection, proxy and webhook route, as a separate server would have. */
async function instance(url: string, kind: RedisClientKind, extra: { onError?: 'open' | 'closed' } = {}) {
  const { client, close } = await connectRedis(kind, url);
  const list = redisRevocationList({ client });
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);
  return {
    list,
    logged,
    proxy: revocationProxy(keys, { list, timeoutMs: 300, log, ...extra }),
    webhook: revocationWebhook({ list, signingSecret: secret, log }),
    close,
  };
}

describe.skipIf(!binary)('revocation on a real redis-server', () => {
  let server: RedisProcess;
  beforeAll(async () => {
    server = await startRedis(binary as string);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('two instances: a webhook delivered to one makes the other refuse the still-valid token on its next request', async () => {
    const a = await instance(server.url, 'ioredis');
    const b = await instance(server.url, 'node-redis');
    const laptop = tokenFor(keys, 'sess_laptop_2i');
    const phone = tokenFor(keys, 'sess_phone_2i');
    const onB = async (path: string, token: string) => outcome(await callProxy(b.proxy, path, { token }));
    expect((await onB('/api/me', laptop)).kind).toBe('allowed');

    // A forged delivery and a genuine one replayed over another body change nothing anywhere.
    const genuine = signedDelivery(secret, specEvent('session.revoked', 'sess_phone_2i'));
    const forged = [
      signedDelivery(newSigningSecret(), specEvent('session.revoked', 'sess_laptop_2i')),
      new Request(genuine.url, {
        method: 'POST',
        headers: genuine.headers,
        body: JSON.stringify(specEvent('session.revoked', 'sess_laptop_2i')),
      }),
    ];
    for (const request of forged) expect((await a.webhook(request)).status).toBe(400);
    expect((await onB('/api/me', laptop)).kind).toBe('allowed');

    expect((await a.webhook(signedDelivery(secret, specEvent('session.revoked', 'sess_laptop_2i')))).status).toBe(200);
    expect(await onB('/api/me', laptop)).toEqual(unauthenticated);
    expect((await onB('/dashboard', laptop)).kind).toBe('redirect');
    expect((await onB('/api/me', phone)).kind).toBe('allowed');
    // And the other way round, user.deleted on B signs the user out on A.
    expect((await b.webhook(signedDelivery(secret, specEvent('user.deleted', 'user_member')))).status).toBe(200);
    expect(await outcome(await callProxy(a.proxy, '/api/me', { token: phone }))).toEqual(unauthenticated);
    a.close();
    b.close();
  });

  it.each(REDIS_CLIENTS)(
    '%s: keys carry the entry lifetime and Redis expires them (memory stays bounded)',
    async (kind) => {
      const { client, close } = await connectRedis(kind, server.url);
      const probe = new Redis(server.url);
      const list = redisRevocationList({ client, prefix: `ttl-${kind}:`, tokenLifetimeMs: 150, clockSkewMs: 50 });
      const long = redisRevocationList({ client, prefix: `long-${kind}:` });
      await list.revokeSession('sess_short');
      await list.revokeUser('user_short');
      await long.revokeSession('sess_default');
      const ttls = [await probe.pttl(`ttl-${kind}:s:sess_short`), await probe.pttl(`long-${kind}:s:sess_default`)];
      expect(ttls[0]).toBeGreaterThan(0);
      expect(ttls[0]).toBeLessThanOrEqual(200);
      expect(ttls[1]).toBeGreaterThan(60_000);
      expect(ttls[1]).toBeLessThanOrEqual(65_000);
      expect(await list.isRevoked({ sessionId: 'sess_short', userId: 'u' })).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await probe.exists(`ttl-${kind}:s:sess_short`, `ttl-${kind}:u:user_short`)).toBe(0);
      expect(await list.isRevoked({ sessionId: 'sess_short', userId: 'user_short' })).toBe(false);
      probe.disconnect();
      close();
    },
  );

  it('one command per checked request, none for public routes or signed-out requests', async () => {
    const a = await instance(server.url, 'ioredis');
    const probe = new Redis(server.url);
    const existsCalls = async () =>
      Number(/cmdstat_exists:calls=(\d+)/.exec(await probe.info('commandstats'))?.[1] ?? 0);
    const before = await existsCalls();
    for (const path of ['/api/me', '/dashboard', '/admin', '/api/admin'])
      await callProxy(a.proxy, path, { token: tokenFor(keys, 'sess_count') });
    await callProxy(a.proxy, '/api/public', { token: tokenFor(keys, 'sess_count') });
    await callProxy(a.proxy, '/api/me');
    expect((await existsCalls()) - before).toBe(4);
    probe.disconnect();
    a.close();
  });

  it.each(REDIS_CLIENTS)(
    '%s: with the Redis rate limiter on the same client, both commands are in flight together (one round trip)',
    async (kind) => {
      const relay = await holdingRelay(server.port);
      const { client, close } = await connectRedis(kind, relay.url);
      const proxy = sessionProxy({
        jwtKey: keys.jwtKey,
        rateLimit: { limiter: redisRateLimiter({ client, limit: 100, window: '1 m' }) },
        revocation: { list: redisRevocationList({ client }), timeoutMs: 10_000 },
      });
      await callProxy(proxy, '/api/me', { token: tokenFor(keys, 'sess_rt', 'user_rt') }); // loads the limiter's script
      relay.hold();
      const pending = callProxy(proxy, '/api/me', { token: tokenFor(keys, 'sess_rt', 'user_rt') });
      // Redis answers nothing until both commands have arrived: sent one after the other, this would never happen.
      const seen = await relay.waitFor(['EXISTS', 'EVALSHA']);
      relay.release();
      expect(seen).toEqual(['EVALSHA', 'EXISTS']);
      expect((await outcome(await pending)).kind).toBe('allowed');
      close();
      await relay.close();
    },
  );

  describe('when Redis goes away', () => {
    it.each(['open', 'closed'] as const)(
      "onError '%s' is honoured, logged once, and the webhook answers 503 so Clerk retries",
      async (onError) => {
        const dead = await startRedis(binary as string);
        const a = await instance(dead.url, 'ioredis', { onError });
        const token = tokenFor(keys, 'sess_down');
        expect((await outcome(await callProxy(a.proxy, '/api/me', { token }))).kind).toBe('allowed');
        await dead.stop();
        const statuses = [];
        for (let i = 0; i < 4; i += 1) statuses.push((await callProxy(a.proxy, '/api/me', { token })).status);
        expect(statuses).toEqual(Array(4).fill(onError === 'open' ? 200 : 503));
        expect(a.logged).toEqual([expect.stringContaining(`onError: '${onError}'`)]);
        const delivery = await a.webhook(signedDelivery(secret, specEvent('session.revoked', 'sess_down')));
        expect(delivery.status).toBe(503);
        a.close();
      },
    );
  });
});

/**
 * A TCP relay in front of Redis that can hold back Redis's replies, to see which commands a client sends before it
 * has any answer.
 */
async function holdingRelay(redisPort: number) {
  const port = await freePort();
  let holding = false;
  const held: (() => void)[] = [];
  let commands: string[] = [];
  const server: Server = createServer((downstream) => {
    const upstream = tcpConnect(redisPort, '127.0.0.1');
    downstream.on('data', (chunk) => {
      for (const name of ['EXISTS', 'EVALSHA', 'EVAL']) {
        if (new RegExp(`\\$\\d+\\r\\n${name}\\r\\n`, 'i').test(chunk.toString('latin1'))) commands.push(name);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => (holding ? held.push(() => downstream.write(chunk)) : downstream.write(chunk)));
    downstream.on('close', () => upstream.destroy());
    upstream.on('close', () => downstream.destroy());
    downstream.on('error', () => {});
    upstream.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `redis://127.0.0.1:${port}`,
    hold() {
      holding = true;
      commands = [];
    },
    release() {
      holding = false;
      for (const send of held.splice(0)) send();
    },
    async waitFor(names: string[]) {
      for (let i = 0; i < 100 && !names.every((n) => commands.includes(n)); i += 1)
        await new Promise((resolve) => setTimeout(resolve, 10));
      return [...commands].sort();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
