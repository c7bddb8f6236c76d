import { checkId, entryLifetimeMs, type RevocationList, type RevocationListOptions } from './types';

/** The slice of an ioredis client the revocation list uses. */
export interface IoRedisRevocationClient {
  exists(...keys: string[]): Promise<number>;
  set(key: string, value: string, mode: 'PX', milliseconds: number): Promise<unknown>;
}

/** The slice of a node-redis (v4+) client the revocation list uses. */
export interface NodeRedisRevocationClient {
  exists(keys: string[]): Promise<number>;
  set(key: string, value: string, options: { expiration: { type: 'PX'; value: number } }): Promise<unknown>;
}

/** Options of {@link redisRevocationList}. */
export interface RedisRevocationListOptions extends RevocationListOptions {
  /** A connected ioredis or node-redis client. The list never connects, quits or reconfigures it. */
  client: IoRedisRevocationClient | NodeRedisRevocationClient;
  /** Prefix of the Redis keys. Default `'csk:rev:'`. */
  prefix?: string;
}

function isNodeRedis(client: IoRedisRevocationClient | NodeRedisRevocationClient): client is NodeRedisRevocationClient {
  // ioredis has `call(command, ...args)`; node-redis does not.
  return typeof (client as { call?: unknown }).call !== 'function';
}

interface MaybeEmitter {
  on?: (event: string, listener: (error: unknown) => void) => unknown;
  listenerCount?: (event: string) => number;
}

/**
 * A revocation list on Redis, shared by every instance that uses the same Redis: one key per revoked session
 * (`<prefix>s:<sid>`) or user (`<prefix>u:<userId>`) that Redis itself expires after `tokenLifetimeMs + clockSkewMs`.
 * A check is one `EXISTS` of both keys: one command, one round trip. Errors (Redis down, timeouts) reject;
 * `sessionProxy` turns them into its `revocation.onError` policy and `revocationWebhook` into a 503 Clerk retries.
 */
export function redisRevocationList(options: RedisRevocationListOptions): RevocationList {
  const lifetime = entryLifetimeMs('redisRevocationList', options);
  const { client, prefix = 'csk:rev:' } = options ?? ({} as RedisRevocationListOptions);
  if (!client || typeof client.exists !== 'function' || typeof client.set !== 'function') {
    throw new TypeError(
      "redisRevocationList: 'client' must be an ioredis or node-redis client, e.g. new Redis(url) or createClient({ url }).",
    );
  }
  const nodeRedis = isNodeRedis(client);
  // node-redis throws an unhandled 'error' event (a process crash) when Redis goes away and nobody listens;
  // failed commands are reported by the callers, so a silent listener is enough here.
  const emitter = client as MaybeEmitter;
  if (typeof emitter.on === 'function' && emitter.listenerCount?.('error') === 0) emitter.on('error', () => {});

  const add = async (key: string) => {
    if (nodeRedis)
      await (client as NodeRedisRevocationClient).set(key, '1', { expiration: { type: 'PX', value: lifetime } });
    else await (client as IoRedisRevocationClient).set(key, '1', 'PX', lifetime);
  };

  return {
    async revokeSession(sessionId) {
      await add(`${prefix}s:${checkId('redisRevocationList', 'sessionId', sessionId)}`);
    },
    async revokeUser(userId) {
      await add(`${prefix}u:${checkId('redisRevocationList', 'userId', userId)}`);
    },
    async isRevoked({ sessionId, userId }) {
      const keys = [`${prefix}s:${sessionId}`, `${prefix}u:${userId}`];
      const count = nodeRedis
        ? await (client as NodeRedisRevocationClient).exists(keys)
        : await (client as IoRedisRevocationClient).exists(...keys);
      return Number(count) > 0;
    },
  };
}
