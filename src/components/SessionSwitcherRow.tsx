// biome-ignore-all lint/a11y/useSemanticElements: an APG layout grid of flex rows, not a data table; <tr>/<td> would fight the layout.
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and cells are not focused; the widget inside each cell is (roving tabIndex).
'use client';
import { memo, useId, useRef } from 'react';
import { enCommon } from '../core/messages/en/common';
import { enRevoke } from '../core/messages/en/revoke';
import { enSwitcher } from '../core/messages/en/switcher';
import { labelIsInName } from '../core/messages/labelInName';
import { type AccountSummary, displayName } from '../headless/summaries';
import type { ActionState } from '../headless/useActionStates';
import { type GridPosition, gridCellProps } from '../headless/useGridNavigation';
import type { SwitcherAction } from '../headless/useSessionSwitcher';
import { useKitStrings } from './kitContext';
import { Avatar } from './parts/Avatar';
import { Badge } from './parts/Badge';
import { Button } from './parts/Button';
import { cn } from './parts/cn';
import { ErrorNotice } from './parts/ErrorNotice';

/** The English this component renders when no `SessionKitProvider` gives a catalogue. */
const strings = { ...enCommon, switcher: enSwitcher, revoke: enRevoke };

/** Class names a row takes from `SessionSwitcher`'s `classNames` (see `SessionSwitcherClassNames`). */
export interface SessionSwitcherRowClassNames {
  row?: string | undefined;
  account?: string | undefined;
  signOut?: string | undefined;
  error?: string | undefined;
}

/** Props of {@link SessionSwitcherRow}. Every callback must be stable: the row is memoised. */
export interface SessionSwitcherRowProps {
  account: AccountSummary;
  /** Position in the grid (row index). */
  index: number;
  /** State of the last action on this account (the same object until it changes). */
  state: ActionState<SwitcherAction>;
  /** Column holding the grid's tab stop when it is in this row, else `null`. */
  tabStopCol: number | null;
  /**
   * Another account's switch (or sign-out of the current account) is running: this row's switch, and its sign-out
   * if it is the current account, wait for it (`aria-disabled`).
   */
  switchLocked: boolean;
  onCellFocus: (position: GridPosition) => void;
  onSwitch: (account: AccountSummary) => void;
  onSignOut: (account: AccountSummary, index: number) => void;
  onDismiss: (id: string) => void;
  classNames: SessionSwitcherRowClassNames;
}

/**
 * One account of the switcher: a grid row with the account (a switch button, or for the current account a
 * focusable cell marked `aria-current`) and its "Sign out" button, plus an error cell after a failure.
 * Memoised: it re-renders only when its own account, action state or tab stop changes.
 */
