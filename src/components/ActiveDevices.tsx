'use client';
import { type ElementType, useCallback, useId, useLayoutEffect, useRef } from 'react';
import { enCommon } from '../core/messages/en/common';
import { enDevices } from '../core/messages/en/devices';
import { enRevoke } from '../core/messages/en/revoke';
import { enSignOutAll } from '../core/messages/en/signOutAll';
import type { DeviceRevokeOutcome } from '../headless/deviceStore';
import type { DeviceSummary } from '../headless/summaries';
import { useDeviceList } from '../headless/useActiveDevices';
import type { ReverificationOptions } from '../headless/useReverified';
import { DeviceRow, type IpAddressDisplay } from './DeviceRow';
import { useKitStrings } from './kitContext';
import { Announcer } from './parts/Announcer';
import { cn } from './parts/cn';
import { ErrorNotice } from './parts/ErrorNotice';
import { NotLoaded } from './parts/NotLoaded';
import { OutcomesAnnounced } from './parts/OutcomesAnnounced';
import { Skeleton } from './parts/Skeleton';
import { useFocusAfterCommit } from './parts/useFocusAfterCommit';
import { SignOutAllButton } from './SignOutAllButton';

/** The English this component renders when no `SessionKitProvider` gives a catalogue. */
const strings = { ...enCommon, revoke: enRevoke, signOutAll: enSignOutAll, devices: enDevices };

/**
 * Slots of {@link ActiveDevices} for `classNames`. Each key styles the element with the matching `data-slot`
 * (`signOutAll` → `data-slot="sign-out-all"`).
 */
export interface ActiveDevicesClassNames {
  /** The `<section>`; carries `data-state="loading | ready | error | signed-out"`. */
  root?: string;
  /** Title and description. */
  header?: string;
  /** The `<ul>` of devices. */
  list?: string;
  /** One `<li>` per device (`data-current` on this device's). */
  row?: string;
  /** Name, "This device" badge, kind and OS of a row. */
  device?: string;
  /** The `<dl>` with location, IP address and last activity. */
  meta?: string;
  /** The wrapper of a row's revoke button. */
  revoke?: string;
  /** The sign-out-all button's wrapper. */
  signOutAll?: string;
  /** The notice when the list could not be loaded. */
  error?: string;
  /** The notice when no other device is signed in, and the signed-out notice. */
  empty?: string;
}

