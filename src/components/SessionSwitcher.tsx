'use client';
import {
  type FocusEvent as ReactFocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { enCommon } from '../core/messages/en/common';
import { enRevoke } from '../core/messages/en/revoke';
import { enSignOutAll } from '../core/messages/en/signOutAll';
import { enSwitcher } from '../core/messages/en/switcher';
import type { AccountSummary } from '../headless/summaries';
import { type UseSessionSwitcherOptions, useSessionSwitcher } from '../headless/useSessionSwitcher';
import { useSignOutThisBrowser } from '../headless/useSignOutAll';
import { useKitStrings } from './kitContext';
import { AlertDialog } from './parts/AlertDialog';
import { Announcer } from './parts/Announcer';
import { Avatar } from './parts/Avatar';
import { Button } from './parts/Button';
import { cn } from './parts/cn';
import { errorText } from './parts/ErrorNotice';
import { Skeleton } from './parts/Skeleton';
import { displayName, SessionSwitcherRow, type SessionSwitcherRowClassNames } from './SessionSwitcherRow';

/** The English this component renders when no `SessionKitProvider` gives a catalogue. */
const strings = { ...enCommon, switcher: enSwitcher, revoke: enRevoke, signOutAll: enSignOutAll };

/**
 * Slots of {@link SessionSwitcher} for `classNames`; each element carries the matching `data-slot`:
 * `root`, `trigger` (popover only), `panel` (popover only), `list` (the grid), `row`, `account` (the switch button,
 * or the current account's cell), `signOut` → `data-slot="sign-out"`, `addAccount` → `add-account`,
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
 * What to announce, and where to put focus, once Clerk has switched. A successful switch changes the session id
 * that `<ClerkProvider>` keys its children by, so this component is unmounted and mounted afresh: its state is
 * gone, and only a module-level note survives. The note names the switcher by its position among the switchers
 * in the page (ids from `useId` are not stable across a client-side remount).
 */
interface Note {
  kind: 'switch' | 'sign-out-current' | 'sign-out-all';
  /** Position of the switcher that acted among `[data-csk-switcher]` elements. */
  owner: number;
  /** Session that must be current before the note is read (`switch`), or that must be gone (`sign-out-current`). */
  sessionId: string | null;
  /** Whether Clerk is expected to make another account current (signing out of the current one). */
  expectCurrent: boolean;
  /** Name of the account switched to, or signed out of; the number signed out for `sign-out-all`. */
  name: string;
  count: number;
  at: number;
}

let note: Note | null = null;
/** A note older than this belongs to an action whose remount never came; it is dropped. */
const NOTE_TTL_MS = 15_000;
const fresh = (entry: Note) => performance.now() - entry.at < NOTE_TTL_MS;

function positionOf(root: HTMLElement | null): number {
  if (!root) return -1;
  return Array.from(document.querySelectorAll('[data-csk-switcher]')).indexOf(root);
}

/** Leaves a note unless the same action already left one (a second click while the first is in flight). */
function leaveNote(entry: Omit<Note, 'at'>): Note | null {
  if (note && fresh(note) && note.kind === entry.kind && note.sessionId === entry.sessionId) return null;
  note = { ...entry, at: performance.now() };
  return note;
}

function dropNote(entry: Note | null) {
  if (entry && note === entry) note = null;
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
 * **Switching:** nothing changes until Clerk confirms; the row shows pending (`aria-busy`, `data-state`), a
 * failure stays on the row with Retry. Clerk remounts its children on a switch, so the new instance announces
 * "Switched to …" in a polite live region and puts focus on the trigger (popover) or the first account (inline).
 */
export function SessionSwitcher({
  variant = 'popover',
  afterCurrentSignOut,
  onAddAccount,
  showSignOutAll = false,
  className,
  classNames = {},
}: SessionSwitcherProps) {
  const { messages } = useKitStrings(strings);
  const switcher = useSessionSwitcher({
    ...(afterCurrentSignOut ? { afterCurrentSignOut } : {}),
    ...(onAddAccount ? { onAddAccount } : {}),
  });
  const { isLoaded, accounts, current, switchTo, signOutOf, switching, dismiss, grid, stateOf } = switcher;
  const { onCellFocus, focusCell } = grid;
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const frameRef = useRef<HTMLSpanElement>(null);
  const signedOutRef = useRef<HTMLParagraphElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const [open, setOpen] = useState(false);
  const panelId = useId();

  // The latest values, read by callbacks that must stay stable for the memoised rows.
  const latest = useRef({ accounts, messages, afterCurrentSignOut, variant });
  latest.current = { accounts, messages, afterCurrentSignOut, variant };

  const announce = useCallback((text: string) => {
    // Clear first so the same sentence twice is announced twice.
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(text), 50);
  }, []);

  const focusFirstCell = useCallback(() => {
    if (latest.current.variant === 'popover') triggerRef.current?.focus();
    else if (!focusCell({ row: 0, col: 0 })) signedOutRef.current?.focus();
  }, [focusCell]);

  // Read the note left before Clerk remounted us (or, with a provider that does not remount, once the change is in).
  const currentId = current?.id ?? null;
  useEffect(() => {
    const entry = note;
    if (!isLoaded || !entry) return;
    if (!fresh(entry)) {
      note = null;
      return;
    }
    if (entry.owner !== positionOf(rootRef.current)) return;
    const ready =
      entry.kind === 'switch'
        ? currentId === entry.sessionId
        : entry.kind === 'sign-out-all'
          ? accounts.length === 0
          : !accounts.some((account) => account.id === entry.sessionId) && (!entry.expectCurrent || currentId !== null);
    if (!ready) return;
    note = null;
    const { messages: text, accounts: list } = latest.current;
    const now = list.find((account) => account.isCurrent);
    const switched = now ? text.switcher.switched(displayName(now, text.unknownUser)) : '';
    if (entry.kind === 'switch') announce(switched);
    else if (entry.kind === 'sign-out-all') announce(text.signOutAll.done(entry.count));
    else announce([text.switcher.signedOutOf(entry.name), switched].filter(Boolean).join(' '));
    setOpen(false);
    if (latest.current.variant === 'popover' && !triggerRef.current) signedOutRef.current?.focus();
    else focusFirstCell();
  }, [isLoaded, currentId, accounts, announce, focusFirstCell]);

  const handleSwitch = useCallback(
    (account: AccountSummary) => {
      const { messages: text } = latest.current;
      const mine = leaveNote({
        kind: 'switch',
        owner: positionOf(rootRef.current),
        sessionId: account.id,
        expectCurrent: true,
        name: displayName(account, text.unknownUser),
        count: 0,
      });
      void switchTo(account.id).then((ok) => {
        if (!ok) dropNote(mine);
      });
    },
    [switchTo],
  );

  const handleSignOut = useCallback(
    (account: AccountSummary, index: number) => {
      const { messages: text, accounts: list, afterCurrentSignOut: after } = latest.current;
      const name = displayName(account, text.unknownUser);
      if (account.isCurrent) {
        // Clerk remounts us (the current session changes): leave the announcement for the next instance.
        const mine = leaveNote({
          kind: 'sign-out-current',
          owner: positionOf(rootRef.current),
          sessionId: account.id,
          expectCurrent: after !== 'sign-in' && list.some((other) => !other.isCurrent && other.status === 'active'),
          name,
          count: 0,
        });
        void signOutOf(account.id).then((ok) => {
          if (!ok) dropNote(mine);
        });
        return;
      }
      void signOutOf(account.id).then((ok) => {
        if (!ok) return;
        announce(text.switcher.signedOutOf(name));
        // The button that had focus went with its row: put focus on the row that took its place.
        requestAnimationFrame(() => {
          const active = document.activeElement;
          if (active && active !== document.body && active.isConnected) return;
          const rows = rootRef.current?.querySelectorAll('[data-slot="row"]').length ?? 0;
          if (rows > 0) focusCell({ row: Math.min(index, rows - 1), col: 1 });
        });
      });
    },
    [signOutOf, announce, focusCell],
  );

  const rowClassNames = useMemo<SessionSwitcherRowClassNames>(
    () => ({ row: classNames.row, account: classNames.account, signOut: classNames.signOut, error: classNames.error }),
    [classNames.row, classNames.account, classNames.signOut, classNames.error],
  );

  const rootProps = {
    ref: rootRef,
    'data-slot': 'root',
    'data-csk-switcher': '',
    'data-variant': variant,
    className: cn('csk:font-kit csk:text-foreground', className, classNames.root),
  };

  if (!isLoaded) {
    return (
      <div {...rootProps} aria-busy="true">
        <p className="csk:sr-only">{messages.loading}</p>
        {variant === 'popover' ? (
          <div className="csk:flex csk:items-center csk:gap-2 csk:p-1">
            <Skeleton className="csk:size-8 csk:rounded-full" />
            <Skeleton className="csk:h-4 csk:w-28" />
          </div>
        ) : (
          <div className="csk:flex csk:flex-col csk:gap-3 csk:p-2">
            {[0, 1, 2].map((row) => (
              <div key={row} className="csk:flex csk:items-center csk:gap-3">
                <Skeleton className="csk:size-8 csk:rounded-full" />
                <span className="csk:flex csk:flex-1 csk:flex-col csk:gap-1.5">
                  <Skeleton className="csk:h-3.5 csk:w-2/5" />
                  <Skeleton className="csk:h-3 csk:w-3/5" />
                </span>
                <Skeleton className="csk:h-8 csk:w-16" />
              </div>
            ))}
          </div>
        )}
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
            onSwitch={handleSwitch}
            onSignOut={handleSignOut}
            onDismiss={dismiss}
            classNames={rowClassNames}
          />
        ))}
      </div>
      <div className="csk-sw-footer">
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
        {showSignOutAll ? <SignOutAllAction className={classNames.signOutAll} /> : null}
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
    <div {...rootProps} data-state={open ? 'open' : 'closed'}>
      {/* The avatar sits beside the button, not in it: its initials are visible text, and visible text inside a
          button must be part of its accessible name (WCAG 2.5.3). The button's ::after covers the whole frame. */}
      <span ref={frameRef} data-state={open ? 'open' : 'closed'} className={cn('csk-sw-frame', classNames.trigger)}>
        {current ? <Avatar src={current.imageUrl} initials={current.initials} size="sm" /> : null}
        <button
          ref={triggerRef}
          type="button"
          data-slot="trigger"
          data-state={open ? 'open' : 'closed'}
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
      <Panel
        id={panelId}
        open={open}
        onClose={(returnFocus) => {
          setOpen(false);
          if (returnFocus) triggerRef.current?.focus();
        }}
        anchorRef={frameRef}
        label={messages.switcher.label}
        className={classNames.panel}
      >
        {body}
      </Panel>
      <Announcer message={announcement} />
    </div>
  );
}

