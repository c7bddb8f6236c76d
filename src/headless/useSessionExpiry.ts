import { useCallback, useEffect, useState } from 'react';
import { useClerk, useClerkSelector } from '../clerk';
import { type Clock, systemClock } from '../core/clock';

/** Options of {@link useSessionExpiry}. */
export interface UseSessionExpiryOptions {
  /** How long before the session's `expireAt` the notice shows, in milliseconds. Default: 5 minutes. */
  warnBefore?: number;
  /** Time source; stories and tests pass a steppable one. Default: the browser's clock. */
  clock?: Clock;
}

/** What {@link useSessionExpiry} returns. */
export interface SessionExpiry {
  /** `off`: nobody signed in; `ok`: the end is further than `warnBefore`; `expiring`: show the notice. */
  status: 'off' | 'ok' | 'expiring';
  /** Whole seconds until the session's lifetime ends. */
  secondsLeft: number;
  /** When Clerk ends the session (its maximum lifetime), or `null` when signed out. */
  expireAt: Date | null;
  /** Clerk's sign-in, coming back to this page afterwards. */
  signInAgain(): void;
}

const DEFAULT_WARN_BEFORE = 5 * 60_000;

/**
 * Counts down to the end of the current session's lifetime (Clerk's `session.expireAt`, which activity does not
 * move) and says when to warn. Computed from timestamps on each tick, so a throttled background tab is never
 * behind.
 *
 * @throws RangeError when `warnBefore` is not a positive number.
 */
export function useSessionExpiry(options: UseSessionExpiryOptions = {}): SessionExpiry {
  const { warnBefore = DEFAULT_WARN_BEFORE, clock = systemClock } = options;
  if (!Number.isFinite(warnBefore) || warnBefore <= 0) {
    throw new RangeError(
      `useSessionExpiry: \`warnBefore\` must be a positive number of milliseconds, got ${warnBefore}.`,
    );
  }
  const clerk = useClerk();
  const expireAt = useClerkSelector(
    (c) => (c.loaded && c.session?.status === 'active' ? c.session.expireAt.getTime() : null),
    Object.is,
  );
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (expireAt === null) return;
    const look = () => setNow(clock.now());
    look();
    const onVisible = () => {
      if (document.visibilityState === 'visible') look();
    };
    document.addEventListener('visibilitychange', onVisible);
    const stop = clock.every(1000, look);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [expireAt, clock]);
  const signInAgain = useCallback(() => {
    void clerk.redirectToSignIn({ redirectUrl: window.location.href });
  }, [clerk]);
  if (expireAt === null) return { status: 'off', secondsLeft: 0, expireAt: null, signInAgain };
  const left = expireAt - now;
  return {
    status: left <= warnBefore ? 'expiring' : 'ok',
    secondsLeft: Math.max(0, Math.ceil(left / 1000)),
    expireAt: new Date(expireAt),
    signInAgain,
  };
}
