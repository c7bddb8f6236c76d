/**
 * The time source of the kit's timed hooks (inactivity, session expiry): what time it is, and a wake-up call.
 * Hooks compute everything from `now()` timestamps and only use `every` to look again, so a background tab whose
 * timers the browser throttled still shows the right time the moment it looks.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `listener` about every `ms` milliseconds until the returned function is called. */
  every(ms: number, listener: () => void): () => void;
}

/** The browser's clock: `Date.now` and `setInterval`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, listener) {
    const id = setInterval(listener, ms);
    return () => clearInterval(id);
  },
};
