import { parseSlidingWindow, type RateLimiter, type SlidingWindowOptions } from './types';

/** Options of {@link memoryRateLimiter}. */
export interface MemoryRateLimiterOptions extends SlidingWindowOptions {
  /** Most keys remembered at once; the least recently used key is forgotten first. Default 10 000. */
  maxKeys?: number;
  /** Clock in milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

/**
 * An in-process sliding-window limiter: at most `limit` requests per key in any `window`. Memory is bounded by
 * `maxKeys` × `limit` timestamps. One process only: behind several instances use {@link redisRateLimiter}.
 */
export function memoryRateLimiter(options: MemoryRateLimiterOptions): RateLimiter {
  const { limit, windowMs } = parseSlidingWindow('memoryRateLimiter', options);
  const maxKeys = options.maxKeys ?? 10_000;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) {
    throw new TypeError(`memoryRateLimiter: 'maxKeys' must be a positive integer, got ${String(options.maxKeys)}.`);
  }
  const now = options.now ?? Date.now;
  // Map iteration order is insertion order; re-inserting on use makes the first key the least recently used.
  const hits = new Map<string, number[]>();

  return {
    async limit(key) {
      const t = now();
      // Timestamps are appended in order, so expired ones sit at the front (shift is amortised O(1) in V8).
      const log = hits.get(key) ?? [];
      while (log.length > 0 && (log[0] as number) <= t - windowMs) log.shift();
      hits.delete(key);
      let success = false;
      if (log.length < limit) {
        log.push(t);
        success = true;
      }
      hits.set(key, log);
      if (hits.size > maxKeys) {
        const oldest = hits.keys().next().value;
        if (oldest !== undefined) hits.delete(oldest);
      }
      const first = log[0] ?? t;
      return { success, limit, remaining: Math.max(0, limit - log.length), reset: first + windowMs };
    },
  };
}
