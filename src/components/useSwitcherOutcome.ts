import { type RefObject, useCallback, useRef } from 'react';
import type { enCommon } from '../core/messages/en/common';
import type { enSignOutAll } from '../core/messages/en/signOutAll';
import type { enSwitcher } from '../core/messages/en/switcher';
import { type AccountSummary, displayName } from '../headless/summaries';
import type { GridPosition } from '../headless/useGridNavigation';
import type { SessionSwitcher } from '../headless/useSessionSwitcher';
import { useFocusAfterCommit } from './parts/useFocusAfterCommit';

/** What the switcher's outcomes read: the catalogue parts they speak. */
type Strings = Pick<typeof enCommon, 'unknownUser'> & { switcher: typeof enSwitcher; signOutAll: typeof enSignOutAll };

interface SwitcherOutcomeOptions {
  switcher: Pick<SessionSwitcher, 'accounts' | 'switchTo' | 'signOutOf'>;
  messages: Strings;
  variant: 'inline' | 'popover';
  focusCell: (position: GridPosition) => boolean;
  triggerRef: RefObject<HTMLButtonElement | null>;
  /** The "You are signed out." note, where focus goes when no account is left. */
  signedOutRef: RefObject<HTMLParagraphElement | null>;
  /** Closes the popover. */
  close: () => void;
}

/**
 * The switcher's actions with what follows once Clerk confirmed them: announced, and focus placed, after the list
 * shows the outcome (through `useFocusAfterCommit`). A switch, a sign-out of the current account or of all
 * accounts closes the popover and puts focus on the trigger (popover) or the first account (inline), or the
 * signed-out note when none is left; a sign-out of another account puts lost focus on the row that took its place.
 * Stable callbacks, so the memoised rows do not re-render.
 */
export function useSwitcherOutcome(options: SwitcherOutcomeOptions) {
  const { scopeRef, announcement, afterCommit } = useFocusAfterCommit<HTMLDivElement>();
  const { switchTo, signOutOf } = options.switcher;
  const { focusCell, triggerRef, signedOutRef } = options;
  // The latest options, read once the outcome shows (and by callbacks that must stay stable for the memoised rows).
  const latest = useRef(options);
  latest.current = options;

  const switchedTo = useCallback(() => {
    const { switcher, messages: text } = latest.current;
    const accounts = switcher.accounts;
    const now = accounts.find((account) => account.isCurrent);
    return now ? text.switcher.switched(displayName(now, text.unknownUser)) : '';
  }, []);

  /** The current account changed, or none is left: close the popover, focus its trigger or the list's top. */
  const currentChanged = useCallback(
    (announce: () => string) =>
      afterCommit({
        announce,
        evenFromInside: true,
        focus: () =>
          latest.current.variant === 'popover' && triggerRef.current
            ? triggerRef.current
            : focusCell({ row: 0, col: 0 })
              ? null
              : signedOutRef.current,
        afterFocus: () => latest.current.close(),
      }),
    [afterCommit, focusCell, triggerRef, signedOutRef],
  );

  const onSwitch = useCallback(
    (account: AccountSummary) => {
      void switchTo(account.id).then((ok) => {
        if (ok) currentChanged(switchedTo);
      });
    },
    [switchTo, currentChanged, switchedTo],
  );

  const onSignOut = useCallback(
    (account: AccountSummary, index: number) => {
      const signedOutOf = latest.current.messages.switcher.signedOutOf(
        displayName(account, latest.current.messages.unknownUser),
      );
      void signOutOf(account.id).then((ok) => {
        if (!ok) return;
        if (account.isCurrent) {
          currentChanged(() => [signedOutOf, switchedTo()].filter(Boolean).join(' '));
          return;
        }
        // The button that had focus went with its row: lost focus goes to the row that took its place.
        afterCommit({
          announce: signedOutOf,
          focus: () => {
            const left = latest.current.switcher.accounts.length;
            return left > 0 && focusCell({ row: Math.min(index, left - 1), col: 1 }) ? null : signedOutRef.current;
          },
        });
      });
    },
    [signOutOf, currentChanged, switchedTo, afterCommit, focusCell, signedOutRef],
  );

  const onSignOutAll = useCallback(
    (count: number) => currentChanged(() => latest.current.messages.signOutAll.done(count)),
    [currentChanged],
  );

  return { scopeRef, announcement, onSwitch, onSignOut, onSignOutAll };
}
