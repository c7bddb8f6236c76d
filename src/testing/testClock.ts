import type { Clock } from '../core/clock';

/** A {@link Clock} that stands still until a test moves it. */
export interface TestClock extends Clock {
  /** Moves time forward by `ms` and wakes every listener once (as a throttled background tab would). */
  advance(ms: number): void;
  /** Sets the time to `at` (ms since the epoch) and wakes every listener once. */
  set(at: number): void;
}

/**
 * A frozen, steppable clock for stories and tests: `<SessionKitProvider clock={clock}>`, then `clock.advance(…)`
 * instead of sleeping. Listeners run synchronously inside `advance`, so wrap the call in React's `act()` in unit
 * tests.
 */
export function createTestClock(start: number | Date): TestClock {
  let time = typeof start === 'number' ? start : start.getTime();
  const listeners = new Set<() => void>();
  const wake = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    now: () => time,
    every(_ms, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advance(ms) {
      time += ms;
      wake();
    },
    set(at) {
      time = at;
      wake();
    },
  };
}
