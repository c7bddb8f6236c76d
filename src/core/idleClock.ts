/**
 * The inactivity rule, as pure arithmetic on timestamps: after `timeout` ms without activity a warning opens,
 * and `warningFor` ms later the session is signed out. Everything derives from the last activity's timestamp, so a
 * tab whose timers the browser throttled computes the same phase as a visible one.
 */

/** Where an inactivity countdown stands. */
export type IdlePhase = 'active' | 'warning' | 'timed-out';

/** The two durations of the inactivity rule, in milliseconds. */
export interface IdleDurations {
  /** Time without activity before the warning opens. */
  timeout: number;
  /** How long the warning shows before signing out. */
  warningFor: number;
}

/**
 * The shortest warning the kit accepts: WCAG 2.2 SC 2.2.1 (Timing Adjustable) asks that a user be warned before
 * time expires and given at least 20 seconds to extend it with a simple action.
 */
export const MIN_WARNING_MS = 20_000;

/** Default length of the warning: one minute. */
export const DEFAULT_WARNING_MS = 60_000;

/** Seconds left at which the countdown is announced to screen readers (after the dialog itself was). */
export const ANNOUNCE_AT_SECONDS = [60, 30, 10] as const;

/** Throws a clear error naming the option when a duration is unusable. */
export function validateIdleDurations({ timeout, warningFor }: IdleDurations): void {
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new RangeError(`useIdleTimeout: \`timeout\` must be a positive number of milliseconds, got ${timeout}.`);
  }
  if (!Number.isFinite(warningFor) || warningFor < MIN_WARNING_MS) {
    throw new RangeError(
      `useIdleTimeout: \`warningFor\` must be at least ${MIN_WARNING_MS} ms (WCAG 2.2.1 gives users 20 seconds to extend), got ${warningFor}.`,
    );
  }
}

/** The phase at `now` for a last activity at `lastActivity`, and the whole seconds left until sign-out. */
export function idlePhase(
  lastActivity: number,
  now: number,
  { timeout, warningFor }: IdleDurations,
): { phase: IdlePhase; secondsLeft: number } {
  const warnAt = lastActivity + timeout;
  const signOutAt = warnAt + warningFor;
  const secondsLeft = Math.max(0, Math.ceil((signOutAt - now) / 1000));
  if (now < warnAt) return { phase: 'active', secondsLeft };
  if (now < signOutAt) return { phase: 'warning', secondsLeft };
  return { phase: 'timed-out', secondsLeft: 0 };
}

/**
 * The announcement step `secondsLeft` falls in: the smallest of `steps` at or above it, or `null` above them all.
 * A countdown is announced when this changes, so a screen reader hears "30 seconds left" once, not every second,
 * and a tab that wakes after a long throttle announces only where it is now.
 */
export function announcementStep(secondsLeft: number, steps: readonly number[] = ANNOUNCE_AT_SECONDS): number | null {
  let step: number | null = null;
  for (const candidate of steps) if (secondsLeft <= candidate && (step === null || candidate < step)) step = candidate;
  return step;
}

/** A countdown as `m:ss` ("1:05") in the digits `Intl` uses for the locale. */
export function formatCountdown(seconds: number, locale: string): string {
  const digits = new Intl.NumberFormat(locale, { useGrouping: false });
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return `${digits.format(Math.floor(seconds / 60))}:${twoDigits.format(seconds % 60)}`;
}
