'use client';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { enCommon } from '../core/messages/en/common';
import { enDevices } from '../core/messages/en/devices';
import { enSignOutAll } from '../core/messages/en/signOutAll';
import { useDeviceList } from '../headless/useActiveDevices';
import type { ReverificationOptions } from '../headless/useReverified';
import { type SignOutResult, type SignOutScope, useSignOutAll } from '../headless/useSignOutAll';
import { useKitStrings } from './kitContext';
import { AlertDialog } from './parts/AlertDialog';
import { Announcer } from './parts/Announcer';
import { Button } from './parts/Button';
import { cn } from './parts/cn';
import { ErrorNotice } from './parts/ErrorNotice';
import { focusLost } from './parts/focusLost';
import { ClerkFailed } from './parts/NotLoaded';

/** The English this component renders when no `SessionKitProvider` gives a catalogue. */
const strings = { ...enCommon, signOutAll: enSignOutAll, devices: enDevices };

/** Slots of {@link SignOutAllButton} for `classNames` (each element carries the same name in `data-slot`). */
export interface SignOutAllButtonClassNames {
  /** The wrapper (`data-slot="sign-out-all"`). */
  root?: string;
  /** The button that opens the confirmation. */
  trigger?: string;
  /** Why the button is disabled ("No other device is signed in."). */
  reason?: string;
  /** The confirmation dialog. */
  dialog?: string;
  /** The failure notice (partial failure, or the device list could not be loaded). */
  error?: string;
}

/** Props of {@link SignOutAllButton}. */
export interface SignOutAllButtonProps extends ReverificationOptions {
  /** Do not show the device list's load error here, when it is shown elsewhere (`ActiveDevices` does). */
  hideListError?: boolean;
  /**
   * What it signs out: `'other-devices'` revokes every session of the user on other devices (this one stays),
   * `'this-browser'` signs out every account in this browser (`signOut()`), `'everywhere'` does both, devices
   * first.
   */
  scope: SignOutScope;
  /**
   * Id of an element on the page that already says there is nothing to sign out; the disabled button then
   * points to it instead of repeating the sentence.
   */
  reasonId?: string;
  /** Called after every run with what Clerk confirmed and what failed. */
  onDone?: (result: SignOutResult) => void;
  /** Text of the trigger; defaults to the scope's action ("Sign out of all other devices"). */
  children?: ReactNode;
  className?: string;
  classNames?: SignOutAllButtonClassNames;
}

/**
 * Signs out of many sessions at once, after a confirmation that states the exact count ("Sign out of 3 other
 * devices?"). Disabled with a visible reason when there is nothing to sign out; pending on the dialog's button
 * (`aria-busy`); a partial failure says how many could not be signed out and offers a retry of those; a full
 * success is announced. `data-state` on the root: `loading | idle | confirming | pending | verifying | done |
 * partial | error`. Revoking devices with a stale verification asks for ONE verification (Clerk's modal, or
 * `onNeedsReverification`), then revokes every device; a cancelled verification changes and reports nothing.
 *
 * @example
 * ```tsx
 * <SignOutAllButton scope="other-devices" />
 * ```
 */
