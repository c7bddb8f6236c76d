import type { ClientResource, LoadedClerk, OrganizationResource, SessionResource, UserResource } from '../clerk';
import { type ClerkEndpoint, clerkEndpoints, fapiRequest } from './fapi';
import { type ResourceActions, toOrganizationResource, toSessionResource, toUserResource } from './resources';
import { type Scenario, type ScenarioDevice, type ScenarioSession, validateScenario } from './scenario';

/** Publishable key for the mock: a development key whose Frontend API is `mock.clerk.accounts.dev`. */
export const MOCK_PUBLISHABLE_KEY = `pk_test_${btoa('mock.clerk.accounts.dev$').replace(/=+$/, '')}`;

/** Origin of the Frontend API the mock sends its requests to; MSW answers them. */
export const MOCK_FRONTEND_API = 'https://mock.clerk.accounts.dev';

/** Options of {@link createMockClerk}. */
export interface MockClerkOptions {
  /** Transport for Frontend API calls; defaults to the global `fetch` at call time, so MSW can answer. */
  fetch?: typeof fetch;
  /** Called where Clerk would navigate: after sign-out, to sign-in for "add account". */
  navigate?: (to: string) => void;
  /** Sign-in URL `redirectToSignIn` / `buildSignInUrl` use. Defaults to `/sign-in`. */
  signInUrl?: string;
  /** Where `signOut()` goes when the caller gives no `redirectUrl`. Defaults to `/`. */
  afterSignOutUrl?: string;
  /** Clock for token `iat` and `lastActiveAt` after a switch. Defaults to `Date.now`. */
  now?: () => number;
}

/** What the resources Clerk emits look like; `__internal_lastEmittedResources` holds the last one. */
interface EmittedResources {
  client: ClientResource;
  session: SessionResource | null;
  user: UserResource | null;
  organization: OrganizationResource | null;
}

type Listener = (resources: EmittedResources) => void;

/** Test-only controls of a mock instance, beside the Clerk surface. */
export interface MockClerkControls {
  /** The state the mock is in now (after every confirmed operation). */
  readonly scenario: Scenario;
  /** Every URL the mock was asked to navigate to, oldest first. */
  readonly navigations: readonly string[];
  /** Replaces the state as if Clerk had learnt it from the server (e.g. a session ended elsewhere), and emits. */
  update(recipe: (current: Scenario) => Scenario): void;
  /** Emits the same state again with new resource objects, as clerk-js does after a token refresh. */
  emitUnchanged(): void;
}

/** A mock Clerk instance: the `Clerk` object for `<ClerkProvider Clerk={…}>` plus {@link MockClerkControls}. */
export type MockClerk = LoadedClerk & {
  /**
   * Loads the mock as `<ClerkProvider>` does: at once, after the scenario's delay, or never (the promise stays
   * pending). Call it yourself when using an instance without the provider.
   */
  load(): Promise<void>;
  mock: MockClerkControls;
};

function cloneScenario(s: Scenario): Scenario {
  return {
    ...s,
    sessions: s.sessions.map((entry) => ({ ...entry })),
    ...(s.devices ? { devices: [...s.devices] } : {}),
  };
}

const signedIn = (s: ScenarioSession) => s.status === 'active' || s.status === 'pending';

/**
 * Creates a fake Clerk instance that drives the REAL `<ClerkProvider>` and hooks of `@clerk/react` with no Clerk
 * account. State comes from a {@link Scenario}; every operation (`setActive`, `signOut`, `session.remove()`,
 * `end()`, `getToken()`, `user.getSessions()`, `revoke()`) first sends the request clerk-js would send, so MSW
 * (see `clerkHandlers`) decides whether it succeeds, fails or hangs. A failure rejects like Clerk, with a
 * `ClerkAPIResponseError`, and changes nothing.
 *
 * Like clerk-js, the instance keeps ONE client object and mutates it in place, emitting new session and user
 * objects on every change; a fresh instance is needed per story or test.
 *
 * @throws ScenarioError when the scenario is inconsistent.
 */
