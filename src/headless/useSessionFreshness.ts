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

/** Whether {@link verificationAge} counts as recent enough for Clerk, and the age it judged. */
export interface VerificationCheck {
  fresh: boolean;
  ageMinutes: number | null;
}

const LEVELS = new Set<string>(['first_factor', 'second_factor', 'multi_factor']);
const isFactorAge = (age: unknown): age is number =>
  typeof age === 'number' && Number.isFinite(age) && (age === -1 || age >= 0);

/**
 * Clerk's own re-verification rule, mirrored: `checkReverificationAuthorization` in @clerk/shared (clerk/javascript
 * `packages/shared/src/authorization.ts`), behind `has({ reverification: { level, afterMinutes } })` in the browser
 * and on the server. @clerk/react does not export it, and the check must read the session at call time (see
 * `useReverification` below), so the kit cannot call it; the unit tests compare this function with Clerk's on every
 * combination of ages, levels and limits. `fva` is `[firstFactorAge, secondFactorAge]` in minutes, `-1` for never.
 * A factor is fresh only while `afterMinutes > age` (strictly). `second_factor` counts the second factor, or the
 * first when the user has no second factor; `multi_factor` needs both, or the first alone when the user has no
 * second factor, and fails when only the second factor was ever verified.
 *
 * @internal
 */
export function verificationAge(
  level: ReverificationLevel,
  afterMinutes: number,
  fva: readonly [number, number] | null | undefined,
): VerificationCheck {
  const unknown = { fresh: false, ageMinutes: null };
  if (!Array.isArray(fva) || fva.length !== 2 || !isFactorAge(fva[0]) || !isFactorAge(fva[1])) return unknown;
  if (!LEVELS.has(level) || typeof afterMinutes !== 'number' || !(afterMinutes > 0)) return unknown;
  const [first, second] = fva;
  let age: number;
  if (level === 'first_factor' || second === -1) age = first;
  else if (level === 'second_factor') age = second;
  else if (first === -1) return unknown;
  else age = Math.max(first, second);
  if (age === -1) return unknown;
  return { fresh: afterMinutes > age, ageMinutes: age };
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
