import { useCallback } from 'react';
import {
  type ReverificationLevel,
  reverificationRequired,
  useClerk,
  useClerkSelector,
  useReverification,
} from '../clerk';
import { deepEqual } from '../core/equal';
import { verificationAge } from '../core/reverification';

export { type VerificationCheck, verificationAge } from '../core/reverification';

/** Options of {@link useSessionFreshness}. */
export interface UseSessionFreshnessOptions {
  /**
   * How recent, in minutes, the verification must be: fresh while strictly younger than `maxAge` (Clerk's
   * `afterMinutes`), so at exactly `maxAge` minutes Clerk, and a server asking `has({ reverification })`, already
   * wants a re-verification.
   */
  maxAge: number;
  /**
   * Which factor counts. Default `'first_factor'` (the sign-in itself). As in Clerk, `'second_factor'` and
   * `'multi_factor'` fall back to the first factor for a user without a second factor.
   */
  level?: ReverificationLevel;
}

/** What {@link useSessionFreshness} returns. */
export interface SessionFreshness {
  status: 'loading' | 'signed-out' | 'fresh' | 'stale';
  /**
   * Minutes since the factor(s) `level` counts were verified (the first factor's for a user with no second
   * factor; the older of both for `'multi_factor'`); `null` when never or unknown.
   */
  ageMinutes: number | null;
  /** Opens Clerk's re-verification when stale; resolves `true` once the session is fresh. */
  reverify(): Promise<boolean>;
}

/**
 * Whether the user verified recently, from Clerk's `factorVerificationAge` (the `fva` claim), NOT from the
 * token's `iat`: tokens are re-minted about every 50 seconds, so `iat` only measures the token's age.
 */
export function useSessionFreshness({ maxAge, level = 'first_factor' }: UseSessionFreshnessOptions): SessionFreshness {
  const { isLoaded, isSignedIn, factorVerificationAge } = useClerkSelector(
    (clerk) => ({
      isLoaded: clerk.loaded,
      isSignedIn: clerk.session?.status === 'active',
      factorVerificationAge: clerk.session?.factorVerificationAge ?? null,
    }),
    deepEqual,
  );
  const clerk = useClerk();
  const { fresh, ageMinutes } = verificationAge(level, maxAge, factorVerificationAge);
  // Clerk calls this same function again once the user verified, before any re-render: it must read the session
  // at call time, never a value captured at render (which would still say "stale" and make reverify() false).
  const check = useReverification(
    useCallback(
      async () =>
        verificationAge(level, maxAge, clerk.session?.factorVerificationAge).fresh
          ? true
          : reverificationRequired(level, maxAge),
      [clerk, level, maxAge],
    ),
  );
  const reverify = useCallback(async () => (await check().catch(() => false)) === true, [check]);
  const status = !isLoaded ? 'loading' : !isSignedIn ? 'signed-out' : fresh ? 'fresh' : 'stale';
  return { status, ageMinutes, reverify };
}
