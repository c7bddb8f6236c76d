'use client';
import { enCommon } from '../core/messages/en/common';
import { enSignOutAll } from '../core/messages/en/signOutAll';
import { enSwitcher } from '../core/messages/en/switcher';
import { useSignOutThisBrowser } from '../headless/useSignOutAll';
import { useKitStrings } from './kitContext';
import { AlertDialog } from './parts/AlertDialog';
import { Button } from './parts/Button';
import { cn } from './parts/cn';
import { errorText } from './parts/ErrorNotice';

/** The English this component renders when no `SessionKitProvider` gives a catalogue. */
const strings = { ...enCommon, switcher: enSwitcher, signOutAll: enSignOutAll };

/** Props of {@link SignOutAllAction}. */
export interface SignOutAllActionProps {
  className?: string | undefined;
  /** Clerk signed every account out (`count` sessions); the switcher announces it and moves focus. */
  onDone: (count: number) => void;
}

/**
 * "Sign out of all accounts" at the foot of `SessionSwitcher` (`data-slot="sign-out-all"`): Clerk's `signOut()`
 * after a confirmation stating the count. A failure stays in the dialog (its confirm button retries), where there
 * is room for it, rather than in a notice in the switcher's footer.
 */
export function SignOutAllAction({ className, onDone }: SignOutAllActionProps) {
  const { messages } = useKitStrings(strings);
  const all = useSignOutThisBrowser('dialog');
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        data-slot="sign-out-all"
        {...all.getTriggerProps()}
        className={cn('csk:justify-start csk:text-danger', className)}
      >
        {messages.switcher.signOutAll}
      </Button>
      <AlertDialog
        {...all.getDialogProps()}
        title={messages.signOutAll.title['this-browser'](all.accountCount)}
        description={messages.signOutAll.body['this-browser']}
        confirmLabel={messages.signOutAll.confirm}
        cancelLabel={messages.cancel}
        error={all.isErrorShown && all.error ? errorText(all.error, messages) : undefined}
        onConfirm={() => {
          void all.confirm().then((result) => {
            if (result.failed.length === 0 && result.succeeded.length > 0) onDone(result.succeeded.length);
          });
        }}
      />
    </>
  );
}
