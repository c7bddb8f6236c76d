import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { type SessionWithActivitiesResource, useClerk, useClerkSelector } from '../clerk';
import type { ActionError } from '../core/action';
import { currentFirst } from '../core/sort';
import { type DeviceListState, type DeviceRevokeOutcome, deviceStoreFor } from './deviceStore';
import { type DeviceSummary, toDeviceSummary } from './summaries';
import { type ReverificationOptions, useReverified } from './useReverified';

/** What {@link useActiveDevices} returns. */
export interface ActiveDevices {
  status: 'loading' | 'ready' | 'error' | 'signed-out';
  /** Every session of the user: this device first, then most recently active. */
  devices: DeviceSummary[];
  /** The user's sessions on OTHER devices. */
  others: DeviceSummary[];
  error: ActionError | null;
  /** Asks Clerk again, bypassing its cache. */
  refresh(): Promise<void>;
  /**
   * Revokes one device session through Clerk's `useReverification` (a stale verification opens Clerk's "verify
   * it's you" modal, or `onNeedsReverification`, then the revoke runs again; a cancel rejects with Clerk's
   * `reverification_cancelled` error and leaves the device listed); removes it from the list (of every `useActiveDevices()` of this user) once Clerk
   * confirmed. One request per session at a time: revoking a session again while its revoke is on its way (a
   * row's retry and a sign-out-all) returns the same promise. Resolves `'revoked'`, or `'already-signed-out'` when
   * Clerk answered 404 (the session no longer exists: revoked elsewhere, expired), which drops it as well. Rejects
   * like Clerk otherwise. For a revoke button with a confirmation step, hand it to `useRevokeSession`:
   * `useRevokeSession({ type: 'device', session: { id, revoke: () => revoke(id) } })`.
   */
  revoke(id: string): Promise<DeviceRevokeOutcome>;
  /**
   * The Clerk resource behind a row (`SessionWithActivitiesResource`), to read what the summary leaves out, such
   * as the raw `latestActivity` (full browser version) or `abandonAt`. Not for revoking: `resourceOf(id).revoke()`,
   * or passing it as `useRevokeSession`'s `session`, bypasses the shared list, which then keeps showing the
   * revoked device; use `revoke(id)` above instead.
   */
  resourceOf(id: string): SessionWithActivitiesResource | undefined;
}

const EMPTY: DeviceListState = { resources: null, error: null };

/** Options of {@link useActiveDevices}. */
export interface UseActiveDevicesOptions extends ReverificationOptions {
  /** `false` skips the request (the list stays loading). Default `true`. */
  enabled?: boolean;
}

/**
 * The signed-in user's sessions on every device (`user.getSessions()`), with loading, refresh and a real error
 * state. Clerk answers `[]` on ANY error, while a successful answer always contains the current session, so an
 * empty list is treated as a failure: the UI never claims "no other devices" when the request failed.
 * Every instance on the same Clerk and user shares one list (see `deviceStore.ts`).
 */
export function useActiveDevices(options: UseActiveDevicesOptions = {}): ActiveDevices {
  const { onNeedsReverification, ...listOptions } = options;
  const list = useDeviceList(listOptions);
  const revoke = useReverified(list.revoke, onNeedsReverification ? { onNeedsReverification } : {});
  return { ...list, revoke };
}

/**
 * {@link useActiveDevices} whose `revoke` asks Clerk directly, without the reverification step: for the kit's own
 * actions, which run the step themselves (once for a whole sign-out-all, and closing their own dialog first).
 * Internal: not exported from `clerk-session-kit/headless`.
 */
export function useDeviceList(options: { enabled?: boolean } = {}): ActiveDevices {
  const { enabled = true } = options;
  const clerk = useClerk();
  const identity = useClerkSelector(
    (instance) =>
      instance.loaded ? { userId: instance.user?.id ?? null, sessionId: instance.session?.id ?? null } : null,
    (a, b) => a?.userId === b?.userId && a?.sessionId === b?.sessionId,
  );
  const userId = identity?.userId ?? null;
  const sessionId = identity?.sessionId ?? null;
  // Keyed by session too: signing in again (a new session) starts from a fresh list.
  const store = useMemo(
    () => (userId && sessionId ? deviceStoreFor(clerk, `${userId}:${sessionId}`, () => clerk.user) : null),
    [clerk, userId, sessionId],
  );
  const { resources, error } = useSyncExternalStore(
    useCallback((onChange: () => void) => store?.subscribe(onChange) ?? (() => undefined), [store]),
    () => store?.getState() ?? EMPTY,
    () => EMPTY,
  );
  useEffect(() => {
    if (enabled) store?.ensureLoaded();
  }, [store, enabled]);

  const currentId = sessionId;
  // One summary object per resource for as long as it is listed, so rows that did not change keep their props.
  const summaries = useRef(new WeakMap<SessionWithActivitiesResource, DeviceSummary>());
  const devices = useMemo(() => {
    const list = (resources ?? []).map((resource) => {
      const known = summaries.current.get(resource);
      if (known && known.isCurrent === (resource.id === currentId)) return known;
      const summary = toDeviceSummary(resource, currentId);
      summaries.current.set(resource, summary);
      return summary;
    });
    return currentFirst(list, currentId);
  }, [resources, currentId]);

  const others = useMemo(() => devices.filter((device) => !device.isCurrent), [devices]);

  const resourceOf = useCallback(
    (id: string) => store?.getState().resources?.find((entry) => entry.id === id),
    [store],
  );
  const revoke = useCallback(
    (id: string) => (store ? store.revoke(id) : Promise.reject(new Error('Nobody is signed in.'))),
    [store],
  );
  const refresh = useCallback(() => store?.refresh() ?? Promise.resolve(), [store]);

  const status: ActiveDevices['status'] = !identity
    ? 'loading'
    : !identity.userId
      ? 'signed-out'
      : error
        ? 'error'
        : resources
          ? 'ready'
          : 'loading';

  return {
    status,
    devices,
    others,
    error: status === 'error' ? error : null,
    refresh,
    revoke,
    resourceOf,
  };
}
