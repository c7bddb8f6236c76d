import { parseSlidingWindow, type RateLimiter, type RateLimitResult, type SlidingWindowOptions } from './types';

/** The slice of an ioredis client the limiter uses. */
export interface IoRedisLike {
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

/** The slice of a node-redis (v4+) client the limiter uses. */
export interface NodeRedisLike {
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Options of {@link redisRateLimiter}. */
export interface RedisRateLimiterOptions extends SlidingWindowOptions {
  /** A connected ioredis or node-redis client. The limiter never connects, quits or reconfigures it. */
  client: IoRedisLike | NodeRedisLike;
  /** Prefix of the Redis keys. Default `'csk:rl:'`. */
  prefix?: string;
  /**
   * Clock in milliseconds. Default: Redis server time, so every app instance shares one clock. Set it only in
   * tests or when all instances have synchronised clocks.
   */
  now?: () => number;
}

// One script, so counting and admitting are atomic: concurrent requests can never both take the last slot.
// A sorted set of admission times per key holds at most `limit` members and expires with the window.
const SCRIPT = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local success = 0
if count < limit then
  redis.call('ZADD', key, now, ARGV[4])
  count = count + 1
  success = 1
end
redis.call('PEXPIRE', key, window)
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
local reset = now + window
if oldest[2] then reset = tonumber(oldest[2]) + window end
return {success, limit - count, reset}
`;

async function sha1Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isNodeRedis(client: IoRedisLike | NodeRedisLike): client is NodeRedisLike {
  return typeof (client as NodeRedisLike).evalSha === 'function';
}

interface MaybeEmitter {
  on?: (event: string, listener: (error: unknown) => void) => unknown;
  listenerCount?: (event: string) => number;
}

/**
 * A sliding-window limiter on Redis: at most `limit` requests per key in any `window`, shared by every instance
 * that uses the same Redis. One atomic Lua script per request (EVALSHA, falling back to EVAL after a restart).
 * Errors (Redis down, timeouts) reject; `sessionProxy` turns them into its `onError` policy.
 */
export function redisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { limit, windowMs } = parseSlidingWindow('redisRateLimiter', options);
  const { client, prefix = 'csk:rl:', now } = options;
  const nodeRedis = client ? isNodeRedis(client) : false;
  if (!client || (!nodeRedis && typeof (client as IoRedisLike).evalsha !== 'function')) {
    throw new TypeError(
      "redisRateLimiter: 'client' must be an ioredis or node-redis client, e.g. new Redis(url) or createClient({ url }).",
    );
  }
  // node-redis throws an unhandled 'error' event (a process crash) when Redis goes away and nobody listens;
  // the proxy already reports failed commands, so a silent listener is enough here.
  const emitter = client as MaybeEmitter;
  if (typeof emitter.on === 'function' && emitter.listenerCount?.('error') === 0) emitter.on('error', () => {});

  const shaPromise = sha1Hex(SCRIPT);
  let sequence = 0;

  const run = async (key: string): Promise<unknown> => {
    const sha = await shaPromise;
    sequence = (sequence + 1) % 1_000_000;
    const args = [
      String(limit),
      String(windowMs),
      now ? String(now()) : '',
      `${Date.now()}:${sequence}:${Math.random()}`,
    ];
    const fullKey = prefix + key;
    try {
      return nodeRedis
        ? await (client as NodeRedisLike).evalSha(sha, { keys: [fullKey], arguments: args })
        : await (client as IoRedisLike).evalsha(sha, 1, fullKey, ...args);
    } catch (error) {
      if (!String((error as Error)?.message ?? error).includes('NOSCRIPT')) throw error;
      return nodeRedis
        ? (client as NodeRedisLike).eval(SCRIPT, { keys: [fullKey], arguments: args })
        : (client as IoRedisLike).eval(SCRIPT, 1, fullKey, ...args);
    }
  };

  return {
    async limit(key): Promise<RateLimitResult> {
      const reply = await run(key);
      if (!Array.isArray(reply) || reply.length !== 3)
        throw new Error(`redisRateLimiter: unexpected script reply ${JSON.stringify(reply)}`);
      const [success, remaining, reset] = reply.map(Number) as [number, number, number];
      return { success: success === 1, limit, remaining, reset };
    },
  };
}
