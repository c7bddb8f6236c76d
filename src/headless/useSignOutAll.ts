import { useCallback, useId, useRef, useState } from 'react';
import { isClerkAPIResponseError, isReverificationCancelledError, useClerk, useClerkSelector } from '../clerk';
import { type ActionError, toActionError } from '../core/action';
import { REVERIFICATION_REQUIRED_CODE } from '../core/reverification';
import type { ConfirmationDialogProps, ConfirmationTriggerProps } from './confirmationProps';
import type { DeviceSummary } from './summaries';
import { type ActiveDevices, useDeviceList } from './useActiveDevices';
import { type ReverificationOptions, usePromptAfterRender, useReverified } from './useReverified';

/** What a sign-out-all covers. */
export type SignOutScope = 'other-devices' | 'this-browser' | 'everywhere';

/** Per-session outcome of a sign-out-all run. */
export interface SignOutResult {
  /** Sessions Clerk confirmed as signed out. */
  succeeded: string[];
  /** Sessions that are still signed in, with why. */
  failed: { sessionId: string; error: ActionError }[];
}

/** What {@link useSignOutAll} returns. */
export interface SignOutAll {
  scope: SignOutScope;
  /** `verifying` while Clerk asks the user to verify again before the devices are revoked. */
  status: 'loading' | 'idle' | 'confirming' | 'pending' | 'verifying' | 'done' | 'partial' | 'error';
  /** Other-device sessions this run would revoke (0 for `'this-browser'`). */
  deviceCount: number;
  /** Accounts signed in in this browser that `signOut()` would remove (0 for `'other-devices'`). */
  accountCount: number;
  /** True when there is nothing to sign out: the button should be disabled with a reason. */
  nothingToDo: boolean;
  /** The trigger does nothing: nothing to sign out, the counts still loading, or the device list failed. */
  isDisabled: boolean;
  result: SignOutResult | null;
  /** Error of the device list itself (counts unknown), or of `signOut()`. */
  error: ActionError | null;
  /**
   * Whether the confirmation dialog shows: while confirming, and while a run confirmed in it goes on. It closes
   * when Clerk asks the user to verify again (a modal dialog left open would make Clerk's modal inert); with
   * `reportErrorIn: 'dialog'` it also stays open on a failure.
   */
  isDialogOpen: boolean;
  /**
   * Whether the last run's failure is to be reported (`partial`, `error`): in the dialog with
   * `reportErrorIn: 'dialog'`, else in a notice beside the trigger, which stays while its {@link retry} runs.
   */
  isErrorShown: boolean;
  /** Opens the confirmation dialog (does nothing while a run goes on). */
  openConfirmation(): void;
  /**
   * Closes the confirmation without signing out. A failure reported in a notice stays reported until
   * {@link dismissError}; one reported in the dialog (`reportErrorIn: 'dialog'`) goes with it.
   */
  closeConfirmation(): void;
  /** Clears a reported failure (the "Dismiss" of its notice) back to `idle`. */
  dismissError(): void;
  /**
   * Runs the sign-out from the dialog; a second call while pending does nothing. For `'other-devices'` and
   * `'everywhere'` it refuses (sends nothing, resolves an empty result) until the device list is ready: with the
   * list still loading it leaves the state as is; with the list failed it reports `status: 'error'` with the
   * list's error.
   */
  confirm(): Promise<SignOutResult>;
  /** Runs the sign-out again after a failure, without the dialog (a notice's "Try again"). */
  retry(): Promise<SignOutResult>;
  /** Props for the button that opens the confirmation. */
  getTriggerProps(): ConfirmationTriggerProps;
  /** Props for the confirmation dialog; its confirm button calls {@link confirm}. */
  getDialogProps(): ConfirmationDialogProps;
}

/** Where a sign-out-all reports a failure: beside its trigger (default), or in the dialog, which stays open. */
export type ErrorReport = 'notice' | 'dialog';

/**
 * Options of {@link useSignOutAll}. Revoking devices goes through Clerk's `useReverification`: with a stale
 * verification the user verifies ONCE (Clerk's modal, or `onNeedsReverification`), then every device is revoked.
 */
export interface UseSignOutAllOptions extends ReverificationOptions {
  scope: SignOutScope;
  /**
   * Where the failure of a run is reported (see {@link SignOutAll.isErrorShown}): `'notice'` (default), beside the
   * trigger with a retry, or `'dialog'`, which then stays open with it (its confirm button retries).
   */
  reportErrorIn?: ErrorReport;
}

/**
 * Signs out of every other device (`revoke()` each, in parallel), every account in this browser (`signOut()`),
 * or both, devices first. Never `signOut({ sessionId: 'all' })`, which is not an API. With `'everywhere'`, this
 * browser is only signed out once every device is confirmed, so a partial failure can still be retried.
 */
