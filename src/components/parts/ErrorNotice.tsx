import type { Ref } from 'react';
import type { ActionError } from '../../core/action';
import { enCommon } from '../../core/messages/en/common';
import type { Messages } from '../../core/messages/types';
import { REVERIFICATION_REQUIRED_CODE } from '../../core/reverification';
import { useKitStrings } from '../kitContext';
import { Button } from './Button';
import { cn } from './cn';

/** The sentence for an error: Clerk's own message when it sent one, else the catalogue's. */
export function errorText(error: ActionError, messages: Pick<Messages, 'errors'>): string {
  if (error.code === 'network_error') return messages.errors.network;
  if (error.status === 429) return messages.errors.rateLimited;
  if (error.status === 404) return messages.errors.notFound;
  if (error.code === REVERIFICATION_REQUIRED_CODE) return messages.errors.reverification;
  return error.message ?? messages.errors.generic;
}

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  /** What failed ("Could not sign out Grace Hopper."). */
  title: string;
  error: ActionError;
  /** Offered as "Try again" only when the error is `retryable` (network, 429, 5xx): a 4xx would only fail again. */
  onRetry?: () => void;
  onDismiss?: () => void;
  /** The notice's first button: "Try again" when shown, else "Dismiss" (for an owner that moves focus to it). */
  actionRef?: Ref<HTMLButtonElement>;
  className?: string;
}

/** An error announced at once (`role="alert"`), with a retry when trying again can help, and dismiss. */
export function ErrorNotice({ title, error, onRetry, onDismiss, actionRef, className }: ErrorNoticeProps) {
  const { messages } = useKitStrings(enCommon);
  const retry = error.retryable ? onRetry : undefined;
  return (
    <div role="alert" data-slot="error" className={cn('csk-error', className)}>
      {/* At least 12rem of text: on a narrow screen the buttons wrap under it instead of squeezing it. */}
      <span className="csk-error-text">
        <strong className="csk:font-semibold">{title}</strong> {errorText(error, messages)}
      </span>
      {retry ? (
        <Button ref={actionRef} size="sm" variant="secondary" onClick={retry}>
          {messages.retry}
        </Button>
      ) : null}
      {onDismiss ? (
        <Button ref={retry ? undefined : actionRef} size="sm" variant="ghost" onClick={onDismiss}>
          {messages.dismiss}
        </Button>
      ) : null}
    </div>
  );
}