export function createMockClerk(initial: Scenario, options: MockClerkOptions = {}): MockClerk {
  let state = cloneScenario(validateScenario(initial));
  const listeners = new Set<Listener>();
  const navigations: string[] = [];
  const now = options.now ?? Date.now;
  // Like clerk-js's SessionTokenCache: one entry per session and template, valid until the token expires, cleared
  // by remove(), end() and signOut() so a signed-out session cannot keep handing out its old token.
  const tokenCache = new Map<string, { token: string; expiresAtMs: number }>();
  let loaded = false;

  const send = (endpoint: ClerkEndpoint, params: Record<string, string> = {}) => {
    const { method, path } = clerkEndpoints[endpoint];
    const url = path
      .replace(/\/:(\w+)\?/g, (_, name: string) => (params[name] ? `/${encodeURIComponent(params[name])}` : ''))
      .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    return fapiRequest(fetchImpl, MOCK_FRONTEND_API, method, url);
  };

  const navigate = async (to: string) => {
    navigations.push(to);
    options.navigate?.(to);
  };

  // One client object for the instance's life: clerk-js mutates its Client in place, so hooks that only read
  // `client` (useSessionList) do not re-render by themselves. Matching that keeps the kit honest.
  const client = {
    id: 'client_mock',
    object: 'client',
    sessions: [] as SessionResource[],
    signedInSessions: [] as SessionResource[],
    activeSessions: [] as SessionResource[],
    lastActiveSessionId: null as string | null,
    signIn: null,
    signUp: null,
  };

  const clerk = {
    loaded: false,
    status: undefined,
    version: 'mock',
    sdkMetadata: { name: 'clerk-session-kit/testing', version: 'mock' },
    instanceType: 'development',
    frontendApi: 'mock.clerk.accounts.dev',
    publishableKey: MOCK_PUBLISHABLE_KEY,
    isStandardBrowser: true,
    isSatellite: false,
    telemetry: undefined,
    client: client as unknown as ClientResource,
    session: null as SessionResource | null,
    user: null as UserResource | null,
    organization: null as OrganizationResource | null,
    __internal_lastEmittedResources: undefined as EmittedResources | undefined,
    get isSignedIn() {
      return clerk.session !== null && clerk.session.status === 'active';
    },
  } as Record<string, unknown> & {
    loaded: boolean;
    client: ClientResource;
    session: SessionResource | null;
    user: UserResource | null;
    organization: OrganizationResource | null;
    __internal_lastEmittedResources: EmittedResources | undefined;
  };

  const emit = () => {
    const at = now();
    const current = state.sessions.find((entry) => entry.id === state.currentSessionId) ?? null;
    const sessions = state.sessions.map((entry) =>
      toSessionResource(entry, toUserResource(entry.user, entry.organization, actions), actions, at),
    );
    client.sessions = sessions;
    client.signedInSessions = sessions.filter((entry) => entry.status === 'active' || entry.status === 'pending');
    client.activeSessions = sessions.filter((entry) => entry.status === 'active');
    client.lastActiveSessionId = state.currentSessionId;
    clerk.session = sessions.find((entry) => entry.id === current?.id) ?? null;
    clerk.user = clerk.session?.user ?? null;
    clerk.organization = current?.organization ? toOrganizationResource(current.organization) : null;
    const resources: EmittedResources = {
      client: clerk.client,
      session: clerk.session,
      user: clerk.user,
      organization: clerk.organization,
    };
    clerk.__internal_lastEmittedResources = resources;
    for (const listener of [...listeners]) listener(resources);
  };

  const commit = (next: Scenario) => {
    state = validateScenario(next);
    emit();
  };

  // Devices belong to the signed-in user: when nobody is current any more, there are none to list.
  const settle = (next: Scenario): Scenario =>
    next.currentSessionId === null ? { ...next, devices: undefined } : next;

  const withoutSession = (id: string): Scenario =>
    settle({
      ...state,
      sessions: state.sessions.filter((entry) => entry.id !== id),
      currentSessionId: state.currentSessionId === id ? null : state.currentSessionId,
    });

  const actions: ResourceActions = {
    async removeSession(id) {
      // clerk-js clears its token cache before the request is sent, whatever the outcome.
      tokenCache.clear();
      await send('session.remove', { sessionId: id });
      commit(withoutSession(id));
    },
    async endSession(id) {
      tokenCache.clear();
      await send('session.end', { sessionId: id });
      commit(
        settle({
          ...state,
          sessions: state.sessions.map((entry) => (entry.id === id ? { ...entry, status: 'ended' as const } : entry)),
          currentSessionId: state.currentSessionId === id ? null : state.currentSessionId,
        }),
      );
    },
    async touchSession(id) {
      await send('session.touch', { sessionId: id });
    },
    async getToken(id, tokenOptions) {
      const key = `${id}:${tokenOptions?.template ?? ''}`;
      const cached = tokenCache.get(key);
      if (cached && cached.expiresAtMs > now() && !tokenOptions?.skipCache) return cached.token;
      await send('session.getToken', {
        sessionId: id,
        ...(tokenOptions?.template ? { template: tokenOptions.template } : {}),
      });
      const target = state.sessions.find((entry) => entry.id === id);
      if (!target || !signedIn(target)) return null;
      const minted = toSessionResource(target, clerk.user as UserResource, actions, now()).lastActiveToken;
      const token = minted?.getRawString() ?? null;
      const exp = minted?.jwt?.claims.exp;
      if (token && typeof exp === 'number') tokenCache.set(key, { token, expiresAtMs: exp * 1000 });
      // A fresh token arrives with the client piggybacked: clerk-js emits new resource objects, same data.
      emit();
      return token;
    },
    async getSessions() {
      try {
        await send('user.getSessions');
      } catch {
        return null;
      }
      const current = state.sessions.find((entry) => entry.id === state.currentSessionId);
      return state.devices ?? (current ? [deviceOf(current)] : []);
    },
    async revokeDevice(id) {
      await send('session.revoke', { sessionId: id });
      const base = state.sessions.some((entry) => entry.id === id) ? withoutSession(id) : state;
      commit(base.devices ? { ...base, devices: base.devices.filter((entry) => entry.id !== id) } : base);
    },
  };

  const signOut = async (
    first?: { sessionId?: string; redirectUrl?: string } | (() => unknown),
    second?: { sessionId?: string; redirectUrl?: string },
  ) => {
    if (!loaded || state.sessions.length === 0) return;
    const opts = (typeof first === 'object' ? first : second) ?? {};
    const callback = typeof first === 'function' ? first : undefined;
    const finish = async () => {
      if (callback) await callback();
      else await navigate(opts.redirectUrl ?? options.afterSignOutUrl ?? '/');
    };
    const signedInCount = state.sessions.filter(signedIn).length;
    // Clerk signs out of everything when no session is named OR only one account is signed in; with two or
    // more, an id it does not know (such as the tutorial's 'all') matches nothing and nothing happens.
    if (!opts.sessionId || signedInCount === 1) {
      await send('signOut');
      // clerk-js's client.removeSessions() clears the token cache once the request succeeded.
      tokenCache.clear();
      commit(settle({ ...state, sessions: [], currentSessionId: null }));
      await finish();
      return;
    }
    const target = state.sessions.find((entry) => entry.id === opts.sessionId && signedIn(entry));
    if (!target) return;
    const wasCurrent = target.id === state.currentSessionId;
    await actions.removeSession(target.id);
    if (wasCurrent) await finish();
  };

  const setActive = async (params: {
    session?: SessionResource | string | null;
    organization?: unknown;
    redirectUrl?: string;
    navigate?: (args: { session: SessionResource }) => unknown;
  }) => {
    if (!loaded) throw new Error('setActive is being called before the client is loaded. Wait for init.');
    const id =
      typeof params.session === 'string' ? params.session : params.session === null ? null : params.session?.id;
    if (id === null) {
      commit(settle({ ...state, currentSessionId: null }));
      return;
    }
    const targetId = id ?? state.currentSessionId;
    const target = state.sessions.find((entry) => entry.id === targetId && signedIn(entry));
    if (!target) {
      throw new Error(`setActive: session "${targetId}" is not signed in on this client.`);
    }
    await actions.touchSession(target.id);
    const at = new Date(now());
    const devices = target.id === state.currentSessionId ? state.devices : undefined;
    commit({
      ...state,
      sessions: state.sessions.map((entry) => (entry.id === target.id ? { ...entry, lastActiveAt: at } : entry)),
      currentSessionId: target.id,
      devices,
    });
    if (params.redirectUrl) await navigate(params.redirectUrl);
    if (params.navigate && clerk.session) await params.navigate({ session: clerk.session });
  };

  const signInUrl = options.signInUrl ?? '/sign-in';
  const buildSignInUrl = (opts?: { redirectUrl?: string }) =>
    opts?.redirectUrl ? `${signInUrl}?redirect_url=${encodeURIComponent(opts.redirectUrl)}` : signInUrl;

  Object.assign(clerk, {
    load: () => {
      if (state.load === 'never') return new Promise<void>(() => undefined);
      const finishLoading = () => {
        loaded = true;
        clerk.loaded = true;
        emit();
      };
      if (state.load === 'immediate') {
        finishLoading();
        return Promise.resolve();
      }
      const { delayMs } = state.load;
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          finishLoading();
          resolve();
        }, delayMs),
      );
    },
    addListener: (listener: Listener, listenerOptions?: { skipInitialEmit?: boolean }) => {
      listeners.add(listener);
      if (loaded && clerk.__internal_lastEmittedResources && !listenerOptions?.skipInitialEmit) {
        listener(clerk.__internal_lastEmittedResources);
      }
      return () => listeners.delete(listener);
    },
    setActive,
    signOut,
    navigate,
    buildSignInUrl,
    buildAfterSignOutUrl: () => options.afterSignOutUrl ?? '/',
    redirectToSignIn: (opts?: { redirectUrl?: string }) => navigate(buildSignInUrl(opts)),
    openSignIn: () => navigate(signInUrl),
    mock: {
      get scenario() {
        return cloneScenario(state);
      },
      get navigations() {
        return [...navigations];
      },
      update(recipe: (current: Scenario) => Scenario) {
        commit(recipe(cloneScenario(state)));
      },
      emitUnchanged: emit,
    } satisfies MockClerkControls,
  });

  return clerk as unknown as MockClerk;
}

/** The entry `user.getSessions()` has for a session of this browser when a scenario lists no devices. */
function deviceOf(s: ScenarioSession): ScenarioDevice {
  return {
    id: s.id,
    status: s.status,
    lastActiveAt: s.lastActiveAt,
    expireAt: s.expireAt,
    abandonAt: s.abandonAt,
    actor: s.actor,
    latestActivity: {},
  };
}
