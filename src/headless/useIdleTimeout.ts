import { useCallback, useEffect, useRef, useState } from 'react';
import { useClerk, useClerkSelector } from '../clerk';
import { type ActionError, toActionError } from '../core/action';
import { type Clock, systemClock } from '../core/clock';
import { DEFAULT_WARNING_MS, type IdlePhase, idlePhase, validateIdleDurations } from '../core/idleClock';
import { noteSessionEnd } from './endNotes';
import { type IdleSignal, openTabChannel } from './tabChannel';

/** Options of {@link useIdleTimeout}. */
export interface UseIdleTimeoutOptions {
  /** Milliseconds without activity, in any tab of the app, before the warning opens. */
  timeout: number;
  /** How long the warning counts down before signing out; at least 20 000 (WCAG 2.2.1). Default: 60 000. */
  warningFor?: number;
  /**
   * What happens at zero instead of signing this session out (lock the screen, navigate). Runs in every tab that
   * reaches zero. Without it, the first tab to reach zero signs out and tells the others, which do nothing.
   */
  onTimeout?: () => void | Promise<void>;
  /** Name of the channel the app's tabs share. Default: `'clerk-session-kit:idle'`. */
  channel?: string;
  /** Where pointer, keyboard, wheel, touch and focus activity is watched. Default: `window`. */
  target?: EventTarget;
  /** Time source; stories and tests pass a steppable one. Default: the browser's clock. */
  clock?: Clock;
}

/** What {@link useIdleTimeout} returns. */
export interface IdleTimeout {
  /**
   * `off`: nobody signed in; `active`: counting quietly; `warning`: the countdown shows; `signing-out`: "Sign out
   * now" or zero was reached and Clerk is asked; `timed-out`: zero was reached (and `onTimeout` ran, or another tab
   * signs out); `signed-out-elsewhere`: "Sign out now" was chosen in another tab (Clerk reports this tab signed out
   * once that tab is done).
   */
  phase: 'off' | IdlePhase | 'signing-out' | 'signed-out-elsewhere';
  /** Whole seconds until sign-out (the countdown while `warning`). */
  secondsLeft: number;
  /** The sign-out at zero or by "Sign out now" failed; `signOutNow()` tries again. */
  error: ActionError | null;
  /** "Stay signed in": counts as activity in every tab, closes the warning everywhere, touches Clerk's session. */
  stay(): void;
  /** "Sign out now": closes the warning in every tab and signs this session out. */
  signOutNow(): Promise<void>;
}

const DEFAULT_CHANNEL = 'clerk-session-kit:idle';
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;
/** Other tabs need to hear of activity only now and then: the timeout is minutes, not seconds. */
const BROADCAST_EVERY_MS = 1000;
/** How often the hook looks at the clock: once a second for the countdown, which is all a tick does. */
const TICK_MS = 1000;

interface View {
  phase: IdleTimeout['phase'];
  secondsLeft: number;
}

/**
 * Signs the current session out after inactivity, with a warning first, across every tab of the app: activity
 * in one tab keeps all of them alive, the warning opens in all of them, and "Stay signed in" or "Sign out now" in
 * one closes it in all. Phases are computed from timestamps on each tick and whenever the tab becomes visible
 * again, so a throttled background tab is never behind.
 *
 * @throws RangeError when `timeout` is not positive or `warningFor` is under 20 seconds.
 */
