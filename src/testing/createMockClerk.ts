import type { LoadedClerk } from '../clerk';
import { createMockActions } from './mockActions';
import { createLoading, defineEnvironment, frontendApi, MOCK_INSTANCE } from './mockEnvironment';
import { createNavigation } from './mockNavigation';
import { cloneScenario, createMockState, presentAt } from './mockState';
import type { ResourceActions } from './resources';
import type { Scenario } from './scenario';
import { createTokenCache } from './tokenCache';

export { MOCK_FRONTEND_API, MOCK_PUBLISHABLE_KEY } from './mockEnvironment';

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
  /**
   * The clock the mock runs on (defaults to `Date.now`, today): it shows the scenario as of `now()` when it
   * starts (see `Scenario.at`), and stamps token `iat` and `lastActiveAt` after a switch. Give the kit the same
   * clock (`<SessionKitProvider now={…}>`); a clock standing at `SCENARIO_NOW` gives text that never changes.
   */
  now?: () => number;
}

/** Test-only controls of a mock instance, beside the Clerk surface. */
export interface MockClerkControls {
  /** The state the mock is in now (after every confirmed operation). */
  readonly scenario: Scenario;
  /** Every URL the mock was asked to navigate to, oldest first. */
  readonly navigations: readonly string[];
  /**
   * Replaces the state as if Clerk had learnt it from the server (e.g. a session ended elsewhere), and emits.
   * `current` carries the mock's own instants; a scenario the recipe builds afresh (with `at`) is shown as of the
   * mock's clock, as at the start.
   */
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

/**
 * Creates a fake Clerk instance that drives the REAL `<ClerkProvider>` and hooks of `@clerk/react` with no Clerk
 * account, on today's clock unless given another (`options.now`): a scenario built a while ago still reads
 * "last active a minute ago". State comes from a {@link Scenario} (including the instance's settings, `scenario.instance`, read by
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
  const now = options.now ?? Date.now;
  const tokens = createTokenCache(now);
  // The state builds session and user objects whose methods are the actions, which in turn change the state.
  let resourceActions: ResourceActions | undefined;
  const state = createMockState(initial, {
    now,
    tokens,
    actions: () => {
      if (!resourceActions) throw new Error('createMockClerk: emitted before its actions existed.');
      return resourceActions;
    },
  });
  const navigation = createNavigation(options);
  const actions = createMockActions({
    state,
    tokens,
    send: frontendApi(options.fetch),
    now,
    navigation,
    afterSignOutUrl: options.afterSignOutUrl,
  });
  resourceActions = actions.resources;
  const loading = createLoading(state);

  const mock: MockClerkControls = {
    get scenario() {
      return cloneScenario(state.scenario);
    },
    get navigations() {
      return [...navigation.navigations];
    },
    update(recipe) {
      state.commit(presentAt(recipe(cloneScenario(state.scenario)), now()));
    },
    emitUnchanged: () => state.emit(),
  };

  const clerk = {
    ...MOCK_INSTANCE,
    get loaded() {
      return state.loaded;
    },
    get status() {
      return loading.status;
    },
    get client() {
      return state.client;
    },
    get session() {
      return state.resources?.session ?? null;
    },
    get user() {
      return state.resources?.user ?? null;
    },
    get organization() {
      return state.resources?.organization ?? null;
    },
    get __internal_lastEmittedResources() {
      return state.resources;
    },
    get isSignedIn(): boolean {
      return state.resources?.session?.status === 'active';
    },
    load: loading.load,
    addListener: state.addListener,
    on: loading.on,
    off: loading.off,
    setActive: actions.setActive,
    signOut: actions.signOut,
    navigate: navigation.navigate,
    buildSignInUrl: navigation.buildSignInUrl,
    buildAfterSignOutUrl: navigation.buildAfterSignOutUrl,
    redirectToSignIn: navigation.redirectToSignIn,
    openSignIn: navigation.openSignIn,
    __internal_openReverification: actions.openReverification,
    __internal_closeReverification: actions.closeReverification,
    mock,
  };
  defineEnvironment(clerk, state);
  return clerk as unknown as MockClerk;
}