/** Props of {@link ActiveDevices}. */
export interface ActiveDevicesProps extends ReverificationOptions {
  /** Show each device's IP address in full (`true`), masked (`'masked'`, default: `203.0.113.•••`) or not at all. */
  showIpAddress?: IpAddressDisplay;
  /** Hide the "Sign out of all other devices" button under the list. */
  hideSignOutAll?: boolean;
  /** Level of the title, to fit the page's outline (default 2). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
  classNames?: ActiveDevicesClassNames;
}

const SKELETON_ROWS = 3;

/**
 * The signed-in user's sessions on every device (`user.getSessions()`): this device first with a "This device"
 * badge, then the others by last activity, each with its kind, browser and version, OS when known, location,
 * IP address (masked by default) and last activity, and a button to sign it out. Under the list, a button signs
 * out of every other device. A skeleton shows while loading (`aria-busy`), an alert with a page reload when Clerk
 * itself failed to load; a failed request shows an error with a retry and never claims that no other device is
 * signed in.
 *
 * Signing a device out runs Clerk's reverification when Clerk asks for it (see `RevokeButton`); "Sign out of all
 * other devices" asks for ONE verification, then revokes every device. `onNeedsReverification` replaces Clerk's
 * modal with your own prompt for both.
 *
 * After a device is signed out its row goes away, so the focus it held moves to the next row's button (else the
 * previous one's, else the title) and the sign-out is announced.
 *
 * @example
 * ```tsx
 * <ActiveDevices />
 * <ActiveDevices showIpAddress={false} hideSignOutAll classNames={{ row: 'py-4' }} />
 * ```
 */
export function ActiveDevices({
  showIpAddress = 'masked',
  hideSignOutAll = false,
  headingLevel = 2,
  onNeedsReverification,
  className,
  classNames = {},
}: ActiveDevicesProps) {
  const { messages } = useKitStrings(strings);
  // The rows run the reverification themselves (closing their dialog first), so they get the plain revoke.
  const devices = useDeviceList();
  // One function for the list's life, so rows stay memoised when the owner passes a new one on every render.
  const needsRef = useRef(onNeedsReverification);
  needsRef.current = onNeedsReverification;
  const stableNeeds = useCallback<NonNullable<ReverificationOptions['onNeedsReverification']>>(
    (prompt) => needsRef.current?.(prompt),
    [],
  );
  const needs = onNeedsReverification ? { onNeedsReverification: stableNeeds } : {};
  const { status, others, revoke } = devices;
  const headingId = useId();
  const emptyId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { scopeRef, announcement, afterCommit } = useFocusAfterCommit<HTMLElement>();

  // The list of other devices as last rendered, and the one before it: when Clerk's confirmation arrives, the
  // row may already be gone from the newest list, and its neighbours are only known from the previous one.
  const lists = useRef<{ current: DeviceSummary[]; previous: DeviceSummary[] }>({ current: others, previous: [] });
  useLayoutEffect(() => {
    if (lists.current.current !== others) lists.current = { current: others, previous: lists.current.current };
  }, [others]);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;

  // Stable for the list's life, so rows stay memoised when one of them is signed out. Once the row has left the
  // page, the sign-out is announced and the focus lost with the row goes to the next row's button (else the
  // previous one's, else the title).
  const onRevoked = useCallback(
    (id: string, label: string, outcome: DeviceRevokeOutcome) => {
      const { current, previous } = lists.current;
      const list = current.some((entry) => entry.id === id) ? current : previous;
      const index = list.findIndex((entry) => entry.id === id);
      const next = index === -1 ? undefined : (list[index + 1] ?? list[index - 1]);
      const text = messagesRef.current;
      const rowOf = (sessionId: string) =>
        scopeRef.current?.querySelector<HTMLElement>(`[data-session-id="${CSS.escape(sessionId)}"]`) ?? null;
      afterCommit({
        shown: () => !rowOf(id),
        // A 404: Clerk no longer had the session (signed out elsewhere, expired). Signed out it is, but not by us.
        announce:
          outcome === 'already-signed-out'
            ? `${text.revoke.done(label)} ${text.errors.notFound}`
            : text.revoke.done(label),
        focus: () =>
          (next && rowOf(next.id)?.querySelector<HTMLElement>('[data-slot="revoke"] button[aria-haspopup]')) ||
          headingRef.current,
      });
    },
    [afterCommit, scopeRef],
  );

  // "Try again" goes away with the error: once the list answered, lost focus goes to the title.
  const retry = () => void devices.refresh().then(() => afterCommit({ focus: () => headingRef.current }));

  const Heading = `h${headingLevel}` as ElementType;
  const showSignOutAll = !hideSignOutAll && status === 'ready';

  return (
    <section
      ref={scopeRef}
      data-slot="root"
      data-state={status}
      aria-labelledby={headingId}
      className={cn('csk-devices', className, classNames.root)}
    >
      <div data-slot="header" className={cn('csk:flex csk:flex-col csk:gap-1', classNames.header)}>
        <Heading
          ref={headingRef}
          id={headingId}
          // Focusable from script only: it receives focus when the last revocable row goes away.
          tabIndex={-1}
          className="csk-devices-title"
        >
          {messages.devices.title}
        </Heading>
        <p className="csk-note">{messages.devices.description}</p>
      </div>

      {status === 'loading' ? (
        <NotLoaded>
          <ul data-slot="list" aria-hidden="true" className={cn('csk-devices-skeleton', classNames.list)}>
            {Array.from({ length: SKELETON_ROWS }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders with no identity
              <li key={index} className="csk:flex csk:items-start csk:gap-3">
                <Skeleton className="csk:size-9 csk:shrink-0" />
                <span className="csk:flex csk:flex-1 csk:flex-col csk:gap-2">
                  <Skeleton className="csk:h-4 csk:w-40 csk:max-w-full" />
                  <Skeleton className="csk:h-3 csk:w-64 csk:max-w-full" />
                </span>
              </li>
            ))}
          </ul>
        </NotLoaded>
      ) : null}

      {status === 'signed-out' ? (
        <p data-slot="empty" className={cn('csk-note', classNames.empty)}>
          {messages.signedOut}
        </p>
      ) : null}

      {status === 'error' && devices.error ? (
        <ErrorNotice
          title={messages.devices.loadFailed}
          error={devices.error}
          onRetry={retry}
          className={classNames.error}
        />
      ) : null}

      {status === 'ready' ? (
        <>
          <ul data-slot="list" className={cn('csk-devices-list', classNames.list)}>
            {/* onRevoked announces a row's sign-out in the list's live region: rows need none of their own. */}
            <OutcomesAnnounced.Provider value={true}>
              {devices.devices.map((device) => (
                <DeviceRow
                  key={device.id}
                  device={device}
                  showIpAddress={showIpAddress}
                  revoke={revoke}
                  onRevoked={onRevoked}
                  {...needs}
                  rowClassName={classNames.row}
                  deviceClassName={classNames.device}
                  metaClassName={classNames.meta}
                  revokeClassName={classNames.revoke}
                />
              ))}
            </OutcomesAnnounced.Provider>
          </ul>
          {others.length === 0 ? (
            <p id={emptyId} data-slot="empty" className={cn('csk-note', classNames.empty)}>
              {messages.devices.empty}
            </p>
          ) : null}
        </>
      ) : null}

      {showSignOutAll ? (
        <SignOutAllButton
          scope="other-devices"
          hideListError
          reasonId={emptyId}
          {...needs}
          className={classNames.signOutAll}
        />
      ) : null}

      <Announcer message={announcement} />
    </section>
  );
}