export function SignOutAllButton({
  scope,
  reasonId: externalReasonId,
  hideListError = false,
  onDone,
  onNeedsReverification,
  children,
  className,
  classNames = {},
}: SignOutAllButtonProps) {
  const { messages } = useKitStrings(strings);
  const needsDevices = scope !== 'this-browser';
  // The same shared list the hook counts from; read here to tell "list failed" apart and offer its retry.
  const devices = useDeviceList({ enabled: needsDevices });
  const all = useSignOutAll({ scope, ...(onNeedsReverification ? { onNeedsReverification } : {}) });
  const triggerRef = useRef<HTMLButtonElement>(null);
  const ownReasonId = useId();
  const dialogId = useId();

  const listFailed = needsDevices && devices.status === 'error';
  const disabled = all.nothingToDo || all.status === 'loading' || listFailed;
  const reasonId = all.nothingToDo ? (externalReasonId ?? ownReasonId) : undefined;
  // A retry from the failure notice runs without the dialog: the notice (and its focused button) stays meanwhile.
  const [fromDialog, setFromDialog] = useState(true);
  const dialogOpen = all.status === 'confirming' || (all.status === 'pending' && fromDialog);
  const title =
    scope === 'everywhere'
      ? messages.signOutAll.title.everywhere(all.deviceCount, all.accountCount)
      : scope === 'other-devices'
        ? messages.signOutAll.title['other-devices'](all.deviceCount)
        : messages.signOutAll.title['this-browser'](all.accountCount);

  const result = all.result;
  const failed = result?.failed ?? [];
  // The notice offers Try again when trying again can help ANY failed session: show a retryable failure first.
  const firstFailure = (failed.find((entry) => entry.error.retryable) ?? failed[0])?.error ?? all.error;
  const showFailure =
    (all.status === 'partial' || all.status === 'error' || (all.status === 'pending' && !fromDialog)) &&
    firstFailure !== null;

  // A notice's "Try again" goes away with the notice: bring focus back to the trigger rather than the page.
  const refocus = () => {
    if (focusLost(triggerRef.current?.ownerDocument)) triggerRef.current?.focus();
  };

  // Set by a run; checked after the render in which the run's outcome shows (and the old notice is gone).
  const refocusAfterRun = useRef(false);
  useEffect(() => {
    if (!refocusAfterRun.current || all.status === 'pending') return;
    refocusAfterRun.current = false;
    refocus();
  });

  // Dismiss takes the notice (and the focused button) away: focus goes to the trigger, where the user can start over.
  const dismiss = () => {
    all.reset();
    triggerRef.current?.focus();
  };

  // Clerk's verification takes over from the dialog (left open, it would make Clerk's modal inert); the revoke
  // that follows shows on the trigger, and focus comes back to it after the run (or a cancel).
  useEffect(() => {
    if (all.status === 'verifying') setFromDialog(false);
  }, [all.status]);

  const run = async (viaDialog: boolean) => {
    setFromDialog(viaDialog);
    refocusAfterRun.current = true;
    const outcome = await all.confirm();
    if (outcome.succeeded.length + outcome.failed.length > 0) onDone?.(outcome);
  };

  return (
    <div
      data-slot="sign-out-all"
      data-state={all.status}
      data-scope={scope}
      data-disabled={disabled || undefined}
      className={cn('csk-soa', className, classNames.root)}
    >
      <Button
        ref={triggerRef}
        variant="secondary"
        data-slot="trigger"
        aria-haspopup="dialog"
        aria-expanded={dialogOpen}
        aria-controls={dialogOpen ? dialogId : undefined}
        aria-disabled={disabled || undefined}
        aria-busy={all.status === 'loading' || all.status === 'pending' || all.status === 'verifying' || undefined}
        aria-describedby={reasonId}
        // aria-disabled rather than `disabled`: the button stays focusable, so the reason can be read out.
        onClick={disabled ? undefined : all.requestConfirm}
        className={cn('csk:text-danger', classNames.trigger)}
      >
        {children ?? messages.signOutAll.action[scope]}
      </Button>
      {all.nothingToDo && !externalReasonId ? (
        <span id={ownReasonId} data-slot="reason" className={cn('csk-soa-reason', classNames.reason)}>
          {messages.signOutAll.nothingToDo[scope]}
        </span>
      ) : null}
      <ClerkFailed className={classNames.error} />
      {listFailed && devices.error && !hideListError ? (
        <ErrorNotice
          title={messages.devices.loadFailed}
          error={devices.error}
          onRetry={() => void devices.refresh().then(refocus)}
          className={classNames.error}
        />
      ) : null}
      {showFailure && firstFailure ? (
        <ErrorNotice
          title={messages.signOutAll.partial(failed.length, failed.length + (result?.succeeded.length ?? 0))}
          error={firstFailure}
          onRetry={() => void run(false)}
          onDismiss={dismiss}
          className={classNames.error}
        />
      ) : null}
      <Announcer message={all.status === 'done' && result ? messages.signOutAll.done(result.succeeded.length) : ''} />
      <AlertDialog
        open={dialogOpen}
        id={dialogId}
        title={title}
        description={messages.signOutAll.body[scope]}
        confirmLabel={messages.signOutAll.confirm}
        cancelLabel={messages.cancel}
        pending={all.status === 'pending'}
        onConfirm={() => void run(true)}
        onCancel={all.cancel}
        className={classNames.dialog}
      />
    </div>
  );
}
