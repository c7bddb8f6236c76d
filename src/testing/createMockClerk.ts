import {
  CLERK_CORE,
  type ClerkLoadStatus,
  type ClientResource,
  ENVIRONMENT_PROPERTY,
  type LoadedClerk,
  type OrganizationResource,
  type SessionResource,
  type UserResource,
} from '../clerk';
import { REVOKE_REVERIFICATION, verificationAge } from '../core/reverification';
import {
  type ClerkEndpoint,
  clerkEndpoints,
  clerkErrorFrom,
  type FapiRequestOptions,
  fapiRequest,
  reverificationRequiredBody,
} from './fapi';
import { type EmittedResources, memoizeListener } from './memoizeListener';
import {
  type MockToken,
  type ResourceActions,
  sessionClaims,
  templateClaims,
  toMockToken,
  toOrganizationResource,
  toSessionResource,
  toUserResource,
} from './resources';
import { openReverificationPrompt, type ReverificationModalProps } from './reverificationPrompt';
import {
  DEFAULT_INSTANCE,
  deviceFor,
  type Scenario,
  type ScenarioDevice,
  type ScenarioSession,
  validateScenario,
} from './scenario';

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

type Listener = (resources: EmittedResources) => void;
type StatusListener = (status: ClerkLoadStatus) => void;

