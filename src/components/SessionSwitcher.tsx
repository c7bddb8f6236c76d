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
import { Announcer, useAnnouncer } from './parts/Announcer';
import { Avatar } from './parts/Avatar';
import { Button } from './parts/Button';
import { cn } from './parts/cn';
import { errorText } from './parts/ErrorNotice';
import { focusLost } from './parts/focusLost';
import { NotLoaded } from './parts/NotLoaded';
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

/** What just succeeded, once Clerk confirmed it: announced, and focus placed, after the list shows it. */
type Outcome =
  | { kind: 'switch' }
  | { kind: 'sign-out'; name: string; wasCurrent: boolean; index: number }
  | { kind: 'sign-out-all'; count: number };

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
  const { isLoaded, accounts, current, switchTo, signOutOf, switching, dismiss, grid, stateOf } = switcher;
  const { onCellFocus, focusCell } = grid;
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const frameRef = useRef<HTMLSpanElement>(null);
  const signedOutRef = useRef<HTMLParagraphElement>(null);
  const { announcement, announce } = useAnnouncer();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  // What Clerk confirmed last, handled by the effect below once the list shows it (see `settle`); a new object
  // per action, so the same action twice is handled twice.
  const [settled, setSettled] = useState<{ outcome: Outcome } | null>(null);

  // The latest values, read by callbacks that must stay stable for the memoised rows.
  const latest = useRef({ accounts, messages, variant });
  latest.current = { accounts, messages, variant };

  /**
   * Called once Clerk confirmed an action (its promise resolved `true`): the switcher re-renders, which reads
   * Clerk's new state, and the effect then announces and moves focus on the list as it is now (a switched current
   * account, a row gone). After an unmount React drops the update, so nothing moves focus from a gone switcher.
   */
  const settle = useCallback((outcome: Outcome) => setSettled({ outcome }), []);

  useEffect(() => {
    if (!settled) return;
    const result = settled.outcome;
    const { messages: text, accounts: list, variant: shape } = latest.current;
    const now = list.find((account) => account.isCurrent);
    const switched = now ? text.switcher.switched(displayName(now, text.unknownUser)) : '';
    const root = rootRef.current;
    const lost = focusLost();
    // Focus is ours to move only if it is in the switcher or was lost with a removed row (not if the user has
    // gone on to something else on the page while Clerk answered).
    const active = document.activeElement;
    const focusIsOurs = lost || !!(active && root?.contains(active));

    if (result.kind === 'sign-out' && !result.wasCurrent) {
      announce(text.switcher.signedOutOf(result.name));
      // The button that had focus went with its row: put focus on the row that took its place.
      if (!lost) return;
      if (list.length > 0) focusCell({ row: Math.min(result.index, list.length - 1), col: 1 });
      else signedOutRef.current?.focus();
      return;
    }
    if (result.kind === 'switch') announce(switched);
    else if (result.kind === 'sign-out-all') announce(text.signOutAll.done(result.count));
    else announce([text.switcher.signedOutOf(result.name), switched].filter(Boolean).join(' '));
    setOpen(false);
    if (!focusIsOurs) return;
    // Popover: the trigger. Inline: the first account. With no account left: the signed-out note.
    if (shape === 'popover' && triggerRef.current) triggerRef.current.focus();
    else if (!focusCell({ row: 0, col: 0 })) signedOutRef.current?.focus();
  }, [settled, announce, focusCell]);

  const handleSwitch = useCallback(
    (account: AccountSummary) => {
      void switchTo(account.id).then((ok) => {
        if (ok) settle({ kind: 'switch' });
      });
    },
    [switchTo, settle],
  );

  const handleSignOut = useCallback(
    (account: AccountSummary, index: number) => {
      const name = displayName(account, latest.current.messages.unknownUser);
      void signOutOf(account.id).then((ok) => {
        if (ok) settle({ kind: 'sign-out', name, wasCurrent: account.isCurrent, index });
      });
    },
    [signOutOf, settle],
  );

  const handleSignOutAll = useCallback((count: number) => settle({ kind: 'sign-out-all', count }), [settle]);

  const rowClassNames = useMemo<SessionSwitcherRowClassNames>(
    () => ({ row: classNames.row, account: classNames.account, signOut: classNames.signOut, error: classNames.error }),
    [classNames.row, classNames.account, classNames.signOut, classNames.error],
  );

  const rootProps = {
    ref: rootRef,
    'data-slot': 'root',
    'data-variant': variant,
    className: cn('csk:font-kit csk:text-foreground', className, classNames.root),
  };

  if (!isLoaded) {
    return (
      <div {...rootProps}>
        <NotLoaded>
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
        </NotLoaded>
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
        {showSignOutAll ? <SignOutAllAction className={classNames.signOutAll} onDone={handleSignOutAll} /> : null}
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

/** Space between the trigger and the panel, and the margin the panel keeps from the viewport's edges (px). */
const GAP = 4;
const EDGE = 8;

interface PanelProps {
  id: string;
  open: boolean;
  /** `returnFocus`: put focus back on the trigger (Escape), not after a click elsewhere. */
  onClose: (returnFocus: boolean) => void;
  /** The trigger's visible frame, which the panel is placed under (or over, when there is more room there). */
  anchorRef: RefObject<HTMLElement | null>;
  label: string;
  className?: string | undefined;
  children: ReactNode;
}

/**
 * The popover panel: a non-modal `role="dialog"` on `popover="manual"`. Manual, not auto: light dismiss is done
 * here so it also answers synthetic events (tests) and so opening the sign-out-all `<dialog>` from inside it does
 * not close it (a modal dialog closes every auto popover). It opens under the trigger, or over it when it does not
 * fit under and there is more room over it; `data-side` says which (`bottom` | `top`).
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
    const { clientWidth: viewportWidth, clientHeight: viewportHeight } = document.documentElement;
    // Align the panel's inline-start edge with the trigger's, kept inside the viewport.
    const left = Math.max(EDGE, Math.min(rtl ? box.right - width : box.left, viewportWidth - width - EDGE));
    panel.style.left = `${Math.round(left)}px`;
    // Under the trigger if the whole panel fits there; else on the side with more room (over it, for a trigger
    // near the bottom of the screen), its height capped to that room and the rest scrolling.
    const below = viewportHeight - box.bottom - GAP - EDGE;
    const above = box.top - GAP - EDGE;
    // Its whole height without the cap: scrollHeight, plus borders. (Clearing max-height to measure would reset
    // the panel's own scroll position.)
    const natural = panel.scrollHeight + panel.offsetHeight - panel.clientHeight;
    const up = natural > below && above > below;
    panel.style.maxHeight = `${Math.max(0, Math.floor(up ? above : below))}px`;
    // Over the trigger, the panel hangs from its bottom edge, so a change in its height grows it upward.
    panel.style.top = up ? '' : `${Math.round(box.bottom + GAP)}px`;
    panel.style.bottom = up ? `${Math.round(viewportHeight - box.top + GAP)}px` : '';
    panel.dataset.side = up ? 'top' : 'bottom';
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
    // Any scroller may move the trigger (capture phase: scroll does not bubble), except the panel itself.
    const onScroll = (event: Event) => {
      if (!(event.target instanceof Node && panelRef.current?.contains(event.target))) place();
    };
    window.addEventListener('resize', place);
    window.addEventListener('scroll', onScroll, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', onScroll, true);
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
      // The UA centres popovers in the viewport; `csk-sw-panel` and `place` put this one next to its trigger instead.
      className={cn('csk-sw-panel', className)}
    >
      {children}
    </div>
  );
}

interface SignOutAllActionProps {
  className?: string | undefined;
  /** Clerk signed every account out (`count` sessions); the switcher announces it and moves focus. */
  onDone: (count: number) => void;
}

/** "Sign out of all accounts": Clerk's `signOut()` after a confirmation stating the count. */
function SignOutAllAction({ className, onDone }: SignOutAllActionProps) {
  const { messages } = useKitStrings(strings);
  const all = useSignOutThisBrowser();
  // Unlike SignOutAllButton, which closes the dialog on a failure and reports it in a notice, this dialog stays
  // open with the error (its confirm button is the retry). The dialog is thus the failure's only report, so
  // leaving it dismisses the failure: `reset()`, the hook's "Dismiss", not `cancel()`, which keeps a failure
  // reported (status 'error') and so would keep this dialog open.
  const open = all.status === 'confirming' || all.status === 'pending' || all.status === 'error';
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        data-slot="sign-out-all"
        aria-haspopup="dialog"
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
          void all.confirm().then((result) => {
            if (result.failed.length === 0 && result.succeeded.length > 0) onDone(result.succeeded.length);
          });
        }}
        onCancel={all.status === 'error' ? all.reset : all.cancel}
      />
    </>
  );
}
