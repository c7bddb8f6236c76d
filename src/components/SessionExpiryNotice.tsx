'use client';
import { useEffect } from 'react';
import { formatCountdown } from '../core/idleClock';
import { enCommon } from '../core/messages/en/common';
import { enExpiry } from '../core/messages/en/expiry';
import { type UseSessionExpiryOptions, useSessionExpiry } from '../headless/useSessionExpiry';
import { useKitStrings } from './kitContext';
import { Announcer } from './parts/Announcer';
import { Button } from './parts/Button';
import { cn } from './parts/cn';
import { useFocusAfterCommit } from './parts/useFocusAfterCommit';

/** Props of {@link SessionExpiryNotice}: the options of `useSessionExpiry` (the clock comes from the provider). */
export interface SessionExpiryNoticeProps extends Omit<UseSessionExpiryOptions, 'clock'> {
  className?: string;
}

const DEFAULTS = { locale: enCommon.locale, expiry: enExpiry };

/**
 * A non-modal notice `warnBefore` ms (default 5 minutes) before the session's lifetime ends: the time left and
 * "Sign in again", which returns to this page. Announced once when it appears (the countdown itself is not read
 * out every second). Renders only its live region otherwise.
 */
export function SessionExpiryNotice({ className, ...options }: SessionExpiryNoticeProps) {
  const { messages, clock } = useKitStrings(DEFAULTS);
  const expiry = useSessionExpiry({ ...options, clock });
  const { announcement, afterCommit } = useFocusAfterCommit();
  const expiring = expiry.status === 'expiring';
  const body = messages.expiry.body(formatCountdown(expiry.secondsLeft, messages.locale));
  // biome-ignore lint/correctness/useExhaustiveDependencies: announced when the notice appears, not on every tick.
  useEffect(() => {
    if (expiring) afterCommit({ announce: `${messages.expiry.title}. ${body}` });
  }, [expiring, afterCommit]);
  return (
    <>
      <Announcer message={announcement} />
      {expiring ? (
        <section
          aria-label={messages.expiry.title}
          data-slot="session-expiry"
          data-state="expiring"
          className={cn('csk-notice', className)}
        >
          <span className="csk-error-text">
            <strong className="csk:block csk:font-semibold">{messages.expiry.title}</strong> {body}
          </span>
          <Button size="sm" variant="primary" onClick={expiry.signInAgain}>
            {messages.expiry.signInAgain}
          </Button>
        </section>
      ) : null}
    </>
  );
}
