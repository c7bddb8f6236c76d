import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchUserSessions, type SessionWithActivitiesResource, useClerk, useClerkSelector } from '../clerk';
import type { ActionError } from '../core/action';
import { currentFirst } from '../core/sort';
import { type DeviceSummary, toDeviceSummary } from './summaries';

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
  /** Revokes one device session; removes it from the list once Clerk confirmed. Rejects like Clerk. */
  revoke(id: string): Promise<void>;
  /** The Clerk resource behind a row, for `useRevokeSession({ type: 'device', session })`. */
  resourceOf(id: string): SessionWithActivitiesResource | undefined;
}

/** Error for an answer Clerk could not have given successfully. */
const emptyAnswer = (): ActionError => ({
  code: 'sessions_unavailable',
  message: null,
  status: null,
  retryable: true,
  cause: new Error('user.getSessions() answered [] although the current session always exists: the request failed.'),
});

/**
 * The signed-in user's sessions on every device (`user.getSessions()`), with loading, refresh and a real error
 * state. Clerk answers `[]` on ANY error, while a successful answer always contains the current session, so an
 * empty list is treated as a failure: the UI never claims "no other devices" when the request failed.
 * `enabled: false` skips the request (the list stays loading).
 */
export function useActiveDevices(options: { enabled?: boolean } = {}): ActiveDevices {
  const { enabled = true } = options;
  const clerk = useClerk();
  const identity = useClerkSelector(
    (instance) =>
      instance.loaded ? { userId: instance.user?.id ?? null, sessionId: instance.session?.id ?? null } : null,
    (a, b) => a?.userId === b?.userId && a?.sessionId === b?.sessionId,
  );
  const [resources, setResources] = useState<SessionWithActivitiesResource[] | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const request = useRef(0);

  const load = useCallback(
    async (fresh: boolean) => {
      const user = clerk.user;
      if (!user) return;
      const ticket = ++request.current;
      setError(null);
      const answer = await fetchUserSessions(user, { fresh }).catch(() => []);
      if (ticket !== request.current) return; // a newer request (or another user) won
      if (answer.length === 0) {
        setError(emptyAnswer());
        return;
      }
      setResources(answer);
    },
    [clerk],
  );

  const userId = identity?.userId ?? null;
  useEffect(() => {
    setResources(null);
    if (userId && enabled) void load(false);
  }, [userId, enabled, load]);

  const currentId = identity?.sessionId ?? null;
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

  const resourcesRef = useRef(resources);
  resourcesRef.current = resources;
  const resourceOf = useCallback((id: string) => resourcesRef.current?.find((entry) => entry.id === id), []);
  const revoke = useCallback(
    async (id: string) => {
      const resource = resourceOf(id);
      if (!resource) throw new Error(`Session ${id} is not in the device list.`);
      await resource.revoke();
      setResources((list) => list?.filter((entry) => entry.id !== id) ?? null);
    },
    [resourceOf],
  );
  const refresh = useCallback(() => load(true), [load]);

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
