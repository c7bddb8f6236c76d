/**
 * What a rate limiter answers for one request. The shape of `@upstash/ratelimit`, so its instances fit as is.
 */
export interface RateLimitResult {
  /** True when the request is admitted. */
  success: boolean;
  /** Requests allowed per window. */
  limit: number;
  /** Requests left in the current window after this one. */
  remaining: number;
  /** Unix time in milliseconds when a request will be admitted again (or the window frees a slot). */
  reset: number;
}

/** Anything with `limit(key)`: the kit's memory and Redis limiters, an `@upstash/ratelimit` instance, your own. */
export interface RateLimiter {
  /** Counts one request for `key` (a user id or client address) and says whether it is admitted. */
  limit(key: string): Promise<RateLimitResult>;
}

/** A window length: milliseconds, or a string such as `'10 s'`, `'1m'`, `'500ms'`, `'1 h'`. */
export type WindowLength = number | `${number}${'' | ' '}${'ms' | 's' | 'm' | 'h'}`;

/** Options shared by {@link memoryRateLimiter} and {@link redisRateLimiter}. */
export interface SlidingWindowOptions {
  /** Requests admitted per key within any window of length `window`. */
  limit: number;
  /** Window length. */
  window: WindowLength;
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/**
 * Parses and checks `limit` and `window` for a limiter factory.
 * @throws {TypeError} naming the option and the accepted forms.
 */
export function parseSlidingWindow(
  factory: string,
  options: SlidingWindowOptions,
): { limit: number; windowMs: number } {
  const { limit, window } = options ?? ({} as SlidingWindowOptions);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new TypeError(`${factory}: 'limit' must be a positive integer (requests per window), got ${String(limit)}.`);
  }
  let windowMs = Number.NaN;
  if (typeof window === 'number') windowMs = window;
  else if (typeof window === 'string') {
    const match = /^(\d+(?:\.\d+)?)\s?(ms|s|m|h)$/.exec(window.trim());
    if (match?.[1] && match[2]) windowMs = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  }
  if (!Number.isFinite(windowMs) || windowMs < 1) {
    throw new TypeError(
      `${factory}: 'window' must be a positive number of milliseconds or a string like '10 s', '1m', '500ms', got ${JSON.stringify(window)}.`,
    );
  }
  return { limit, windowMs: Math.round(windowMs) };
}
