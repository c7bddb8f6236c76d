import { useCallback, useRef, useState } from 'react';
import { isClerkAPIResponseError, isReverificationCancelledError, useClerk, useClerkSelector } from '../clerk';
import { type ActionError, toActionError } from '../core/action';
import { REVERIFICATION_REQUIRED_CODE } from '../core/reverification';
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
  result: SignOutResult | null;
  /** Error of the device list itself (counts unknown), or of `signOut()`. */
  error: ActionError | null;
  requestConfirm(): void;
  /** Leaves the confirmation; an unresolved failure (`partial`, `error`) stays reported until {@link reset}. */
  cancel(): void;
  /** Clears a reported failure (the "Dismiss" of its notice) back to `idle`. */
  reset(): void;
  /**
   * Runs the sign-out; a second call while pending does nothing. For `'other-devices'` and `'everywhere'` it
   * refuses (sends nothing, resolves an empty result) until the device list is ready: with the list still
   * loading it leaves the state as is; with the list failed it reports `status: 'error'` with the list's error.
   */
  confirm(): Promise<SignOutResult>;
}

/**
 * Options of {@link useSignOutAll}. Revoking devices goes through Clerk's `useReverification`: with a stale
 * verification the user verifies ONCE (Clerk's modal, or `onNeedsReverification`), then every device is revoked.
 */
export interface UseSignOutAllOptions extends ReverificationOptions {
  scope: SignOutScope;
}

/**
 * Signs out of every other device (`revoke()` each, in parallel), every account in this browser (`signOut()`),
 * or both, devices first. Never `signOut({ sessionId: 'all' })`, which is not an API. With `'everywhere'`, this
 * browser is only signed out once every device is confirmed, so a partial failure can still be retried.
 */
export function useSignOutAll({ scope, ...options }: UseSignOutAllOptions): SignOutAll {
  // The device list is shared with every other useActiveDevices() on this Clerk, so counts stay in step.
  return useSignOutAllOf(scope, useDeviceList({ enabled: scope !== 'this-browser' }), useRevokeEveryDevice, options);
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
export function useSignOutThisBrowser(): SignOutAll {
  return useSignOutAllOf('this-browser', NO_DEVICES, useNoDeviceRevoke);
}

type RunStatus = Exclude<SignOutAll['status'], 'loading'>;

const needsVerification = (error: unknown) =>
  isClerkAPIResponseError(error) && error.errors.some((entry) => entry.code === REVERIFICATION_REQUIRED_CODE);

/** Revokes every device of a run (see {@link useRevokeEveryDevice}); a parameter so `'this-browser'` bundles none of it. */
type RevokeEveryHook = (
  revoke: DeviceList['revoke'],
  status: RunStatus,
  setStatus: (status: RunStatus) => void,
  options: ReverificationOptions,
) => (run: SignOutResult, targets: DeviceSummary[]) => Promise<SignOutResult>;

/**
 * Every device in one task, so Clerk asks for ONE verification: the first attempt revokes what it can and throws
 * Clerk's 403 when any device needs a verification; after it, Clerk runs the task again, which revokes only the
 * devices still to do.
 */
const useRevokeEveryDevice: RevokeEveryHook = (revoke, status, setStatus, options) => {
  const showAfterRender = usePromptAfterRender(
    status,
    useCallback(() => setStatus('verifying'), [setStatus]),
  );
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
  options: ReverificationOptions = {},
): SignOutAll {
  const clerk = useClerk();
  const needsDevices = scope !== 'this-browser';
  const accountCount = useClerkSelector((instance) => instance.client?.signedInSessions.length ?? 0, Object.is);
  const [status, setStatus] = useState<RunStatus>('idle');
  const [result, setResult] = useState<SignOutResult | null>(null);
  const [runError, setRunError] = useState<ActionError | null>(null);
  const inFlight = useRef(false);
  // What the last run left unresolved: cancelling a new confirmation must not hide that it failed.
  const outcome = useRef<'partial' | 'error' | null>(null);

  const deviceCount = needsDevices ? devices.others.length : 0;
  const accounts = scope === 'other-devices' ? 0 : accountCount;
  // Signed out, there is no other device to count (0 is known, not unknown); only loading and errors leave it open.
  const devicesUnknown = needsDevices && (devices.status === 'loading' || devices.status === 'error');
  const nothingToDo = !devicesUnknown && deviceCount + accounts === 0;

  const requestConfirm = useCallback(() => {
    if (!inFlight.current) setStatus('confirming');
  }, []);
  const cancel = useCallback(() => {
    if (!inFlight.current) setStatus(outcome.current ?? 'idle');
  }, []);
  const reset = useCallback(() => {
    if (inFlight.current) return;
    outcome.current = null;
    setResult(null);
    setRunError(null);
    setStatus('idle');
  }, []);

  const { others, revoke, status: listStatus } = devices;
  const revokeEvery = useRevokeEvery(revoke, status, setStatus, options);
  const confirm = useCallback(async (): Promise<SignOutResult> => {
    const empty: SignOutResult = { succeeded: [], failed: [] };
    if (inFlight.current) return empty;
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
  }, [clerk, needsDevices, listStatus, others, revokeEvery, scope]);

  return {
    scope,
    status: devicesUnknown && devices.status === 'loading' && status === 'idle' ? 'loading' : status,
    deviceCount,
    accountCount: accounts,
    nothingToDo,
    result,
    error: runError ?? (needsDevices ? devices.error : null),
    requestConfirm,
    cancel,
    reset,
    confirm,
  };
}