interface PanelProps {
  id: string;
  open: boolean;
  /** `returnFocus`: put focus back on the trigger (Escape), not after a click elsewhere. */
  onClose: (returnFocus: boolean) => void;
  /** The trigger's visible frame, which the panel is placed under. */
  anchorRef: RefObject<HTMLElement | null>;
  label: string;
  className?: string | undefined;
  children: ReactNode;
}

/**
 * The popover panel: a non-modal `role="dialog"` on `popover="manual"`. Manual, not auto: light dismiss is done
 * here so it also answers synthetic events (tests) and so opening the sign-out-all `<dialog>` from inside it does
 * not close it (a modal dialog closes every auto popover).
 */
function Panel({ id, open, onClose, anchorRef, label, className, children }: PanelProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  const place = useCallback(() => {
    const panel = panelRef.current;
    const trigger = anchorRef.current;
    if (!panel || !trigger) return;
    const box = trigger.getBoundingClientRect();
    const rtl = getComputedStyle(trigger).direction === 'rtl';
    const width = panel.offsetWidth;
    const viewport = document.documentElement.clientWidth;
    // Align the panel's inline-start edge with the trigger's, kept inside the viewport.
    const left = Math.max(8, Math.min(rtl ? box.right - width : box.left, viewport - width - 8));
    panel.style.top = `${Math.round(box.bottom + 4)}px`;
    panel.style.left = `${Math.round(left)}px`;
    panel.style.maxHeight = `${Math.max(160, Math.round(window.innerHeight - box.bottom - 12))}px`;
  }, [anchorRef]);

  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const shown = panel.matches(':popover-open');
    if (open && !shown) {
      panel.showPopover();
      place();
      // Focus the grid's tab stop (the current account unless the user moved it).
      panel.querySelector<HTMLElement>('[data-grid-row][tabindex="0"]')?.focus();
    } else if (!open && shown) {
      panel.hidePopover();
    }
  }, [open, place]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!target || panelRef.current?.contains(target) || anchorRef.current?.contains(target)) return;
      onCloseRef.current(false);
    };
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [open, place, anchorRef]);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    // Escape inside the confirmation <dialog> belongs to that dialog.
    if (event.key !== 'Escape' || (event.target as Element).closest('dialog')) return;
    event.preventDefault();
    onClose(true);
  };

  const onBlur = (event: ReactFocusEvent<HTMLDivElement>) => {
    // Tab past the last control leaves a non-modal panel behind the page: close it. (A click on something that
    // takes no focus has no relatedTarget; the pointerdown listener handles clicks.)
    const next = event.relatedTarget as Node | null;
    if (next && !panelRef.current?.contains(next) && !anchorRef.current?.contains(next)) onClose(false);
  };

  return (
    // biome-ignore lint/a11y/noNoninteractiveElementInteractions: Escape closes the dialog from anywhere inside it.
    <div
      ref={panelRef}
      id={id}
      popover="manual"
      role="dialog"
      aria-label={label}
      data-slot="panel"
      data-state={open ? 'open' : 'closed'}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      // The UA centres popovers in the viewport; `csk-sw-panel` places this one under its trigger instead.
      className={cn('csk-sw-panel', className)}
    >
      {children}
    </div>
  );
}

