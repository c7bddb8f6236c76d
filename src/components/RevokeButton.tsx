'use client';
import { type ReactNode, useContext, useId, useRef } from 'react';
import { enCommon } from '../core/messages/en/common';
import { enRevoke } from '../core/messages/en/revoke';
import type { ReverificationOptions } from '../headless/useReverified';
import { type RevokeTarget, useRevokeSession } from '../headless/useRevokeSession';
import { useKitStrings } from './kitContext';
import { AlertDialog } from './parts/AlertDialog';
import { Button } from './parts/Button';
import { cn } from './parts/cn';
import { ErrorNotice } from './parts/ErrorNotice';
import { ClerkFailed } from './parts/NotLoaded';
import { OutcomesAnnounced } from './parts/OutcomesAnnounced';
import { useFocusAfterCommit } from './parts/useFocusAfterCommit';

/** The English this component renders when no `SessionKitProvider` gives a catalogue. */
const strings = { ...enCommon, revoke: enRevoke };

/** Slots of {@link RevokeButton} for `classNames`. */
export interface RevokeButtonClassNames {
  root?: string;
  trigger?: string;
  reason?: string;
  dialog?: string;
  error?: string;
}

/** Props of {@link RevokeButton}. */
export interface RevokeButtonProps extends ReverificationOptions {
  /** An account in this browser (`{ type: 'account', sessionId }`) or another device (`{ type: 'device', session }`). */
  target: RevokeTarget;
  /** How the dialog names the target ("Safari on iPhone"); accounts default to the user's name. */
  label?: string;
  /** For the session in use right now: `'disabled'` (default, with the reason) or `'sign-out'`. */
  current?: 'disabled' | 'sign-out';
  /**
   * Called after Clerk confirmed; move focus here when the row that held the button goes away. Until then (or
   * when used on its own) the button is replaced by a focusable status line, which takes focus only if focus
   * would otherwise be lost with the dialog.
   */
  onRevoked?: (sessionId: string) => void;
  /** Text of the trigger button. */
  children?: ReactNode;
  className?: string;
  classNames?: RevokeButtonClassNames;
}

/**
 * Signs out one session, after a confirmation that names it: an account in this browser, or another device.
 * Pending shows on the dialog's button (`aria-busy`); a failure is announced with a retry and nothing is
 * claimed until Clerk confirms. For the session in use it is disabled with the reason, or becomes a sign-out;
 * until Clerk has loaded (so whether the target is the session in use is unknown) it is disabled.
 *
 * Revoking a device is a sensitive action for Clerk: with a verification older than 10 minutes Clerk answers 403
 * `session_reverification_required`, and the button runs Clerk's `useReverification` flow (the dialog closes,
 * Clerk's "verify it's you" modal opens, or `onNeedsReverification`; then the revoke runs again). A cancelled
 * verification changes nothing and reports nothing: the trigger keeps focus and can start again.
 */
export function RevokeButton({
  target,
  label,
  current = 'disabled',
  onRevoked,
  onNeedsReverification,
  children,
  className,
  classNames = {},
}: RevokeButtonProps) {
  const { messages } = useKitStrings(strings);
  const revoke = useRevokeSession(target, {
    allowCurrent: current === 'sign-out',
    ...(onRevoked ? { onRevoked } : {}),
    ...(onNeedsReverification ? { onNeedsReverification } : {}),
  });
  const { status } = revoke;
  const reasonId = useId();
  const name = label ?? revoke.accountLabel ?? messages.unknownDevice;
  const isDevice = target.type === 'device';
  const { scopeRef, afterCommit } = useFocusAfterCommit<HTMLSpanElement>();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const noticeActionRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // In a list that announces its rows' outcomes (whose row goes away once done), the row keeps no live region.
  const ownLiveRegion = !useContext(OutcomesAnnounced);

  // Once a run settles, lost focus (with the dialog, the trigger once done, or Clerk's verification) goes to the
  // status line when done, else to the trigger. After a retry from the notice (which went away with it, focus
  // waiting on the pending trigger), focus still on the trigger goes on to the new notice's first button.
  const settle = (run: Promise<boolean>, fromNotice: boolean) => {
    void run.then(() =>
      afterCommit({
        focus: () => statusRef.current ?? (fromNotice ? noticeActionRef.current : null) ?? triggerRef.current,
        evenFromInside: fromNotice,
      }),
    );
  };
  const retry = () => {
    triggerRef.current?.focus();
    settle(revoke.retry(), true);
  };
  // Dismiss takes the notice (and the focused button) away: focus goes to the trigger, to start over.
  const dismiss = () => {
    triggerRef.current?.focus();
    revoke.dismissError();
  };

  if (status === 'done') {
    // The same live region as before (first child, so React keeps the element), now visible and with text: one
    // inserted together with its text is often not read.
    return (
      <span
        ref={scopeRef}
        data-slot="revoke-button"
        data-state="done"
        className={cn('csk-revoke', className, classNames.root)}
      >
        <p
          ref={statusRef}
          role="status"
          tabIndex={-1}
          data-slot="announcer"
          className="csk-note csk:rounded-kit csk:outline-none csk:focus-visible:ring-2 csk:focus-visible:ring-ring csk:focus-visible:ring-offset-2 csk:ring-offset-background"
        >
          {messages.revoke.done(name)}
        </p>
      </span>
    );
  }

  const refused = revoke.refusal === 'current-session';
  return (
    <span
      ref={scopeRef}
      data-slot="revoke-button"
      data-state={revoke.refusal === 'loading' ? 'loading' : status}
      className={cn('csk-revoke', className, classNames.root)}
    >
      {ownLiveRegion ? <p role="status" data-slot="announcer" className="csk:sr-only" /> : null}
      <Button
        ref={triggerRef}
        variant="secondary"
        size="sm"
        {...revoke.getTriggerProps()}
        pending={status === 'pending' || status === 'verifying'}
        aria-describedby={refused ? reasonId : undefined}
        className={cn('csk:text-danger', classNames.trigger)}
      >
        {children ??
          (revoke.isCurrent
            ? messages.signOut
            : isDevice
              ? messages.revoke.deviceAction
              : messages.revoke.accountAction)}
      </Button>
      {refused ? (
        <span id={reasonId} data-slot="reason" className={cn('csk-revoke-reason', classNames.reason)}>
          {messages.revoke.currentRefused}
        </span>
      ) : null}
      <ClerkFailed className={classNames.error} />
      {status === 'error' && revoke.error ? (
        <ErrorNotice
          title={messages.revoke.failed(name)}
          error={revoke.error}
          onRetry={retry}
          onDismiss={dismiss}
          actionRef={noticeActionRef}
          className={classNames.error}
        />
      ) : null}
      <AlertDialog
        {...revoke.getDialogProps()}
        title={isDevice ? messages.revoke.deviceTitle(name) : messages.revoke.accountTitle(name)}
        description={isDevice ? messages.revoke.deviceBody : messages.revoke.accountBody}
        confirmLabel={messages.revoke.confirm}
        cancelLabel={messages.cancel}
        onConfirm={() => settle(revoke.confirm(), false)}
        className={classNames.dialog}
      />
    </span>
  );
}
