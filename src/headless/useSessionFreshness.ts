import { useCallback } from 'react';
import {
  type ReverificationLevel,
  reverificationRequired,
  useClerk,
  useClerkSelector,
  useReverification,
} from '../clerk';
import { deepEqual } from '../core/equal';

/** Options of {@link useSessionFreshness}. */
export interface UseSessionFreshnessOptions {
  /** How recent, in minutes, the verification must be. */
  maxAge: number;
  /** Which factor counts. Default `'first_factor'` (the sign-in itself). */
  level?: ReverificationLevel;
}

/** What {@link useSessionFreshness} returns. */
export interface SessionFreshness {
  status: 'loading' | 'signed-out' | 'fresh' | 'stale';
  /** Minutes since the factor(s) of `level` were verified; `null` when never or unknown. */
  ageMinutes: number | null;
  /** Opens Clerk's re-verification when stale; resolves `true` once the session is fresh. */
  reverify(): Promise<boolean>;
}

function ageFor(level: ReverificationLevel, fva: readonly [number, number] | null | undefined): number | null {
  if (!fva) return null;
  const [first, second] = fva;
  if (level === 'first_factor') return first >= 0 ? first : null;
  if (level === 'second_factor') return second >= 0 ? second : null;
  return first >= 0 && second >= 0 ? Math.max(first, second) : null;
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
  const ageMinutes = ageFor(level, factorVerificationAge);
  const fresh = ageMinutes !== null && ageMinutes <= maxAge;
  // Clerk calls this same function again once the user verified, before any re-render: it must read the session
  // at call time, never a value captured at render (which would still say "stale" and make reverify() false).
  const check = useReverification(
    useCallback(async () => {
      const age = ageFor(level, clerk.session?.factorVerificationAge);
      return age !== null && age <= maxAge ? true : reverificationRequired(level, maxAge);
    }, [clerk, level, maxAge]),
  );
  const reverify = useCallback(async () => (await check().catch(() => false)) === true, [check]);
  const status = !isLoaded ? 'loading' : !isSignedIn ? 'signed-out' : fresh ? 'fresh' : 'stale';
  return { status, ageMinutes, reverify };
}
