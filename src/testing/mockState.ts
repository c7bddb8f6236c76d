import { CLERK_CORE, type ClientResource, type SessionResource } from '../clerk';
import { type EmittedResources, memoizeListener } from './memoizeListener';
import {
  type MockToken,
  type ResourceActions,
  toOrganizationResource,
  toSessionResource,
  toUserResource,
} from './resources';
import { type Scenario, type ScenarioSession, validateScenario } from './scenario';
import type { TokenCache } from './tokenCache';

type Listener = (resources: EmittedResources) => void;

/** A deep enough copy of a scenario that a caller cannot change the mock's state through it. */
export function cloneScenario(s: Scenario): Scenario {
  return {
    ...s,
    sessions: s.sessions.map((entry) => ({ ...entry })),
    ...(s.devices ? { devices: [...s.devices] } : {}),
  };
}

/**
 * The scenario as of `nowMs`: every instant moved by (`nowMs` − `s.at`), so its times read the same relative to
 * the mock's clock as to the moment it describes. The result has no `at`: its instants are the mock's own.
 */
export function presentAt(s: Scenario, nowMs: number): Scenario {
  const { at, ...rest } = s;
  if (!at) return rest;
  const by = nowMs - at.getTime();
  const move = (date: Date) => new Date(date.getTime() + by);
  return {
    ...rest,
    sessions: rest.sessions.map((entry) => ({
      ...entry,
      createdAt: move(entry.createdAt),
      lastActiveAt: move(entry.lastActiveAt),
      expireAt: move(entry.expireAt),
      abandonAt: move(entry.abandonAt),
    })),
    ...(rest.devices
      ? {
          devices: rest.devices.map((entry) => ({
            ...entry,
            lastActiveAt: move(entry.lastActiveAt),
            expireAt: move(entry.expireAt),
            abandonAt: move(entry.abandonAt),
          })),
        }
      : {}),
  };
}

/** Whether Clerk counts the session as signed in on this client. */
export const signedIn = (s: ScenarioSession) => s.status === 'active' || s.status === 'pending';

/** Devices belong to the signed-in user: when nobody is current any more, there are none to list. */
export const settle = (next: Scenario): Scenario =>
  next.currentSessionId === null ? { ...next, devices: undefined } : next;

/** The scenario without one session (and without the devices, when it was the current one). */
export const withoutSession = (s: Scenario, id: string): Scenario =>
  settle({
    ...s,
    sessions: s.sessions.filter((entry) => entry.id !== id),
    currentSessionId: s.currentSessionId === id ? null : s.currentSessionId,
  });

/**
 * What one mock instance knows: its scenario, whether it has loaded, and the Clerk objects it last emitted, with
 * the listeners it emits to. Every change goes through {@link MockState.commit}, which emits.
 */
export interface MockState {
  /** The scenario now; replace it with {@link MockState.commit}, never in place. */
  readonly scenario: Scenario;
  /** The current session of the scenario, if anyone is signed in. */
  readonly currentSession: ScenarioSession | undefined;
  /** Whether `load()` has finished: listeners get nothing before. */
  loaded: boolean;
  /** The one client object, mutated in place on every emit as clerk-js does. */
  readonly client: ClientResource;
  /** What was emitted last (`__internal_lastEmittedResources`). */
  readonly resources: EmittedResources | undefined;
  /** Validates and stores the next scenario, then emits. */
  commit(next: Scenario): void;
  /** Emits the scenario as new session, user and organisation objects around the same client. */
  emit(): void;
  /** Emits a new wrapper around the SAME objects, as clerk-js does after a new session token. */
  republish(): void;
  /**
   * Clerk's `addListener`: Core 2 (clerk-js 5) takes no options, always hands the last resources at once and
   * memoizes what each listener gets; Core 3 honours `skipInitialEmit`.
   */
  addListener(listener: Listener, options?: { skipInitialEmit?: boolean }): () => void;
}

/** Creates the state of a mock instance from its first scenario, shown as of `deps.now()` (see {@link presentAt}). */
export function createMockState(
  initial: Scenario,
  deps: { now: () => number; tokens: TokenCache; actions: () => ResourceActions },
): MockState {
  let scenario = cloneScenario(presentAt(validateScenario(initial), deps.now()));
  let resources: EmittedResources | undefined;
  const listeners = new Set<Listener>();
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

  const publish = (next: EmittedResources) => {
    resources = next;
    for (const listener of [...listeners]) listener(next);
  };

  const state: MockState = {
    get scenario() {
      return scenario;
    },
    get currentSession() {
      return scenario.sessions.find((entry) => entry.id === scenario.currentSessionId);
    },
    loaded: false,
    client: client as unknown as ClientResource,
    get resources() {
      return resources;
    },
    commit(next) {
      scenario = validateScenario(next);
      state.emit();
    },
    emit() {
      const at = deps.now();
      const actions = deps.actions();
      const current = state.currentSession;
      const sessions = scenario.sessions.map((entry) =>
        toSessionResource(entry, toUserResource(entry.user, entry.organization, actions), actions, at),
      );
      client.sessions = sessions;
      client.signedInSessions = sessions.filter((entry) => entry.status === 'active' || entry.status === 'pending');
      client.activeSessions = sessions.filter((entry) => entry.status === 'active');
      client.lastActiveSessionId = scenario.currentSessionId;
      const session = sessions.find((entry) => entry.id === current?.id) ?? null;
      for (const entry of client.signedInSessions) {
        const own = entry.lastActiveToken as unknown as MockToken | null;
        if (own) deps.tokens.seed(entry.id, own);
      }
      publish({
        client: state.client,
        session,
        user: session?.user ?? null,
        organization: current?.organization ? toOrganizationResource(current.organization) : null,
      });
    },
    republish() {
      publish({
        client: state.client,
        session: resources?.session ?? null,
        user: resources?.user ?? null,
        organization: resources?.organization ?? null,
      });
    },
    addListener(listener, options) {
      const deliver = CLERK_CORE === 2 ? memoizeListener(listener) : listener;
      listeners.add(deliver);
      const emitAtOnce = CLERK_CORE === 2 || !options?.skipInitialEmit;
      if (state.loaded && resources && emitAtOnce) deliver(resources);
      return () => listeners.delete(deliver);
    },
  };
  return state;
}
