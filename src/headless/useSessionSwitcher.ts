import { useCallback, useMemo, useRef, useState } from 'react';
import { browserSessionOrThrow, isSingleSessionInstance, useClerk, useClerkSelector } from '../clerk';
import { deepEqual } from '../core/equal';
import { currentFirst } from '../core/sort';
import { type AccountSummary, toAccountSummary } from './summaries';
import { type ActionState, useActionStates } from './useActionStates';

/** Actions the switcher runs on an account. */
export type SwitcherAction = 'switch' | 'sign-out';

/** Options of {@link useSessionSwitcher}. */
export interface UseSessionSwitcherOptions {
  /**
   * After signing out of the CURRENT account: `'switch'` (default) makes the most recently active remaining
   * account current; `'sign-in'` signs out and lets Clerk go to its after-sign-out URL.
   */
  afterCurrentSignOut?: 'switch' | 'sign-in';
  /** Replaces Clerk's `redirectToSignIn()` for "add account" (e.g. to open a modal of your own). */
  onAddAccount?: () => void;
  /**
   * Whether "add account" is offered. By default it follows the Clerk instance: not on a single-session instance
   * (Clerk's default, `authConfig.singleSessionMode`), where clerk-js refuses a second account; offered when
   * Clerk has not said (not loaded yet, or a Clerk that does not expose its environment). `true` or `false`
   * overrides that either way.
   */
  allowAddAccount?: boolean;
}

/** What {@link useSessionSwitcher} returns. */
export interface SessionSwitcher {
  isLoaded: boolean;
  /** Signed-in accounts of this browser (active or pending): current first, then most recently active. */
  accounts: AccountSummary[];
  current: AccountSummary | null;
  /**
   * Makes `id` the current session. Resolves `true` once Clerk confirmed; `false` when it failed or did not start
   * (an action already running on `id`, or another switch running: see {@link SessionSwitcher.switching}).
   */
  switchTo(id: string): Promise<boolean>;
  /**
   * Signs `id` out of this browser (see `afterCurrentSignOut`). Resolves `true` once Clerk confirmed. Signing out
   * of the CURRENT account changes the current session, so it counts as a switch: it does not start while another
   * switch runs (resolves `false`), and other switches do not start until it settles.
   */
  signOutOf(id: string): Promise<boolean>;
  /**
   * The account a switch (or a sign-out of the current account) is running for, else `null`. Switching is single
   * flight across the whole list: while this is set, other switches and a sign-out of the current account do not
   * start, so two quick clicks on two accounts cannot race to decide which one ends up current.
   */
  switching: string | null;
  /** Whether another account can be added (see `allowAddAccount`); when `false`, offer no "add account". */
  canAddAccount: boolean;
  /** Starts Clerk's sign-in for another account, keeping the ones signed in. Does nothing when `canAddAccount` is false. */
  addAccount(): void;
  /** Pending / error state of the last action on an account. */
  stateOf(id: string): ActionState<SwitcherAction>;
  /** Forgets an account's error. */
  dismiss(id: string): void;
}

/**
 * The accounts signed in in this browser, with switching, per-account sign out and "add account". Each action
 * is single flight per account, and switching (including signing out of the current account) is single flight
 * across all of them; nothing changes until Clerk confirms, and errors stay on the account until retried or
 * dismissed. The keyboard model of a list of accounts is the markup's business: `useGridNavigation` gives the
 * one the kit's `SessionSwitcher` uses.
 */
export function useSessionSwitcher(options: UseSessionSwitcherOptions = {}): SessionSwitcher {
  const { afterCurrentSignOut = 'switch', onAddAccount, allowAddAccount } = options;
  const clerk = useClerk();
  const singleSession = useClerkSelector(isSingleSessionInstance, Object.is);
  const canAddAccount = allowAddAccount ?? !singleSession;
  const { isLoaded, accounts: selected } = useClerkSelector((instance) => {
    if (!instance.loaded) return { isLoaded: false, accounts: [] as AccountSummary[] };
    const currentId = instance.session?.id ?? null;
    const list = (instance.client?.signedInSessions ?? []).map((session) => toAccountSummary(session, currentId));
    return { isLoaded: true, accounts: currentFirst(list, currentId) };
  }, deepEqual);
  // Any change makes the selector hand back a whole new list; keep the objects of accounts that did not change,
  // so memoised rows of those accounts keep their props and do not re-render.
  const known = useRef(new Map<string, AccountSummary>());
  const accounts = useMemo(() => {
    const next = new Map<string, AccountSummary>();
    const list = selected.map((account) => {
      const previous = known.current.get(account.id);
      const kept = previous && deepEqual(previous, account) ? previous : account;
      next.set(account.id, kept);
      return kept;
    });
    known.current = next;
    return list;
  }, [selected]);
  const actions = useActionStates<SwitcherAction>();
  const { run } = actions;

  // The switch that holds the lock: a ref for the check (two clicks in one frame see it), state for the UI.
  const switchLock = useRef<string | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);

  /** Runs an action that changes the current session, unless one already runs (then resolves `false`). */
  const exclusive = useCallback(
    async (id: string, kind: SwitcherAction, task: () => Promise<unknown>): Promise<boolean> => {
      if (switchLock.current !== null) return false;
      switchLock.current = id;
      setSwitching(id);
      try {
        return await run(id, kind, task);
      } finally {
        switchLock.current = null;
        setSwitching(null);
      }
    },
    [run],
  );

  const switchTo = useCallback(
    (id: string) => exclusive(id, 'switch', () => clerk.setActive({ session: id })),
    [clerk, exclusive],
  );

  const signOutOf = useCallback(
    (id: string) => {
      const isCurrent = clerk.session?.id === id;
      return (isCurrent ? exclusive : run)(id, 'sign-out', async () => {
        const next = (clerk.client?.sessions ?? [])
          .filter((session) => session.id !== id && session.status === 'active')
          .sort((a, b) => b.lastActiveAt.getTime() - a.lastActiveAt.getTime())[0];
        if (!isCurrent) {
          await browserSessionOrThrow(clerk, id).remove();
        } else if (afterCurrentSignOut === 'switch' && next) {
          // Switch first, then remove: the app never passes through "signed out" (which may redirect to sign-in),
          // and if the removal fails the account is still listed, truthfully, for a retry.
          const leaving = browserSessionOrThrow(clerk, id);
          await clerk.setActive({ session: next.id });
          await leaving.remove();
        } else {
          await clerk.signOut({ sessionId: id });
        }
      });
    },
    [clerk, run, exclusive, afterCurrentSignOut],
  );

  const addAccount = useCallback(() => {
    if (!canAddAccount) return;
    if (onAddAccount) onAddAccount();
    else void clerk.redirectToSignIn();
  }, [clerk, onAddAccount, canAddAccount]);

  return {
    isLoaded,
    accounts,
    current: accounts.find((account) => account.isCurrent) ?? null,
    switchTo,
    signOutOf,
    switching,
    canAddAccount,
    addAccount,
    stateOf: actions.get,
    dismiss: actions.reset,
  };
}