export function useSignOutAll({ scope, reportErrorIn = 'notice', ...options }: UseSignOutAllOptions): SignOutAll {
  // The device list is shared with every other useActiveDevices() on this Clerk, so counts stay in step.
  const devices = useDeviceList({ enabled: scope !== 'this-browser' });
  return useSignOutAllOf(scope, devices, useRevokeEveryDevice, reportErrorIn, options);
}

/** What the sign-out reads of the device list; `'this-browser'` reads none of it. */
type DeviceList = Pick<ActiveDevices, 'status' | 'others' | 'error' | 'revoke'>;
const NO_DEVICES: DeviceList = {
  status: 'loading',
  others: [],
  error: null,
  revoke: () => Promise.reject(new Error('This scope revokes no device.')),
};

/**
 * `useSignOutAll({ scope: 'this-browser' })` without the device list (which that scope never reads), so a
 * component that only signs out of this browser does not bundle the device store. Internal: not exported from
 * `clerk-session-kit/headless`.
 */
export function useSignOutThisBrowser(reportErrorIn: ErrorReport = 'notice'): SignOutAll {
  return useSignOutAllOf('this-browser', NO_DEVICES, useNoDeviceRevoke, reportErrorIn);
}

type RunStatus = Exclude<SignOutAll['status'], 'loading'>;

const needsVerification = (error: unknown) =>
  isClerkAPIResponseError(error) && error.errors.some((entry) => entry.code === REVERIFICATION_REQUIRED_CODE);

/** Revokes every device of a run (see {@link useRevokeEveryDevice}); a parameter so `'this-browser'` bundles none of it. */
type RevokeEveryHook = (
  revoke: DeviceList['revoke'],
  status: RunStatus,
  setVerifying: () => void,
  setStatus: (status: RunStatus) => void,
  options: ReverificationOptions,
) => (run: SignOutResult, targets: DeviceSummary[]) => Promise<SignOutResult>;

/**
 * Every device in one task, so Clerk asks for ONE verification: the first attempt revokes what it can and throws
 * Clerk's 403 when any device needs a verification; after it, Clerk runs the task again, which revokes only the
 * devices still to do.
 */
const useRevokeEveryDevice: RevokeEveryHook = (revoke, status, setVerifying, setStatus, options) => {
  const showAfterRender = usePromptAfterRender(status, setVerifying);
  return useReverified(
    async (run: SignOutResult, targets: DeviceSummary[]) => {
      const settledIds = new Set([...run.succeeded, ...run.failed.map((entry) => entry.sessionId)]);
      const todo = targets.filter((device) => !settledIds.has(device.id));
      const settled = await Promise.allSettled(todo.map((device) => revoke(device.id)));
      let verify: unknown = null;
      settled.forEach((entry, index) => {
        const sessionId = todo[index]?.id ?? '';
        if (entry.status === 'fulfilled') run.succeeded.push(sessionId);
        else if (needsVerification(entry.reason)) verify ??= entry.reason;
        else run.failed.push({ sessionId, error: toActionError(entry.reason) });
      });
      if (verify) throw verify;
      return run;
    },
    { ...options, onPrompt: showAfterRender, onVerified: () => setStatus('pending') },
  );
};

const revokeNone = async (run: SignOutResult) => run;
const useNoDeviceRevoke: RevokeEveryHook = () => revokeNone;

