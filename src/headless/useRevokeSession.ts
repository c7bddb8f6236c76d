import { useCallback, useId, useRef, useState } from 'react';
import { browserSessionOrThrow, isReverificationCancelledError, useClerk, useClerkSelector } from '../clerk';
import { type ActionError, toActionError } from '../core/action';
import { toAccountSummary } from './summaries';
import { type ReverificationOptions, usePromptAfterRender, useReverified } from './useReverified';

/** What {@link useRevokeSession} signs out. */
export type RevokeTarget =
  /** An account signed in in this browser: `session.remove()`. */
  | { type: 'account'; sessionId: string }
  /**
   * A session on another device, from `user.getSessions()`: `revoke()`. With `useActiveDevices`, pass
   * `{ id, revoke: () => revoke(id) }` (its `revoke`) so the revoked device leaves the shared list.
   */
  | { type: 'device'; session: { id: string; revoke: () => Promise<unknown> } };

/**
 * States of a revoke: `idle → confirming → pending → done | error`; a device revoke that Clerk wants verified goes
 * `pending → verifying → pending` (or back to `idle` when the user cancels the verification).
 */
export type RevokeStatus = 'idle' | 'confirming' | 'pending' | 'verifying' | 'done' | 'error';

/**
 * Options of {@link useRevokeSession}. A device target is revoked through Clerk's `useReverification`: a stale
 * verification opens Clerk's "verify it's you" modal (or `onNeedsReverification`), then the revoke runs again.
 */
export interface UseRevokeSessionOptions extends ReverificationOptions {
  /**
   * The session in use right now is refused unless this is true; then revoking it signs out of it
   * (`signOut({ sessionId })`, for an `account` or a `device` target alike, never `revoke()`), and Clerk
   * navigates to its after-sign-out URL.
   */
  allowCurrent?: boolean;
  /** Called once Clerk confirmed, e.g. to move focus or drop the row. */
  onRevoked?: (sessionId: string) => void;
}

/** What {@link useRevokeSession} returns. */
export interface RevokeSession {
  status: RevokeStatus;
  error: ActionError | null;
  sessionId: string;
  /** The target is the session in use right now. */
  isCurrent: boolean;
  /** For an account: its user's name, else identifier, to name it in the UI; `null` for devices. */
  accountLabel: string | null;
  /**
   * Why the action cannot run, or `null`: `'loading'` while Clerk has not loaded (whether the target is the
   * session in use is not known yet), `'current-session'` for the session in use without `allowCurrent`.
   */
  refusal: 'loading' | 'current-session' | null;
  /** Opens the confirmation step. */
  requestConfirm(): void;
  /** Leaves the confirmation step (Escape, Cancel). */
  cancel(): void;
  /** Runs the revoke; a second call while pending does nothing. Resolves `true` once Clerk confirmed. */
  confirm(): Promise<boolean>;
  /** Clears an error back to idle. */
  reset(): void;
  /** Props for the button that starts the flow. */
  getTriggerProps(): {
    'aria-haspopup': 'dialog';
    'aria-expanded': boolean;
    'aria-controls': string | undefined;
    'aria-disabled': true | undefined;
    'aria-busy': true | undefined;
    'data-state': RevokeStatus;
    onClick: () => void;
  };
  /** Id to give the confirmation dialog, referenced by the trigger's `aria-controls`. */
  dialogId: string;
}

function targetId(target: RevokeTarget) {
  return target.type === 'account' ? target.sessionId : target.session.id;
}

/**
 * Signs one session out, after a confirmation step: an account in this browser (`remove()`) or another device
 * (`revoke()`). Single flight; nothing is reported done until Clerk confirms; the current session is refused
 * unless `allowCurrent` asks for a sign-out.
 */
export function useRevokeSession(target: RevokeTarget, options: UseRevokeSessionOptions = {}): RevokeSession {
  const { allowCurrent = false, onRevoked, onNeedsReverification } = options;
  const clerk = useClerk();
  const dialogId = useId();
  const [status, setStatus] = useState<RevokeStatus>('idle');
  const [error, setError] = useState<ActionError | null>(null);
  const inFlight = useRef(false);
  const sessionId = targetId(target);
  const { loaded, isCurrent, accountLabel } = useClerkSelector(
    (instance) => {
      const account =
        target.type === 'account' ? instance.client?.sessions.find((entry) => entry.id === sessionId) : undefined;
      const summary = account ? toAccountSummary(account, null) : null;
      return {
        loaded: instance.loaded,
        isCurrent: instance.session?.id === sessionId,
        accountLabel: summary?.name ?? summary?.identifier ?? null,
      };
    },
    (a, b) => a.loaded === b.loaded && a.isCurrent === b.isCurrent && a.accountLabel === b.accountLabel,
  );
  // Once removed the account is gone from Clerk: keep naming it in the confirmation that follows.
  const lastLabel = useRef(accountLabel);
  if (accountLabel) lastLabel.current = accountLabel;
  const refusal = !loaded ? 'loading' : isCurrent && !allowCurrent ? 'current-session' : null;
  const showAfterRender = usePromptAfterRender(
    status,
    useCallback(() => setStatus('verifying'), []),
  );
  // Clerk's own device list does the same: `useReverification(session.revoke)`. The status follows the prompt.
  const revokeDevice = useReverified(() => (target.type === 'device' ? target.session.revoke() : Promise.resolve()), {
    ...(onNeedsReverification ? { onNeedsReverification } : {}),
    onPrompt: showAfterRender,
    onVerified: () => setStatus('pending'),
  });

  const requestConfirm = useCallback(() => {
    if (refusal || inFlight.current) return;
    setError(null);
    setStatus('confirming');
  }, [refusal]);

  const cancel = useCallback(() => {
    if (!inFlight.current) setStatus(error ? 'error' : 'idle');
  }, [error]);

  const confirm = useCallback(async () => {
    if (refusal || inFlight.current) return false;
    inFlight.current = true;
    setStatus('pending');
    setError(null);
    try {
      // The current session first, whatever the target type: a device entry can be this very session, and
      // signing out of it must go through signOut() so Clerk clears it here and navigates after sign-out.
      if (isCurrent) await clerk.signOut({ sessionId });
      else if (target.type === 'device') await revokeDevice();
      else await browserSessionOrThrow(clerk, sessionId).remove();
      setStatus('done');
      onRevoked?.(sessionId);
      return true;
    } catch (caught) {
      // A cancelled verification is the user changing their mind, not a failure: back to where they started.
      if (isReverificationCancelledError(caught)) setStatus('idle');
      else {
        setError(toActionError(caught));
        setStatus('error');
      }
      return false;
    } finally {
      inFlight.current = false;
    }
  }, [clerk, target, isCurrent, refusal, sessionId, onRevoked, revokeDevice]);

  const reset = useCallback(() => {
    setError(null);
    setStatus('idle');
  }, []);

  return {
    status,
    error,
    sessionId,
    isCurrent,
    accountLabel: lastLabel.current,
    refusal,
    requestConfirm,
    cancel,
    confirm,
    reset,
    dialogId,
    getTriggerProps: () => ({
      'aria-haspopup': 'dialog',
      'aria-expanded': status === 'confirming',
      'aria-controls': status === 'confirming' ? dialogId : undefined,
      'aria-disabled': refusal || status === 'pending' || status === 'verifying' ? true : undefined,
      'aria-busy': status === 'pending' || status === 'verifying' ? true : undefined,
      'data-state': status,
      onClick: requestConfirm,
    }),
  };
}