export function useIdleTimeout(options: UseIdleTimeoutOptions): IdleTimeout {
  const {
    timeout,
    warningFor = DEFAULT_WARNING_MS,
    onTimeout,
    channel = DEFAULT_CHANNEL,
    clock = systemClock,
  } = options;
  validateIdleDurations({ timeout, warningFor });
  const clerk = useClerk();
  const sessionId = useClerkSelector(
    (c) => (c.loaded && c.session?.status === 'active' ? c.session.id : null),
    Object.is,
  );
  const lastActivity = useRef(clock.now());
  const lastBroadcast = useRef(Number.NEGATIVE_INFINITY);
  /** `true` once this session reached zero or was signed out by "Sign out now", here or in another tab. */
  const finished = useRef(false);
  const [view, setView] = useState<View>({ phase: 'off', secondsLeft: 0 });
  const phase = useRef(view.phase);
  phase.current = view.phase;
  const [error, setError] = useState<ActionError | null>(null);
  const post = useRef<(signal: IdleSignal) => void>(() => undefined);
  const latest = useRef({ onTimeout, timeout, warningFor, clock, sessionId });
  latest.current = { onTimeout, timeout, warningFor, clock, sessionId };

  const show = useCallback((next: View) => {
    setView((prev) => (prev.phase === next.phase && prev.secondsLeft === next.secondsLeft ? prev : next));
  }, []);

  const signOut = useCallback(
    async (id: string) => {
      setError(null);
      show({ phase: 'signing-out', secondsLeft: 0 });
      try {
        await clerk.signOut({ sessionId: id });
      } catch (cause) {
        setError(toActionError(cause));
        show({ phase: 'timed-out', secondsLeft: 0 });
      }
    },
    [clerk, show],
  );

  const reachZero = useCallback(
    async (here: boolean) => {
      const { onTimeout: custom, sessionId: id, clock: time } = latest.current;
      if (finished.current || !id) return;
      finished.current = true;
      if (here) post.current({ type: 'timed-out', at: time.now() });
      noteSessionEnd(clerk, id, 'inactivity');
      show({ phase: 'timed-out', secondsLeft: 0 });
      if (custom) await custom();
      else if (here) await signOut(id);
    },
    [clerk, show, signOut],
  );

  const evaluate = useCallback(() => {
    const { sessionId: id, clock: time, timeout: idle, warningFor: warn } = latest.current;
    if (!id || finished.current) return;
    const next = idlePhase(lastActivity.current, time.now(), { timeout: idle, warningFor: warn });
    if (next.phase === 'timed-out') void reachZero(true);
    else show(next);
  }, [reachZero, show]);

  const extend = useCallback(
    (at: number) => {
      lastActivity.current = Math.max(lastActivity.current, at);
      evaluate();
    },
    [evaluate],
  );

  // A new session (signed in again, switched account) starts a fresh count.
  useEffect(() => {
    finished.current = false;
    setError(null);
    lastActivity.current = latest.current.clock.now();
    if (sessionId) evaluate();
    else show({ phase: 'off', secondsLeft: 0 });
  }, [sessionId, evaluate, show]);

  useEffect(() => {
    if (!sessionId) return;
    const tabs = openTabChannel(channel, (signal) => {
      if (signal.type === 'activity') {
        // Passive activity elsewhere does not close an open warning; only "Stay signed in" does.
        if (phase.current === 'active') extend(signal.at);
      } else if (signal.type === 'stay') {
        extend(signal.at);
      } else if (signal.type === 'sign-out') {
        // The other tab signs out; Clerk tells this one when it is done. Nothing more to count here.
        finished.current = true;
        show({ phase: 'signed-out-elsewhere', secondsLeft: 0 });
      } else {
        void reachZero(false);
      }
    });
    post.current = (signal) => tabs.post(signal);
    return () => {
      post.current = () => undefined;
      tabs.close();
    };
  }, [sessionId, channel, extend, reachZero, show]);

  useEffect(() => {
    if (!sessionId) return;
    const target = options.target ?? window;
    const onActivity = () => {
      const now = latest.current.clock.now();
      // While the warning shows, moving the mouse is not an answer: only the dialog's buttons are.
      if (idlePhase(lastActivity.current, now, latest.current).phase !== 'active') return;
      lastActivity.current = now;
      if (now - lastBroadcast.current >= BROADCAST_EVERY_MS) {
        lastBroadcast.current = now;
        post.current({ type: 'activity', at: now });
      }
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') evaluate();
    };
    for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisible);
    const stopTicking = clock.every(TICK_MS, evaluate);
    return () => {
      for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      stopTicking();
    };
  }, [sessionId, options.target, clock, evaluate]);

  const stay = useCallback(() => {
    const now = latest.current.clock.now();
    finished.current = false;
    setError(null);
    post.current({ type: 'stay', at: now });
    extend(now);
    // Tells Clerk the user is here (POST …/touch updates the session's last activity). If it fails, the next token
    // refresh tells Clerk the same, so the warning is not reopened over it.
    clerk.session?.touch().catch(() => undefined);
  }, [clerk, extend]);

  const signOutNow = useCallback(async () => {
    const id = latest.current.sessionId;
    if (!id) return;
    finished.current = true;
    post.current({ type: 'sign-out', at: latest.current.clock.now() });
    noteSessionEnd(clerk, id, 'signed-out-here');
    await signOut(id);
  }, [clerk, signOut]);

  return { phase: sessionId ? view.phase : 'off', secondsLeft: view.secondsLeft, error, stay, signOutNow };
}
