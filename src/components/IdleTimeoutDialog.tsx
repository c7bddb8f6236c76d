'use client';
import { useEffect, useRef } from 'react';
import { announcementStep, formatCountdown } from '../core/idleClock';
import { enCommon } from '../core/messages/en/common';
import { enIdle } from '../core/messages/en/idle';
import { type UseIdleTimeoutOptions, useIdleTimeout } from '../headless/useIdleTimeout';
import { useKitStrings } from './kitContext';
import { AlertDialog } from './parts/AlertDialog';
import { Announcer } from './parts/Announcer';
import { errorText } from './parts/ErrorNotice';
import { useFocusAfterCommit } from './parts/useFocusAfterCommit';

/** Props of {@link IdleTimeoutDialog}: the options of `useIdleTimeout` (the clock comes from `SessionKitProvider`). */
export interface IdleTimeoutDialogProps extends Omit<UseIdleTimeoutOptions, 'clock'> {
  className?: string;
}

const DEFAULTS = { locale: enCommon.locale, errors: enCommon.errors, idle: enIdle };

/**
 * Signs the current session out after `timeout` ms without activity in any tab of the app, after a warning: an
 * `alertdialog` with a countdown, "Stay signed in" (focused; Escape does the same) and "Sign out now". The
 * countdown is read out when the dialog opens and again at 60, 30 and 10 seconds, never every second. Mount it
 * once, in the layout of the signed-in part of the app; it renders nothing visible until the warning.
 *
 * @example <IdleTimeoutDialog timeout={15 * 60_000} />
 */
export function IdleTimeoutDialog({ className, ...options }: IdleTimeoutDialogProps) {
  const { messages, clock } = useKitStrings(DEFAULTS);
  const idle = useIdleTimeout({ ...options, clock });
  const { announcement, afterCommit } = useFocusAfterCommit();
  const warning = idle.phase === 'warning';
  const step = warning ? announcementStep(idle.secondsLeft) : null;
  // The dialog is announced as it opens; after that, only when the countdown enters a new step.
  const heardStep = useRef<number | null | undefined>(undefined);
  const seconds = new Intl.NumberFormat(messages.locale).format(idle.secondsLeft);
  useEffect(() => {
    if (!warning) {
      heardStep.current = undefined;
      return;
    }
    if (heardStep.current === undefined) heardStep.current = step;
    else if (step !== heardStep.current) {
      heardStep.current = step;
      if (step !== null) afterCommit({ announce: messages.idle.secondsLeft(seconds) });
    }
  }, [warning, step, seconds, afterCommit, messages]);

  const open = warning || idle.phase === 'signing-out' || (idle.phase === 'timed-out' && idle.error !== null);
  return (
    <AlertDialog
      open={open}
      title={messages.idle.title}
      description={messages.idle.body(formatCountdown(idle.secondsLeft, messages.locale))}
      cancelLabel={messages.idle.stay}
      confirmLabel={messages.idle.signOutNow}
      pending={idle.phase === 'signing-out'}
      error={idle.error ? `${messages.idle.failed} ${errorText(idle.error, messages)}` : undefined}
      onCancel={idle.stay}
      onConfirm={() => void idle.signOutNow()}
      className={className}
    >
      <Announcer message={announcement} />
    </AlertDialog>
  );
}
