'use client';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { enCommon } from '../core/messages/en/common';
import { enRevoke } from '../core/messages/en/revoke';
import { enSignOutAll } from '../core/messages/en/signOutAll';
import { enSwitcher } from '../core/messages/en/switcher';
import { openState } from '../core/openState';
import { displayName } from '../headless/summaries';
import { useGridNavigation } from '../headless/useGridNavigation';
import { type UseSessionSwitcherOptions, useSessionSwitcher } from '../headless/useSessionSwitcher';
import { useKitStrings } from './kitContext';
import { Announcer } from './parts/Announcer';
import { Avatar } from './parts/Avatar';
import { Button } from './parts/Button';
import { cn } from './parts/cn';
import { Popover } from './parts/Popover';
import { SessionSwitcherRow, type SessionSwitcherRowClassNames } from './SessionSwitcherRow';
import { SessionSwitcherSkeleton } from './SessionSwitcherSkeleton';
import { SignOutAllAction } from './SignOutAllAction';
import { useSwitcherOutcome } from './useSwitcherOutcome';

/** The English this component renders when no `SessionKitProvider` gives a catalogue. */
const strings = { ...enCommon, switcher: enSwitcher, revoke: enRevoke, signOutAll: enSignOutAll };

/**
 * Slots of {@link SessionSwitcher} for `classNames`; each element carries the matching `data-slot`:
 * `root`, `trigger` → `trigger-frame` (popover only: the frame around the avatar and the `trigger` button), `panel`
 * (popover only), `list` (the grid), `row`, `account` (the switch button, or the current account's cell),
 * `signOut` → `data-slot="sign-out"`, `addAccount` → `add-account`,
 * `signOutAll` → `sign-out-all`, `error` (a row's error notice), `signedOut` → `signed-out`.
 */
export interface SessionSwitcherClassNames {
  root?: string;
  trigger?: string;
  panel?: string;
  list?: string;
  row?: string;
  account?: string;
  signOut?: string;
  addAccount?: string;
  signOutAll?: string;
  error?: string;
  signedOut?: string;
}

/** Props of {@link SessionSwitcher}. */
export interface SessionSwitcherProps extends UseSessionSwitcherOptions {
  /** `'popover'` (default): a trigger showing the current account opens the list. `'inline'`: the list itself. */
  variant?: 'inline' | 'popover';
  /** Shows "Sign out of all accounts" (Clerk's `signOut()`: every account in this browser, after a confirmation). */
  showSignOutAll?: boolean;
  className?: string;
  classNames?: SessionSwitcherClassNames;
}

/**
 * The accounts signed in in this browser: switch to one, sign out of one, add another, and optionally sign out
 * of all of them. Works inside any `<ClerkProvider>` with no props:
 *
 * ```tsx
 * <SessionSwitcher />                       // a trigger with the current account, opening the list
 * <SessionSwitcher variant="inline" showSignOutAll onAddAccount={() => openSignIn()} />
 * ```
 *
 * **Keyboard: WAI-ARIA APG layout grid.** The list is `role="grid"`: one row per account, two cells (the account,
 * its "Sign out" button). The grid is ONE Tab stop (roving `tabIndex`), so Tab moves past 30 accounts in one
 * press; ↑/↓ move between accounts, ←/→ between the account and its sign-out (mirrored right to left),
 * Home/End go to the first/last cell of the row, Ctrl+Home/Ctrl+End to the first/last account; Enter or Space
 * switches (or signs out). A listbox would fit a pure picker, but each row holds two actions, which a listbox
 * option cannot contain; a grid keeps both reachable without a Tab stop per row.
 *
 * **Popover:** the trigger (`aria-haspopup="dialog"`, `aria-expanded`, `aria-controls`) opens a non-modal panel
 * (native `popover="manual"`, so it sits in the top layer and is never clipped); focus moves into the grid,
 * Escape closes it and returns focus to the trigger, a click outside closes it.
 *
 * **Switching:** nothing changes until Clerk confirms; the row shows pending (`aria-busy`, `data-state`) and the
 * other accounts' switches wait (`aria-disabled`: one switch at a time), a failure stays on the row with Retry.
 * `<ClerkProvider>` does not remount its children when the session changes, so this same instance, once Clerk
 * confirmed, announces "Switched to …" in a polite live region and puts focus on the trigger (popover, which
 * closes) or the first account (inline).
 */
