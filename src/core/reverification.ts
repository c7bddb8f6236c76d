/** Levels of recent verification Clerk can ask for. */
export type ReverificationLevel = 'first_factor' | 'second_factor' | 'multi_factor';

/**
 * The value Clerk's `useReverification()` recognises as "verify again, then retry" (the shape of
 * `reverificationError()` in @clerk/shared): returned by a client fetcher to open Clerk's reverification flow, and
 * part of the proxy's 403 body so Clerk's client recognises that response too.
 */
export function reverificationRequired(level: ReverificationLevel, afterMinutes: number) {
  return {
    clerk_error: {
      type: 'forbidden' as const,
      reason: 'reverification-error' as const,
      metadata: { reverification: { level, afterMinutes } },
    },
  };
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
 * `useSessionFreshness`), so the kit cannot call it; the unit tests compare this function with Clerk's on every
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

/** Whether `value` is the hint {@link reverificationRequired} builds (what `useReverification` returns when a retry still needs one). */
export function isReverificationHint(value: unknown): boolean {
  const hint = (value as { clerk_error?: { type?: unknown; reason?: unknown } } | null)?.clerk_error;
  return hint?.type === 'forbidden' && hint.reason === 'reverification-error';
}

/**
 * What Clerk asks before a session can be revoked: its reverification guide lists "revoke session" among the
 * sensitive actions, at the strongest factor the user has (`second_factor`, which falls back to the first factor
 * for a user without one) within the last 10 minutes (Clerk's `strict` preset).
 */
export const REVOKE_REVERIFICATION = { level: 'second_factor', afterMinutes: 10 } as const satisfies {
  level: ReverificationLevel;
  afterMinutes: number;
};

/** The error code FAPI answers (403) when the session must verify again before the action. */
export const REVERIFICATION_REQUIRED_CODE = 'session_reverification_required';

/**
 * Thrown when the user verified, Clerk retried the action, and Clerk still asked for a verification (the retry
 * answered 403 `session_reverification_required` again). Shaped like a Clerk API error (`status`, `errors`), so
 * the UI reports it like any failed action; not a `ClerkAPIResponseError`, so no outer `useReverification` opens
 * the prompt a second time.
 */
export class ReverificationRequiredError extends Error {
  override name = 'ReverificationRequiredError';
  readonly status = 403;
  readonly errors = [{ code: REVERIFICATION_REQUIRED_CODE, message: 'Verification is still required.' }];
  constructor() {
    super('The action still needs a recent verification after the user verified.');
  }
}
