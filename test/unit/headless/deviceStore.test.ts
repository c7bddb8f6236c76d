import { describe, expect, it, vi } from 'vitest';
import type { SessionWithActivitiesResource, UserResource } from '../../../src/clerk';
import { DeviceStore } from '../../../src/headless/deviceStore';

/** A user whose getSessions() answers are resolved by the test, one pending promise per call. */
function fakeUser() {
  const pending: ((ids: string[]) => void)[] = [];
  const revoked: string[] = [];
  const resource = (id: string) =>
    ({
      id,
      revoke: async () => {
        revoked.push(id);
      },
    }) as unknown as SessionWithActivitiesResource;
  const user = {
    getSessions: () =>
      new Promise<SessionWithActivitiesResource[]>((resolve) => {
        pending.push((ids) => resolve(ids.map(resource)));
      }),
  } as unknown as UserResource;
  return { user, pending, revoked };
}

const ids = (store: DeviceStore) => store.getState().resources?.map((entry) => entry.id);

describe('DeviceStore', () => {
  it('a load answered after a revoke does not bring the revoked session back', async () => {
    const { user, pending, revoked } = fakeUser();
    const store = new DeviceStore(() => user);
    store.ensureLoaded();
    pending[0]?.(['here', 'phone', 'laptop']);
    await vi.waitFor(() => expect(ids(store)).toEqual(['here', 'phone', 'laptop']));

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
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pending).toHaveLength(1);

    // Switched away (no subscriber for a while) and back: the list is asked for again.
    again();
    await new Promise((resolve) => setTimeout(resolve, 5));
    store.subscribe(() => undefined);
    expect(pending).toHaveLength(2);
    pending[1]?.(['here', 'tablet']);
    await vi.waitFor(() => expect(ids(store)).toEqual(['here', 'tablet']));
  });
});