/** Test-only controls of a mock instance, beside the Clerk surface. */
export interface MockClerkControls {
  /** The state the mock is in now (after every confirmed operation). */
  readonly scenario: Scenario;
  /** Every URL the mock was asked to navigate to, oldest first. */
  readonly navigations: readonly string[];
  /** Replaces the state as if Clerk had learnt it from the server (e.g. a session ended elsewhere), and emits. */
  update(recipe: (current: Scenario) => Scenario): void;
  /**
   * Emits the same state again with new session and user objects (the same client), as clerk-js does whenever
   * FAPI piggybacks an unchanged client on an answer (e.g. a `touch`). A new User object also forgets its cached
   * `getSessions()` list. (A token refresh emits differently: see `session.getToken()`.)
   */
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
 * account. State comes from a {@link Scenario} (including the instance's settings, `scenario.instance`, read by
 * the kit from the environment's `authConfig`, under clerk-js's name for it: `ENVIRONMENT_PROPERTY`); every operation (`setActive`, `signOut`, `session.remove()`,
 * `end()`, `getToken()`, `user.getSessions()`, `revoke()`) first sends the request clerk-js would send, so MSW
 * (see `clerkHandlers`) decides whether it succeeds, fails or hangs. A failure rejects like Clerk, with a
 * `ClerkAPIResponseError`, and changes nothing.
 *
 * Reverification as Clerk does it: with `instance.reverification` on (the default) and the current session's
 * `factorVerificationAge` older than 10 minutes, `revoke()` rejects with a 403 `session_reverification_required`
 * `ClerkAPIResponseError`; `clerk.__internal_openReverification()` (what Clerk's `useReverification` opens) shows
 * a small stand-in prompt whose Verify records a verification made just now.
 *
 * Like clerk-js, the instance keeps ONE client object and mutates it in place, emitting new session and user
 * objects on every change; a fresh instance is needed per story or test. Tokens follow clerk-js's cache:
 * `getToken()` is first answered from the session's `lastActiveToken` (no request); `getToken({ template })`
 * asks once per template and token lifetime and emits nothing; `getToken({ skipCache: true })` asks for a new
 * session token, puts it on the session object it was called on, and emits a new resources wrapper around the
 * SAME client, session and user objects (so `useAuth()` consumers re-render, `useSession()`/`useUser()` ones
 * do not).
 *
 * `setActive({ organization })` sends the organisation in the touch body as Clerk does, but a scenario session
 * has exactly one organisation (or none), so the mock does not switch the active organisation.
 *
 * @throws ScenarioError when the scenario is inconsistent.
 */
export function createMockClerk(initial: Scenario, options: MockClerkOptions = {}): MockClerk {
  let state = cloneScenario(validateScenario(initial));
  const listeners = new Set<Listener>();
  const navigations: string[] = [];
  const now = options.now ?? Date.now;
  // Like clerk-js's SessionTokenCache: one entry per session and template, valid until the token expires, cleared
  // by remove(), end() and signOut() so a signed-out session cannot keep handing out its old token. Every emit
  // seeds it with each signed-in session's own token, as each new clerk-js Session object hydrates the cache from
  // its `last_active_token` (without replacing a live entry): that is why a first getToken() sends nothing.
  const tokenCache = new Map<string, { token: string; expiresAtMs: number }>();
  const cacheKey = (sessionId: string, template?: string) => `${sessionId}:${template ?? ''}`;
  const cacheToken = (key: string, token: MockToken) => {
    const exp = token.jwt.claims.exp;
    if (typeof exp === 'number') tokenCache.set(key, { token: token.getRawString(), expiresAtMs: exp * 1000 });
  };
  const cachedToken = (key: string) => {
    const entry = tokenCache.get(key);
    if (entry && entry.expiresAtMs > now()) return entry.token;
    tokenCache.delete(key);
    return undefined;
  };
  // FAPI gives every token it mints a unique `jti`; the mock numbers them, so a fresh token always differs.
  let minted = 0;
  let loaded = false;
  const statusListeners = new Set<StatusListener>();
  const setStatus = (status: ClerkLoadStatus) => {
    clerk.status = status;
    for (const listener of statusListeners) listener(status);
  };

  const send = (endpoint: ClerkEndpoint, params: Record<string, string> = {}, request: FapiRequestOptions = {}) => {
    const { method, path } = clerkEndpoints[endpoint];
    const url = path
      .replace(/\/:(\w+)\?/g, (_, name: string) => (params[name] ? `/${encodeURIComponent(params[name])}` : ''))
      .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    return fapiRequest(fetchImpl, MOCK_FRONTEND_API, method, url, request);
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
    status: 'loading',
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

  const publish = (resources: EmittedResources) => {
    clerk.__internal_lastEmittedResources = resources;
    for (const listener of [...listeners]) listener(resources);
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
    for (const entry of client.signedInSessions) {
      const key = cacheKey(entry.id);
      const own = entry.lastActiveToken as unknown as MockToken | null;
      if (own && cachedToken(key) === undefined) cacheToken(key, own);
    }
    publish({ client: clerk.client, session: clerk.session, user: clerk.user, organization: clerk.organization });
  };

  // The active organisation clerk-js sends with touch and session-token requests: the session's own.
  const organizationOf = (id: string) => state.sessions.find((entry) => entry.id === id)?.organization?.id ?? null;

  const touch = (id: string, organizationId: string | null, intent?: 'select_session' | 'select_org') =>
    send('session.touch', { sessionId: id }, { body: { active_organization_id: organizationId, intent } });

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
      // session.touch() called directly carries no intent; clerk-js's form encoder leaves the field out.
      await touch(id, organizationOf(id));
    },
    async getToken(id, tokenOptions, onSessionToken) {
      const template = tokenOptions?.template;
      const key = cacheKey(id, template);
      const cached = tokenOptions?.skipCache ? undefined : cachedToken(key);
      if (cached !== undefined) return cached;
      // A session-token request names the active organisation; a template request sends no body.
      await send(
        'session.getToken',
        { sessionId: id, ...(template ? { template } : {}) },
        template
          ? {}
          : {
              body: { organization_id: organizationOf(id) },
              ...(tokenOptions?.skipCache ? { search: { debug: 'skip_cache' } } : {}),
            },
      );
      const target = state.sessions.find((entry) => entry.id === id);
      if (!target || !signedIn(target)) return null;
      minted += 1;
      const jti = `mock_${minted}`;
      const token = toMockToken(
        template ? templateClaims(target, template, now(), jti) : sessionClaims(target, now(), jti),
      );
      cacheToken(key, token);
      // FAPI answers a token request with a bare token (no piggybacked client), so nothing is rebuilt. A template
      // token is the end of it; a new SESSION token replaces the session's lastActiveToken and clerk-js emits a
      // NEW wrapper around the SAME objects, which re-renders useAuth() consumers (new claims) and nobody else.
      if (!template) {
        onSessionToken(token);
        publish({ client: clerk.client, session: clerk.session, user: clerk.user, organization: clerk.organization });
      }
      return token.getRawString();
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
      // FAPI refuses a sensitive action for a stale verification. It decides on the server; the mock decides here
      // from its own state, so this answer never reaches MSW (use `clerkReverificationRequired` to send it from
      // a handler instead).
      if (needsReverification()) throw clerkErrorFrom(403, reverificationRequiredBody());
      await send('session.revoke', { sessionId: id });
      const base = state.sessions.some((entry) => entry.id === id) ? withoutSession(id) : state;
      commit(base.devices ? { ...base, devices: base.devices.filter((entry) => entry.id !== id) } : base);
    },
  };

  const instanceSettings = () => state.instance ?? DEFAULT_INSTANCE;
  const currentSession = () => state.sessions.find((entry) => entry.id === state.currentSessionId);
  const needsReverification = () =>
    instanceSettings().reverification &&
    !verificationAge(
      REVOKE_REVERIFICATION.level,
      REVOKE_REVERIFICATION.afterMinutes,
      currentSession()?.factorVerificationAge,
    ).fresh;

  // What the verification of the stand-in prompt records: every factor the user has, verified just now.
  const verifiedNow = () => {
    const current = currentSession();
    if (!current) return;
    const [, second] = current.factorVerificationAge ?? [-1, -1];
    const fva: [number, number] = [0, second === -1 ? -1 : 0];
    commit({
      ...state,
      sessions: state.sessions.map((entry) =>
        entry.id === current.id ? { ...entry, factorVerificationAge: fva } : entry,
      ),
    });
  };
  let closePrompt: (() => void) | null = null;

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
    organization?: OrganizationResource | string | null;
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
    // As clerk-js: naming an organisation (even null) makes it an organisation switch (`select_org`), resolved
    // from an id, a slug of one of the user's organisations, or a resource; otherwise the session's own is sent.
    const named = params.organization;
    const organizationId =
      named === undefined
        ? (target.organization?.id ?? null)
        : named === null
          ? null
          : typeof named === 'string'
            ? named.startsWith('org_')
              ? named
              : target.organization?.slug === named
                ? target.organization.id
                : null
            : named.id;
    await touch(target.id, organizationId, named === undefined ? 'select_session' : 'select_org');
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
      if (state.load === 'error') {
        setStatus('error');
        return Promise.reject(new Error('ClerkJS: Something went wrong initializing Clerk.'));
      }
      const finishLoading = () => {
        loaded = true;
        clerk.loaded = true;
        setStatus(state.load === 'degraded' ? 'degraded' : 'ready');
        emit();
      };
      if (state.load === 'immediate' || state.load === 'degraded') {
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
    // clerk-js 5 (Core 2) takes no options, always emits at once, and memoizes what each listener gets.
    addListener: (listener: Listener, listenerOptions?: { skipInitialEmit?: boolean }) => {
      const deliver = CLERK_CORE === 2 ? memoizeListener(listener) : listener;
      listeners.add(deliver);
      const emitAtOnce = CLERK_CORE === 2 || !listenerOptions?.skipInitialEmit;
      if (loaded && clerk.__internal_lastEmittedResources && emitAtOnce) deliver(clerk.__internal_lastEmittedResources);
      return () => listeners.delete(deliver);
    },
    // clerk-js's `status` event; `notify` hands a new listener the current status at once, as clerk-js does.
    on: (event: string, handler: StatusListener, onOptions?: { notify?: boolean }) => {
      if (event !== 'status') return;
      statusListeners.add(handler);
      if (onOptions?.notify) handler(clerk.status as ClerkLoadStatus);
    },
    off: (event: string, handler: StatusListener) => {
      if (event === 'status') statusListeners.delete(handler);
    },
    setActive,
    signOut,
    navigate,
    buildSignInUrl,
    buildAfterSignOutUrl: () => options.afterSignOutUrl ?? '/',
    redirectToSignIn: (opts?: { redirectUrl?: string }) => navigate(buildSignInUrl(opts)),
    openSignIn: () => navigate(signInUrl),
    __internal_openReverification: (props: ReverificationModalProps = {}) => {
      closePrompt?.();
      closePrompt = openReverificationPrompt(props, verifiedNow);
    },
    __internal_closeReverification: () => {
      closePrompt?.();
      closePrompt = null;
    },
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

  // clerk-js reads its instance settings from the environment it loaded; the mock from the scenario (a getter:
  // `mock.update()` may change them).
  Object.defineProperty(clerk, ENVIRONMENT_PROPERTY, {
    get: () => {
      const { singleSessionMode, reverification } = instanceSettings();
      return { authConfig: { singleSessionMode, reverification } };
    },
  });

  return clerk as unknown as MockClerk;
}

/** The entry `user.getSessions()` has for a session of this browser when a scenario lists no devices. */
function deviceOf(s: ScenarioSession): ScenarioDevice {
  return { ...deviceFor(s), latestActivity: {} };
}