/** "Sign out of all accounts": Clerk's `signOut()` after a confirmation stating the count. */
function SignOutAllAction({ className }: { className?: string | undefined }) {
  const { messages } = useKitStrings(strings);
  const all = useSignOutThisBrowser();
  const rootRef = useRef<HTMLSpanElement>(null);
  // Unlike SignOutAllButton, which closes the dialog on a failure and reports it in a notice, this dialog stays
  // open with the error (its confirm button is the retry). The dialog is thus the failure's only report, so
  // leaving it dismisses the failure: `reset()`, the hook's "Dismiss", not `cancel()`, which keeps a failure
  // reported (status 'error') and so would keep this dialog open.
  const open = all.status === 'confirming' || all.status === 'pending' || all.status === 'error';
  return (
    <span ref={rootRef} className="csk:contents">
      <Button
        variant="ghost"
        size="sm"
        data-slot="sign-out-all"
        onClick={all.requestConfirm}
        className={cn('csk:justify-start csk:text-danger', className)}
      >
        {messages.switcher.signOutAll}
      </Button>
      <AlertDialog
        open={open}
        title={messages.signOutAll.title['this-browser'](all.accountCount)}
        description={messages.signOutAll.body['this-browser']}
        confirmLabel={messages.signOutAll.confirm}
        cancelLabel={messages.cancel}
        pending={all.status === 'pending'}
        error={all.status === 'error' && all.error ? errorText(all.error, messages) : undefined}
        onConfirm={() => {
          const switcherRoot = rootRef.current?.closest<HTMLElement>('[data-csk-switcher]') ?? null;
          const mine = leaveNote({
            kind: 'sign-out-all',
            owner: positionOf(switcherRoot),
            sessionId: null,
            expectCurrent: false,
            name: '',
            count: all.accountCount,
          });
          void all.confirm().then((result) => {
            if (result.failed.length > 0 || result.succeeded.length === 0) dropNote(mine);
          });
        }}
        onCancel={all.status === 'error' ? all.reset : all.cancel}
      />
    </span>
  );
}
