import { useCallback, useId, useRef, useState } from 'react';
import { browserSessionOrThrow, isReverificationCancelledError, useClerk, useClerkSelector } from '../clerk';
import { type ActionError, toActionError } from '../core/action';
import type { ConfirmationDialogProps, ConfirmationTriggerProps } from './confirmationProps';
import { displayName, toAccountSummary } from './summaries';
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
  /**
   * Whether the confirmation dialog shows: while confirming, and while a revoke confirmed in it runs. It closes
   * when Clerk asks the user to verify again (a modal dialog left open would make Clerk's modal inert), on a
   * failure (report it beside the trigger, with {@link retry}) and when done.
   */
  isDialogOpen: boolean;
  /** Opens the confirmation dialog (does nothing while refused or running). */
  openConfirmation(): void;
  /** Closes the confirmation dialog without revoking (Escape, Cancel); a reported error stays. */
  closeConfirmation(): void;
  /** Runs the revoke from the dialog; a second call while it runs does nothing. Resolves `true` once Clerk confirmed. */
  confirm(): Promise<boolean>;
  /** Runs the revoke again after a failure, without the dialog (a notice's "Try again"). */
  retry(): Promise<boolean>;
  /** Clears a reported error (a notice's "Dismiss") back to idle. */
  dismissError(): void;
  /** Props for the button that opens the confirmation. */
  getTriggerProps(): ConfirmationTriggerProps & { 'data-state': RevokeStatus; onClick: () => void };
  /** Props for the confirmation dialog; its confirm button calls {@link confirm}. */
  getDialogProps(): ConfirmationDialogProps;
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
  // Whether the run going on was confirmed in the dialog (which then stays open while it runs) or is a retry.
  const [fromDialog, setFromDialog] = useState(false);
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
        accountLabel: summary ? displayName(summary, null) : null,
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
    useCallback(() => {
      // Clerk's verification takes over from the dialog; the revoke that follows shows on the trigger.
      setFromDialog(false);
      setStatus('verifying');
    }, []),
  );
  // Clerk's own device list does the same: `useReverification(session.revoke)`. The status follows the prompt.
  const revokeDevice = useReverified(() => (target.type === 'device' ? target.session.revoke() : Promise.resolve()), {
    ...(onNeedsReverification ? { onNeedsReverification } : {}),
    onPrompt: showAfterRender,
    onVerified: () => setStatus('pending'),
  });

  const openConfirmation = useCallback(() => {
    if (refusal || inFlight.current) return;
    setError(null);
    setStatus('confirming');
  }, [refusal]);

  const closeConfirmation = useCallback(() => {
    if (!inFlight.current) setStatus(error ? 'error' : 'idle');
  }, [error]);

  const run = useCallback(
    async (inDialog: boolean) => {
      if (refusal || inFlight.current) return false;
      inFlight.current = true;
      setFromDialog(inDialog);
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
    },
    [clerk, target, isCurrent, refusal, sessionId, onRevoked, revokeDevice],
  );
  const confirm = useCallback(() => run(true), [run]);
  const retry = useCallback(() => run(false), [run]);

  const dismissError = useCallback(() => {
    setError(null);
    setStatus('idle');
  }, []);

  const isDialogOpen = status === 'confirming' || (status === 'pending' && fromDialog);
  const busy = status === 'pending' || status === 'verifying';
  return {
    status,
    error,
    sessionId,
    isCurrent,
    accountLabel: lastLabel.current,
    refusal,
    isDialogOpen,
    openConfirmation,
    closeConfirmation,
    confirm,
    retry,
    dismissError,
    getTriggerProps: () => ({
      'aria-haspopup': 'dialog',
      'aria-expanded': isDialogOpen,
      'aria-controls': isDialogOpen ? dialogId : undefined,
      'aria-disabled': refusal || busy ? true : undefined,
      'aria-busy': busy ? true : undefined,
      'data-state': status,
      onClick: openConfirmation,
    }),
    getDialogProps: () => ({
      id: dialogId,
      open: isDialogOpen,
      pending: status === 'pending',
      onCancel: closeConfirmation,
    }),
  };
}