export const SessionSwitcherRow = memo(function SessionSwitcherRow({
  account,
  index,
  state,
  tabStopCol,
  switchLocked,
  onCellFocus,
  onSwitch,
  onSignOut,
  onDismiss,
  classNames,
}: SessionSwitcherRowProps) {
  const { messages } = useKitStrings(strings);
  const hintId = useId();
  const name = displayName(account, messages.unknownUser);
  const identifier = account.identifier;
  const rowRef = useRef<HTMLDivElement>(null);
  const pending = state.status === 'pending';
  // Signing out of the current account switches to another one, so it waits for a running switch too.
  const switchBlocked = pending || switchLocked;
  const signOutBlocked = pending || (switchLocked && account.isCurrent);
  const rowState = pending ? 'pending' : state.status === 'error' ? 'error' : 'idle';
  const accountCell = gridCellProps({ row: index, col: 0 }, tabStopCol, onCellFocus);
  const signOutCell = gridCellProps({ row: index, col: 1 }, tabStopCol, onCellFocus);

  const label = messages.switcher.switchTo(name, identifier ?? name);
  const signOutName = messages.switcher.signOutOf(name);
  // A catalogue whose "Sign out of …" does not contain its "Sign out" gets an icon with the full name as its
  // tooltip instead (the kit's own en, de and ar catalogues all contain it, so they show the label).
  const shortLabelFits = labelIsInName(signOutName, messages.signOut, messages.locale);
  const pendingHint =
    account.status === 'pending' ? (
      <span id={hintId} className="csk:shrink-0">
        <Badge tone="warning">{messages.switcher.pending}</Badge>
      </span>
    ) : null;
  const identifierLine = identifier && identifier !== name ? <span className="csk-sw-id">{identifier}</span> : null;
  // Name and identifier truncate on screen; the cell's `title` shows both in full on hover, and the accessible
  // name carries them in full.
  const title = identifier && identifier !== name ? `${name}\n${identifier}` : name;

  /**
   * Retry and Dismiss unmount the error notice that holds focus: first move focus to this row's button for the
   * action (still focusable while it runs, `aria-disabled`), so it stays in the row instead of falling to <body>.
   */
  const focusAction = (kind: SwitcherAction | null) => {
    const slot = kind === 'sign-out' ? 'sign-out' : 'account';
    rowRef.current?.querySelector<HTMLElement>(`[data-slot="${slot}"]`)?.focus();
  };
  const retry = () => {
    focusAction(state.kind);
    if (state.kind === 'sign-out') onSignOut(account, index);
    else onSwitch(account);
  };
  const dismiss = () => {
    focusAction(state.kind);
    onDismiss(account.id);
  };

  return (
    <div
      ref={rowRef}
      role="row"
      data-slot="row"
      data-state={rowState}
      data-current={account.isCurrent || undefined}
      aria-busy={pending || undefined}
      className={cn('csk-sw-row', classNames.row)}
    >
      {account.isCurrent ? (
        // The current account is not a switch: the cell itself takes focus (APG grids allow focusable cells with
        // static content) so arrow keys still pass through it, and it says it is current.
        <div
          role="gridcell"
          {...accountCell}
          data-slot="account"
          aria-current="true"
          aria-describedby={account.status === 'pending' ? hintId : undefined}
          title={title}
          className={cn('csk-sw-current', classNames.account)}
        >
          <Avatar src={account.imageUrl} initials={account.initials} size="sm" />
          <span className="csk-sw-names">
            <span className="csk-sw-name">{name}</span>
            {identifierLine}
          </span>
          <Badge tone="primary" className="csk:shrink-0">
            {messages.switcher.current}
          </Badge>
          {pendingHint}
        </div>
      ) : (
        // The button holds only the name; its ::after covers the whole cell, so the identifier and badges next to it
        // are part of the click target without being part of the button's text. (Visible text inside a button
        // must appear in its accessible name, WCAG 2.5.3, and "Switch to … (…)" drops the parenthesised identifier.)
        <div role="gridcell" title={title} className={cn('csk-sw-other', classNames.account)}>
          <Avatar src={account.imageUrl} initials={account.initials} size="sm" />
          <span className="csk-sw-names">
            <button
              type="button"
              {...accountCell}
              data-slot="account"
              data-state={pending && state.kind === 'switch' ? 'pending' : undefined}
              aria-label={label}
              aria-describedby={account.status === 'pending' ? hintId : undefined}
              aria-busy={(pending && state.kind === 'switch') || undefined}
              aria-disabled={switchBlocked || undefined}
              // Single flight lives in the hook; skipping the call here just saves a no-op while blocked.
              onClick={switchBlocked ? undefined : () => onSwitch(account)}
              className="csk-sw-switch"
            >
              {name}
            </button>
            {identifierLine}
          </span>
          {pendingHint}
        </div>
      )}
      <div role="gridcell" className="csk:shrink-0">
        <Button
          variant="ghost"
          size="sm"
          {...signOutCell}
          data-slot="sign-out"
          aria-label={signOutName}
          title={shortLabelFits ? undefined : signOutName}
          pending={pending && state.kind === 'sign-out'}
          aria-disabled={(signOutBlocked && !(pending && state.kind === 'sign-out')) || undefined}
          onClick={signOutBlocked ? undefined : () => onSignOut(account, index)}
          className={classNames.signOut}
        >
          {shortLabelFits ? (
            messages.signOut
          ) : (
            // An exit arrow points toward the inline end: mirrored right to left.
            <svg aria-hidden="true" viewBox="0 0 16 16" className="csk:size-4 csk:rtl:-scale-x-100">
              <path
                d="M6 3H3.5v10H6M10 5l3 3-3 3M13 8H6"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          )}
        </Button>
      </div>
      {state.status === 'error' && state.error ? (
        // Its own cell so the row keeps only cells (ARIA); Retry/Dismiss are reached with Tab from the row.
        <div role="gridcell" className="csk:basis-full">
          <ErrorNotice
            title={state.kind === 'sign-out' ? messages.revoke.failed(name) : messages.switcher.switchFailed(name)}
            error={state.error}
            // While another account's switch runs, a retry of this one would be refused: offer it once that ends.
            onRetry={(state.kind === 'switch' ? switchBlocked : signOutBlocked) ? undefined : retry}
            onDismiss={dismiss}
            className={classNames.error}
          />
        </div>
      ) : null}
    </div>
  );
});
