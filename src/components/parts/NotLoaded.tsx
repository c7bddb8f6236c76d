import type { ReactNode } from 'react';
import { useClerkStatus } from '../../clerk';
import { enCommon } from '../../core/messages/en/common';
import { useKitStrings } from '../kitContext';
import { Button } from './Button';
import { cn } from './cn';

/** Props of {@link NotLoaded}. */
export interface NotLoadedProps {
  /** The component's skeleton, shown while Clerk loads. */
  children: ReactNode;
  /** Classes for the "Clerk failed" notice. */
  className?: string;
}

/**
 * What every component shows before Clerk has loaded, from Clerk's own `status`: its skeleton (with "Loading
 * session…" for screen readers) while `'loading'`, or {@link ClerkFailed} when Clerk failed. A `'degraded'` Clerk
 * counts as loaded: the component works as usual.
 */
export function NotLoaded({ children, className }: NotLoadedProps) {
  const { messages } = useKitStrings(enCommon);
  if (useClerkStatus() === 'error') return <ClerkFailed className={className} />;
  return (
    <div data-slot="loading" data-state="loading" aria-busy="true">
      <p className="csk:sr-only">{messages.loading}</p>
      {children}
    </div>
  );
}

/**
 * When Clerk failed (`status` `'error'`: clerk-js was blocked or failed to start, and it never will on this page),
 * an alert that says so, with a button that reloads the page: the one retry that reaches clerk-js again, as
 * clerk-js offers none once its `load()` failed. Nothing otherwise; for components (buttons) that have no skeleton.
 */
export function ClerkFailed({ className }: { className?: string }) {
  const { messages } = useKitStrings(enCommon);
  if (useClerkStatus() !== 'error') return null;
  return (
    <div role="alert" data-slot="clerk-failed" data-state="error" className={cn('csk-error', className)}>
      <span className="csk-error-text">
        <strong className="csk:font-semibold">{messages.clerkFailed.title}</strong> {messages.clerkFailed.body}
      </span>
      <Button
        size="sm"
        variant="secondary"
        onClick={(event) => event.currentTarget.ownerDocument.defaultView?.location.reload()}
      >
        {messages.clerkFailed.reload}
      </Button>
    </div>
  );
}
