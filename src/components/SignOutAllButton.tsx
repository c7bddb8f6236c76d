'use client';
import { type ReactNode, useId, useRef } from 'react';
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
import { ClerkFailed } from './parts/NotLoaded';
import { useFocusAfterCommit } from './parts/useFocusAfterCommit';

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
  const { scopeRef, afterCommit } = useFocusAfterCommit<HTMLDivElement>();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const ownReasonId = useId();

  const listFailed = needsDevices && devices.status === 'error';
  const reasonId = all.nothingToDo ? (externalReasonId ?? ownReasonId) : undefined;
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

  // A run (and a reload of the list) can take the focused button away with the notice or the dialog: lost focus
  // comes back to the trigger, where the user can start over.
  const refocus = () => afterCommit({ focus: () => triggerRef.current });
  const run = async (fromDialog: boolean) => {
    const outcome = await (fromDialog ? all.confirm() : all.retry());
    refocus();
    if (outcome.succeeded.length + outcome.failed.length > 0) onDone?.(outcome);
  };
  // Dismiss takes the notice (and the focused button) away: focus goes to the trigger.
  const dismiss = () => {
    all.dismissError();
    triggerRef.current?.focus();
  };

  return (
    <div
      ref={scopeRef}
      data-slot="sign-out-all"
      data-state={all.status}
      data-scope={scope}
      data-disabled={all.isDisabled || undefined}
      className={cn('csk-soa', className, classNames.root)}
    >
      <Button
        ref={triggerRef}
        variant="secondary"
        data-slot="trigger"
        {...all.getTriggerProps()}
        aria-describedby={reasonId}
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
      {all.isErrorShown && firstFailure ? (
        <ErrorNotice
          title={messages.signOutAll.partial(failed.length, failed.length + (result?.succeeded.length ?? 0))}
          error={firstFailure}
          onRetry={() => void run(false)}
          onDismiss={dismiss}
          className={classNames.error}
        />
      ) : null}
      {/* In the render that shows the run done, so it is there as soon as the list shows it. */}
      <Announcer message={all.status === 'done' && result ? messages.signOutAll.done(result.succeeded.length) : ''} />
      <AlertDialog
        {...all.getDialogProps()}
        title={title}
        description={messages.signOutAll.body[scope]}
        confirmLabel={messages.signOutAll.confirm}
        cancelLabel={messages.cancel}
        onConfirm={() => void run(true)}
        className={classNames.dialog}
      />
    </div>
  );
}