export function SessionSwitcher({
  variant = 'popover',
  afterCurrentSignOut,
  onAddAccount,
  allowAddAccount,
  showSignOutAll = false,
  className,
  classNames = {},
}: SessionSwitcherProps) {
  const { messages } = useKitStrings(strings);
  const switcher = useSessionSwitcher({
    ...(afterCurrentSignOut ? { afterCurrentSignOut } : {}),
    ...(onAddAccount ? { onAddAccount } : {}),
    ...(allowAddAccount !== undefined ? { allowAddAccount } : {}),
  });
  const { isLoaded, accounts, current, switching, dismiss, stateOf } = switcher;
  const grid = useGridNavigation(accounts.length, 2);
  const { onCellFocus, focusCell } = grid;
  const triggerRef = useRef<HTMLButtonElement>(null);
  const frameRef = useRef<HTMLSpanElement>(null);
  const signedOutRef = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const panelId = useId();
  const { scopeRef, announcement, onSwitch, onSignOut, onSignOutAll } = useSwitcherOutcome({
    switcher,
    messages,
    variant,
    focusCell,
    triggerRef,
    signedOutRef,
    close,
  });

  const rowClassNames = useMemo<SessionSwitcherRowClassNames>(
    () => ({ row: classNames.row, account: classNames.account, signOut: classNames.signOut, error: classNames.error }),
    [classNames.row, classNames.account, classNames.signOut, classNames.error],
  );

  const rootProps = {
    ref: scopeRef,
    'data-slot': 'root',
    'data-variant': variant,
    className: cn('csk:font-kit csk:text-foreground', className, classNames.root),
  };

  if (!isLoaded) {
    return (
      <div {...rootProps}>
        <SessionSwitcherSkeleton variant={variant} />
        <Announcer message={announcement} />
      </div>
    );
  }

  if (accounts.length === 0) {
    return (
      <div {...rootProps}>
        {/* Focusable by script only: after "sign out of all" focus lands here instead of on <body>. */}
        <p
          ref={signedOutRef}
          tabIndex={-1}
          data-slot="signed-out"
          className={cn('csk-sw-signed-out', classNames.signedOut)}
        >
          {messages.signedOut}
        </p>
        <Announcer message={announcement} />
      </div>
    );
  }

  const body = (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: an APG layout grid of flex rows, not a data table. */}
      <div
        {...grid.getGridProps()}
        // Repeated from getGridProps() so the linter sees the role that `aria-label` belongs to.
        role="grid"
        aria-label={messages.switcher.label}
        data-slot="list"
        className={cn('csk:flex csk:flex-col csk:gap-0.5', classNames.list)}
      >
        {accounts.map((account, index) => (
          <SessionSwitcherRow
            key={account.id}
            account={account}
            index={index}
            state={stateOf(account.id)}
            tabStopCol={grid.tabStop.row === index ? grid.tabStop.col : null}
            switchLocked={switching !== null && switching !== account.id}
            onCellFocus={onCellFocus}
            onSwitch={onSwitch}
            onSignOut={onSignOut}
            onDismiss={dismiss}
            classNames={rowClassNames}
          />
        ))}
      </div>
      <div className="csk-sw-footer">
        {switcher.canAddAccount ? (
          <Button
            variant="ghost"
            size="sm"
            data-slot="add-account"
            onClick={switcher.addAccount}
            className={cn('csk:justify-start', classNames.addAccount)}
          >
            <span aria-hidden="true">+</span>
            {messages.switcher.addAccount}
          </Button>
        ) : null}
        {showSignOutAll ? <SignOutAllAction className={classNames.signOutAll} onDone={onSignOutAll} /> : null}
      </div>
    </>
  );

  if (variant === 'inline') {
    return (
      <div {...rootProps}>
        {body}
        <Announcer message={announcement} />
      </div>
    );
  }

  const name = current ? displayName(current, messages.unknownUser) : messages.switcher.label;
  return (
    <div {...rootProps} data-state={openState(open)}>
      {/* The avatar sits beside the button, not in it: its initials are visible text, and visible text inside a
          button must be part of its accessible name (WCAG 2.5.3). The button's ::after covers the whole frame. */}
      <span
        ref={frameRef}
        data-slot="trigger-frame"
        data-state={openState(open)}
        className={cn('csk-sw-frame', classNames.trigger)}
      >
        {current ? <Avatar src={current.imageUrl} initials={current.initials} size="sm" /> : null}
        <button
          ref={triggerRef}
          type="button"
          data-slot="trigger"
          data-state={openState(open)}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={messages.switcher.trigger(name)}
          title={name}
          onClick={() => setOpen((value) => !value)}
          className="csk-sw-trigger"
        >
          {name}
        </button>
        {/* An icon, not a text glyph, for the same reason. */}
        <svg aria-hidden="true" viewBox="0 0 16 16" className="csk:size-4 csk:shrink-0 csk:text-muted-foreground">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </span>
      <Popover
        id={panelId}
        open={open}
        onClose={(returnFocus) => {
          setOpen(false);
          if (returnFocus) triggerRef.current?.focus();
        }}
        anchorRef={frameRef}
        // The grid's tab stop: the current account unless the user moved it.
        initialFocus={(popover) => popover.querySelector<HTMLElement>('[data-grid-row][tabindex="0"]')}
        label={messages.switcher.label}
        className={cn('csk-sw-panel', classNames.panel)}
      >
        {body}
      </Popover>
      <Announcer message={announcement} />
    </div>
  );
}
