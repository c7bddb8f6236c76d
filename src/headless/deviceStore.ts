import { fetchUserSessions, type SessionWithActivitiesResource, type UserResource } from '../clerk';
import type { ActionError } from '../core/action';

/** What the device store holds for one user. */
export interface DeviceListState {
  resources: SessionWithActivitiesResource[] | null;
  error: ActionError | null;
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
 * One user's device list, shared by every `useActiveDevices()` of a Clerk instance: a device revoked through
 * one component disappears from all, and a sign-out-all never counts (or revokes) it again.
 */
export class DeviceStore {
  private state: DeviceListState = { resources: null, error: null };
  private readonly listeners = new Set<() => void>();
  private ticket = 0;
  private started = false;
  /** Sessions revoked through this store: an answer that was on its way before the revoke never brings one back. */
  private readonly revoked = new Set<string>();
  /** Whether the store lost its last subscriber (and so stopped following changes) after it started loading. */
  private idle = false;

  /**
   * `resources` without the sessions revoked through this store.
   */
  private withoutRevoked(resources: SessionWithActivitiesResource[]) {
    return resources.filter((entry) => !this.revoked.has(entry.id));
  }

  constructor(private readonly user: () => UserResource | null | undefined) {}

  getState = (): DeviceListState => this.state;

  /**
   * Adds a listener. A store that had no subscriber for a while (the account was switched away and back) reloads,
   * since nobody kept its list current meanwhile. Unsubscribing and subscribing again in the same task (React's
   * StrictMode, a re-render with a new store callback) does not count as idle.
   */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.idle) {
      this.idle = false;
      void this.load(true);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.started) {
        setTimeout(() => {
          if (this.listeners.size === 0) this.idle = true;
        }, 0);
      }
    };
  };

  private set(next: Partial<DeviceListState>) {
    this.state = { ...this.state, ...next };
    for (const listener of [...this.listeners]) listener();
  }

  /** Loads once per store; later calls are no-ops until {@link refresh}. */
  ensureLoaded(): void {
    if (this.started) return;
    this.started = true;
    void this.load(false);
  }

  /** Asks Clerk again, bypassing its cache (which also keeps failed answers). */
  refresh = (): Promise<void> => this.load(true);

  private async load(fresh: boolean) {
    const user = this.user();
    if (!user) return;
    const ticket = ++this.ticket;
    if (this.state.error) this.set({ error: null });
    // Clerk answers [] on ANY error, while a successful answer always contains the current session.
    const answer = await fetchUserSessions(user, { fresh }).catch(() => []);
    if (ticket !== this.ticket) return; // a newer request won
    if (answer.length === 0) this.set({ error: emptyAnswer() });
    else this.set({ resources: this.withoutRevoked(answer), error: null });
  }

  /** Revokes one session and drops it from the list once Clerk confirmed. Rejects like Clerk. */
  revoke = async (id: string): Promise<void> => {
    const resource = this.state.resources?.find((entry) => entry.id === id);
    if (!resource) throw new Error(`Session ${id} is not in the device list.`);
    await resource.revoke();
    this.revoked.add(id);
    this.set({ resources: this.state.resources?.filter((entry) => entry.id !== id) ?? null });
  };
}

const stores = new WeakMap<object, Map<string, DeviceStore>>();

/** The store for `key` (user and session) on this Clerk instance, created on first use. */
export function deviceStoreFor(clerk: object, key: string, user: () => UserResource | null | undefined): DeviceStore {
  let byUser = stores.get(clerk);
  if (!byUser) {
    byUser = new Map();
    stores.set(clerk, byUser);
  }
  let store = byUser.get(key);
  if (!store) {
    store = new DeviceStore(user);
    byUser.set(key, store);
  }
  return store;
}