function useSignOutAllOf(
  scope: SignOutScope,
  devices: DeviceList,
  useRevokeEvery: RevokeEveryHook,
  reportErrorIn: ErrorReport,
  options: ReverificationOptions = {},
): SignOutAll {
  const clerk = useClerk();
  const dialogId = useId();
  const needsDevices = scope !== 'this-browser';
  const accountCount = useClerkSelector((instance) => instance.client?.signedInSessions.length ?? 0, Object.is);
  const [status, setStatus] = useState<RunStatus>('idle');
  const [result, setResult] = useState<SignOutResult | null>(null);
  const [runError, setRunError] = useState<ActionError | null>(null);
  // Whether the run going on was confirmed in the dialog (which then stays open while it runs) or is a retry.
  const [fromDialog, setFromDialog] = useState(true);
  const inFlight = useRef(false);
  // What the last run left unresolved: cancelling a new confirmation must not hide that it failed.
  const outcome = useRef<'partial' | 'error' | null>(null);

  const deviceCount = needsDevices ? devices.others.length : 0;
  const accounts = scope === 'other-devices' ? 0 : accountCount;
  // Signed out, there is no other device to count (0 is known, not unknown); only loading and errors leave it open.
  const devicesUnknown = needsDevices && (devices.status === 'loading' || devices.status === 'error');
  const nothingToDo = !devicesUnknown && deviceCount + accounts === 0;

  const openConfirmation = useCallback(() => {
    if (!inFlight.current) setStatus('confirming');
  }, []);
  const dismissError = useCallback(() => {
    if (inFlight.current) return;
    outcome.current = null;
    setResult(null);
    setRunError(null);
    setStatus('idle');
  }, []);
  const closeConfirmation = useCallback(() => {
    if (inFlight.current) return;
    // A failure reported in the dialog has no other report: leaving the dialog dismisses it.
    if (reportErrorIn === 'dialog') dismissError();
    else setStatus(outcome.current ?? 'idle');
  }, [reportErrorIn, dismissError]);

  const { others, revoke, status: listStatus } = devices;
  const setVerifying = useCallback(() => {
    // Clerk's verification takes over from the dialog; the run that follows shows on the trigger.
    setFromDialog(false);
    setStatus('verifying');
  }, []);
  const revokeEvery = useRevokeEvery(revoke, status, setVerifying, setStatus, options);
  const run = useCallback(
    async (inDialog: boolean): Promise<SignOutResult> => {
      const empty: SignOutResult = { succeeded: [], failed: [] };
      if (inFlight.current) return empty;
      setFromDialog(inDialog);
      // Unknown devices cannot be revoked: going on would revoke nothing and still sign this browser out.
      if (needsDevices && listStatus !== 'ready') {
        if (listStatus === 'error') {
          outcome.current = 'error';
          setStatus('error');
        }
        return empty;
      }
      inFlight.current = true;
      setStatus('pending');
      setRunError(null);
      const run: SignOutResult = { succeeded: [], failed: [] };
      try {
        if (needsDevices) {
          try {
            await revokeEvery(run, others);
          } catch (caught) {
            if (isReverificationCancelledError(caught)) {
              // Not a failure: what was revoked before the prompt is gone from the list, the rest stays as it was.
              setStatus(outcome.current ?? 'idle');
              return run;
            }
            // Clerk still asked after the user verified: every device not done stays signed in, with that reason.
            const done = new Set([...run.succeeded, ...run.failed.map((entry) => entry.sessionId)]);
            for (const device of others) {
              if (!done.has(device.id)) run.failed.push({ sessionId: device.id, error: toActionError(caught) });
            }
          }
        }
        if (scope !== 'other-devices' && run.failed.length === 0) {
          const here = [...(clerk.client?.signedInSessions ?? [])];
          try {
            await clerk.signOut();
            run.succeeded.push(...here.map((s) => s.id));
          } catch (caught) {
            setRunError(toActionError(caught));
            for (const s of here) run.failed.push({ sessionId: s.id, error: toActionError(caught) });
          }
        }
        const next = run.failed.length === 0 ? 'done' : run.succeeded.length > 0 ? 'partial' : 'error';
        outcome.current = next === 'done' ? null : next;
        setResult(run);
        setStatus(next);
        return run;
      } finally {
        inFlight.current = false;
      }
    },
    [clerk, needsDevices, listStatus, others, revokeEvery, scope],
  );
  const confirm = useCallback(() => run(true), [run]);
  const retry = useCallback(() => run(false), [run]);

  const shownStatus = devicesUnknown && devices.status === 'loading' && status === 'idle' ? 'loading' : status;
  const isDisabled = nothingToDo || shownStatus === 'loading' || (needsDevices && devices.status === 'error');
  const failed = status === 'partial' || status === 'error';
  const isErrorShown = failed || (reportErrorIn === 'notice' && status === 'pending' && !fromDialog);
  const isDialogOpen =
    status === 'confirming' || (status === 'pending' && fromDialog) || (reportErrorIn === 'dialog' && failed);
  return {
    scope,
    status: shownStatus,
    deviceCount,
    accountCount: accounts,
    nothingToDo,
    isDisabled,
    result,
    error: runError ?? (needsDevices ? devices.error : null),
    isDialogOpen,
    isErrorShown,
    openConfirmation,
    closeConfirmation,
    dismissError,
    confirm,
    retry,
    getTriggerProps: () => ({
      'aria-haspopup': 'dialog',
      'aria-expanded': isDialogOpen,
      'aria-controls': isDialogOpen ? dialogId : undefined,
      'aria-disabled': isDisabled || undefined,
      'aria-busy': shownStatus === 'loading' || status === 'pending' || status === 'verifying' || undefined,
      onClick: isDisabled ? undefined : openConfirmation,
    }),
    getDialogProps: () => ({
      id: dialogId,
      open: isDialogOpen,
      pending: status === 'pending',
      onCancel: closeConfirmation,
    }),
  };
}
