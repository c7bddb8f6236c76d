import { parseSlidingWindow, type RateLimiter, type SlidingWindowOptions } from './types';

/** Options of {@link memoryRateLimiter}. */
export interface MemoryRateLimiterOptions extends SlidingWindowOptions {
  /**
   * Most keys remembered at once. Default 10 000. A key is forgotten only once its window has passed; while every
   * remembered key still has a live window, a new key is refused (429) until one ends, so a flood of new keys
   * (spoofed addresses) can never reset the window of a key that is being limited.
   */
  maxKeys?: number;
  /** Clock in milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

/**
 * An in-process sliding-window limiter: at most `limit` requests per key in any `window`. Memory is bounded by
 * `maxKeys` × `limit` timestamps; size `maxKeys` for the distinct clients of one window. One process only: behind
 * several instances use {@link redisRateLimiter}.
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
  const expired = (log: number[], t: number) => log.length === 0 || (log[log.length - 1] as number) <= t - windowMs;

  return {
    async limit(key) {
      const t = now();
      // Timestamps are appended in order, so expired ones sit at the front (shift is amortised O(1) in V8).
      const log = hits.get(key) ?? [];
      while (log.length > 0 && (log[0] as number) <= t - windowMs) log.shift();
      if (!hits.has(key)) {
        // Forget least recently used keys whose windows have passed; never one that is still counting.
        for (const [oldest, oldLog] of hits) {
          if (hits.size < maxKeys || !expired(oldLog, t)) break;
          hits.delete(oldest);
        }
        if (hits.size >= maxKeys) {
          const first = hits.values().next().value as number[];
          return { success: false, limit, remaining: 0, reset: (first[first.length - 1] ?? t) + windowMs };
        }
      }
      hits.delete(key);
      let success = false;
      if (log.length < limit) {
        log.push(t);
        success = true;
      }
      hits.set(key, log);
      const first = log[0] ?? t;
      return { success, limit, remaining: Math.max(0, limit - log.length), reset: first + windowMs };
    },
  };
}
