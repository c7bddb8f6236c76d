import { fetchUserSessions, type SessionWithActivitiesResource, type UserResource } from '../clerk';
import { type ActionError, toActionError } from '../core/action';

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

/** How a revoke ended: Clerk signed the session out, or answered 404 because it no longer existed. */
export type DeviceRevokeOutcome = 'revoked' | 'already-signed-out';

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
  /** Revokes on their way, by session: a second revoke of the same session joins the first (one request). */
  private readonly revoking = new Map<string, Promise<DeviceRevokeOutcome>>();
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
      if (this.listeners.size === 0) {
        setTimeout(() => {
          if (this.listeners.size === 0 && this.started) this.idle = true;
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

  /**
   * Revokes one session and drops it from the list once Clerk confirmed. Single flight per session: while one
   * revoke of it is on its way (a row's retry, a sign-out-all), another returns the same promise. A 404 means
   * Clerk no longer has the session (revoked elsewhere, expired): it is dropped too, and the revoke resolves
   * `'already-signed-out'`. Rejects like Clerk otherwise.
   */
  revoke = (id: string): Promise<DeviceRevokeOutcome> => {
    const running = this.revoking.get(id);
    if (running) return running;
    const resource = this.state.resources?.find((entry) => entry.id === id);
    if (!resource) return Promise.reject(new Error(`Session ${id} is not in the device list.`));
    const run = (async (): Promise<DeviceRevokeOutcome> => {
      let outcome: DeviceRevokeOutcome = 'revoked';
      try {
        await resource.revoke();
      } catch (caught) {
        if (toActionError(caught).status !== 404) throw caught;
        outcome = 'already-signed-out';
      }
      this.revoked.add(id);
      this.set({ resources: this.state.resources?.filter((entry) => entry.id !== id) ?? null });
      return outcome;
    })();
    const settled = run.finally(() => this.revoking.delete(id));
    this.revoking.set(id, settled);
    return settled;
  };
}

const registries = new WeakMap<object, Map<string, DeviceStore>>();

/**
 * The store for `key` (user and session) on this Clerk instance, created on first use. Stores are kept for the
 * instance's life, on purpose: one per user and session the page has seen, a handful at most, and forgetting one
 * while a hidden tree (`<Activity>`) still holds it would split a user's list in two.
 */
export function deviceStoreFor(clerk: object, key: string, user: () => UserResource | null | undefined): DeviceStore {
  let stores = registries.get(clerk);
  if (!stores) {
    stores = new Map();
    registries.set(clerk, stores);
  }
  let store = stores.get(key);
  if (!store) {
    store = new DeviceStore(user);
    stores.set(key, store);
  }
  return store;
}
