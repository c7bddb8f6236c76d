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
