'use client';
import { useClerk } from '../clerk';
import { enCommon } from '../core/messages/en/common';
import { enEnded } from '../core/messages/en/ended';
import { useSessionEnded } from '../headless/useSessionEnded';
import { useKitStrings } from './kitContext';
import { Button } from './parts/Button';
import { cn } from './parts/cn';

/** Props of {@link SessionEndedNotice}. */
export interface SessionEndedNoticeProps {
  /** Replaces "Sign in again" (default: Clerk's sign-in, coming back to this page). */
  onSignIn?: () => void;
  className?: string;
}

const DEFAULTS = { dismiss: enCommon.dismiss, ended: enEnded };

/**
 * Says why this tab was signed out when the user did not do it here: in another tab, from another device, the
 * session's lifetime, or inactivity. Announced at once (`role="alert"`), with "Sign in again" (back to this page)
 * and Dismiss. Renders nothing otherwise; mount it where a signed-out user still sees it (the app's layout).
 */
export function SessionEndedNotice({ onSignIn, className }: SessionEndedNoticeProps) {
  const { messages } = useKitStrings(DEFAULTS);
  const clerk = useClerk();
  const { reason, dismiss } = useSessionEnded();
  if (!reason) return null;
  const signIn = onSignIn ?? (() => void clerk.redirectToSignIn({ redirectUrl: window.location.href }));
  return (
    <div role="alert" data-slot="session-ended" data-state={reason} className={cn('csk-notice', className)}>
      <span className="csk-error-text">
        <strong className="csk:block csk:font-semibold">{messages.ended.title}</strong> {messages.ended.reason[reason]}
      </span>
      <Button size="sm" variant="primary" onClick={signIn}>
        {messages.ended.signInAgain}
      </Button>
      <Button size="sm" variant="ghost" onClick={dismiss}>
        {messages.dismiss}
      </Button>
    </div>
  );
}
