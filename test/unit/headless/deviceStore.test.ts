import { describe, expect, it, vi } from 'vitest';
import type { SessionWithActivitiesResource, UserResource } from '../../../src/clerk';
import { DeviceStore, deviceStoreFor } from '../../../src/headless/deviceStore';

/** How a fake `revoke()` answers: resolve, reject with Clerk's error for `status`, or stay pending until `settle`. */
type RevokeAnswer = 'ok' | { status: number } | 'manual';

/**
 * A user whose getSessions() answers are resolved by the test, one pending promise per call. Like clerk-js, it
 * keeps the last answer in `cachedSessionsWithActivities` and answers from it until that is cleared.
 */
function fakeUser(answers: Record<string, RevokeAnswer> = {}) {
  const pending: ((ids: string[]) => void)[] = [];
  const revoked: string[] = [];
  const waiting: Record<string, { resolve: () => void; reject: (error: unknown) => void }> = {};
  const resource = (id: string) =>
    ({
      id,
      revoke: () => {
        revoked.push(id);
        const answer = answers[id] ?? 'ok';
        if (answer === 'ok') return Promise.resolve();
        if (answer === 'manual') return new Promise<void>((resolve, reject) => (waiting[id] = { resolve, reject }));
        // The shape of clerk-js's ClerkAPIResponseError.
        const message = answer.status === 404 ? 'not found' : 'failed';
        return Promise.reject(Object.assign(new Error(message), { status: answer.status, errors: [{ message }] }));
      },
    }) as unknown as SessionWithActivitiesResource;
  const user = {
    cachedSessionsWithActivities: undefined as SessionWithActivitiesResource[] | undefined,
    getSessions() {
      if (user.cachedSessionsWithActivities) return Promise.resolve(user.cachedSessionsWithActivities);
      return new Promise<SessionWithActivitiesResource[]>((resolve) => {
        pending.push((ids) => {
          user.cachedSessionsWithActivities = ids.map(resource);
          resolve(user.cachedSessionsWithActivities);
        });
      });
    },
  };
  return { user: user as unknown as UserResource, pending, revoked, waiting };
}

const ids = (store: DeviceStore) => store.getState().resources?.map((entry) => entry.id);
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A store with `list` loaded. */
async function loaded(list: string[], answers: Record<string, RevokeAnswer> = {}) {
  const fake = fakeUser(answers);
  const store = new DeviceStore(() => fake.user);
  store.ensureLoaded();
  fake.pending[0]?.(list);
  await vi.waitFor(() => expect(ids(store)).toEqual(list));
  return { ...fake, store };
}

describe('DeviceStore', () => {
  it('a load answered after a revoke does not bring the revoked session back', async () => {
    const { store, pending, revoked } = await loaded(['here', 'phone', 'laptop']);
    const refreshing = store.refresh(); // started before the revoke...
    await store.revoke('phone');
    expect(revoked).toEqual(['phone']);
    expect(ids(store)).toEqual(['here', 'laptop']);
    pending[1]?.(['here', 'phone', 'laptop']); // ...answered after it, with the list as it was
    await refreshing;
    expect(ids(store)).toEqual(['here', 'laptop']);
  });

  it('reloads when it gets a subscriber again after having none, not on an immediate resubscribe', async () => {
    const { user, pending } = fakeUser();
    const store = new DeviceStore(() => user);
    const stop = store.subscribe(() => undefined);
    store.ensureLoaded();
    pending[0]?.(['here', 'phone']);
    await vi.waitFor(() => expect(ids(store)).toEqual(['here', 'phone']));

    // StrictMode-style unsubscribe + subscribe in the same task: no new request.
    stop();
    const again = store.subscribe(() => undefined);
    await nextTask();
    expect(pending).toHaveLength(1);

    // Switched away (no subscriber for a while) and back: the list is asked for again.
    again();
    await nextTask();
    store.subscribe(() => undefined);
    expect(pending).toHaveLength(2);
    pending[1]?.(['here', 'tablet']);
    await vi.waitFor(() => expect(ids(store)).toEqual(['here', 'tablet']));
  });

  it('a revoke of a session whose revoke is on its way joins it: one request, one outcome', async () => {
    // A row's Try again still waiting for Clerk when "Sign out of all other devices" is confirmed.
    const { store, revoked, waiting } = await loaded(['here', 'phone', 'laptop'], { phone: 'manual' });
    const retry = store.revoke('phone');
    const signOutAll = Promise.allSettled([store.revoke('phone'), store.revoke('laptop')]);
    expect(store.revoke('phone')).toBe(retry);
    expect(revoked).toEqual(['phone', 'laptop']);
    waiting.phone?.resolve();
    await expect(retry).resolves.toBe('revoked');
    expect((await signOutAll).map((entry) => entry.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(ids(store)).toEqual(['here']);
    expect(revoked).toEqual(['phone', 'laptop']);
  });

  it('after a failed revoke, the next one sends a new request', async () => {
    const { store, revoked, waiting } = await loaded(['here', 'phone'], { phone: 'manual' });
    const first = store.revoke('phone');
    waiting.phone?.reject(Object.assign(new Error('down'), { status: 503 }));
    await expect(first).rejects.toThrow('down');
    const second = store.revoke('phone');
    expect(second).not.toBe(first);
    expect(revoked).toEqual(['phone', 'phone']);
    waiting.phone?.resolve();
    await expect(second).resolves.toBe('revoked');
  });

  it('a 404 from revoke drops the session (it no longer exists) and resolves already-signed-out', async () => {
    const { store, pending } = await loaded(['here', 'phone', 'laptop'], { phone: { status: 404 } });
    await expect(store.revoke('phone')).resolves.toBe('already-signed-out');
    expect(ids(store)).toEqual(['here', 'laptop']);
    // An older answer that still lists it does not bring it back either.
    const refreshing = store.refresh();
    pending[1]?.(['here', 'phone', 'laptop']);
    await refreshing;
    expect(ids(store)).toEqual(['here', 'laptop']);
  });

  it('any other failed revoke rejects like Clerk and keeps the session listed', async () => {
    const { store } = await loaded(['here', 'phone'], { phone: { status: 403 } });
    await expect(store.revoke('phone')).rejects.toMatchObject({ status: 403 });
    expect(ids(store)).toEqual(['here', 'phone']);
  });
});

describe('deviceStoreFor', () => {
  it('shares one store per user and session of a Clerk instance, and keeps it while nobody subscribes', async () => {
    const clerk = {};
    const { user } = fakeUser();
    // ActiveDevices and a standalone SignOutAllButton, mounted together.
    const list = deviceStoreFor(clerk, 'user_ada:sess_ada', () => user);
    expect(deviceStoreFor(clerk, 'user_ada:sess_ada', () => user)).toBe(list);
    // A hidden tree (<Activity>) unsubscribes and comes back later: it must find the same list.
    list.subscribe(() => undefined)();
    await nextTask();
    expect(deviceStoreFor(clerk, 'user_ada:sess_ada', () => user)).toBe(list);
    // Other users', sessions' and instances' stores are separate.
    expect(deviceStoreFor(clerk, 'user_grace:sess_grace', () => user)).not.toBe(list);
    expect(deviceStoreFor({}, 'user_ada:sess_ada', () => user)).not.toBe(list);
  });
});
