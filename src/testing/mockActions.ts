import type { OrganizationResource, SessionResource } from '../clerk';
import { REVOKE_REVERIFICATION, verificationAge } from '../core/reverification';
import { clerkErrorFrom, reverificationRequiredBody } from './fapi';
import type { SendRequest } from './mockEnvironment';
import { instanceSettings } from './mockEnvironment';
import type { MockNavigation } from './mockNavigation';
import { type MockState, settle, signedIn, withoutSession } from './mockState';
import { type ResourceActions, sessionClaims, templateClaims, toMockToken } from './resources';
import { openReverificationPrompt, type ReverificationModalProps } from './reverificationPrompt';
import { deviceFor, type ScenarioDevice, type ScenarioSession } from './scenario';
import type { TokenCache } from './tokenCache';

/** What the actions of a mock work with: its state and token cache, the Frontend API, its clock and navigation. */
export interface MockActionDeps {
  state: MockState;
  tokens: TokenCache;
  send: SendRequest;
  now: () => number;
  navigation: MockNavigation;
  afterSignOutUrl?: string;
}

type SignOutOptions = { sessionId?: string; redirectUrl?: string };

interface SetActiveParams {
  session?: SessionResource | string | null;
  organization?: OrganizationResource | string | null;
  redirectUrl?: string;
  navigate?: (args: { session: SessionResource }) => unknown;
}

/** The operations of a mock Clerk: each sends the request clerk-js would send, then commits what Clerk confirmed. */
export interface MockActions {
  /** What the session, user and device objects call (`remove()`, `getToken()`, `revoke()`, …). */
  resources: ResourceActions;
  signOut(first?: SignOutOptions | (() => unknown), second?: SignOutOptions): Promise<void>;
  setActive(params: SetActiveParams): Promise<void>;
  /** `clerk.__internal_openReverification()`: the mock's stand-in for Clerk's "verify it's you" modal. */
  openReverification(props?: ReverificationModalProps): void;
  closeReverification(): void;
}

/** The entry `user.getSessions()` has for a session of this browser when a scenario lists no devices. */
function deviceOf(s: ScenarioSession): ScenarioDevice {
  return { ...deviceFor(s), latestActivity: {} };
}

/** Creates the operations of a mock over its state. */
export function createMockActions(deps: MockActionDeps): MockActions {
  const { state, tokens, send, now, navigation } = deps;
  const sessionOf = (id: string) => state.scenario.sessions.find((entry) => entry.id === id);
  // The active organisation clerk-js sends with touch and session-token requests: the session's own.
  const organizationOf = (id: string) => sessionOf(id)?.organization?.id ?? null;
  const touch = (id: string, organizationId: string | null, intent?: 'select_session' | 'select_org') =>
    send('session.touch', { sessionId: id }, { body: { active_organization_id: organizationId, intent } });

  // FAPI refuses a sensitive action for a stale verification. It decides on the server; the mock decides here
  // from its own state, so this answer never reaches MSW (use `clerkReverificationRequired` to send it from a
  // handler instead).
  const needsReverification = () =>
    instanceSettings(state).reverification &&
    !verificationAge(
      REVOKE_REVERIFICATION.level,
      REVOKE_REVERIFICATION.afterMinutes,
      state.currentSession?.factorVerificationAge,
    ).fresh;

  // FAPI gives every token it mints a unique `jti`; the mock numbers them, so a fresh token always differs.
  let minted = 0;

  const resources: ResourceActions = {
    async removeSession(id) {
      // clerk-js clears its token cache before the request is sent, whatever the outcome.
      tokens.clear();
      await send('session.remove', { sessionId: id });
      state.commit(withoutSession(state.scenario, id));
    },
    async endSession(id) {
      tokens.clear();
      await send('session.end', { sessionId: id });
      const current = state.scenario;
      state.commit(
        settle({
          ...current,
          sessions: current.sessions.map((entry) => (entry.id === id ? { ...entry, status: 'ended' as const } : entry)),
          currentSessionId: current.currentSessionId === id ? null : current.currentSessionId,
        }),
      );
    },
    async touchSession(id) {
      // session.touch() called directly carries no intent; clerk-js's form encoder leaves the field out.
      await touch(id, organizationOf(id));
    },
    async getToken(id, tokenOptions, onSessionToken) {
      const template = tokenOptions?.template;
      const cached = tokenOptions?.skipCache ? undefined : tokens.get(id, template);
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
      const target = sessionOf(id);
      if (!target || !signedIn(target)) return null;
      minted += 1;
      const jti = `mock_${minted}`;
      const token = toMockToken(
        template ? templateClaims(target, template, now(), jti) : sessionClaims(target, now(), jti),
      );
      tokens.put(id, template, token);
      // FAPI answers a token request with a bare token (no piggybacked client), so nothing is rebuilt. A template
      // token is the end of it; a new SESSION token replaces the session's lastActiveToken and clerk-js emits a
      // NEW wrapper around the SAME objects, which re-renders useAuth() consumers (new claims) and nobody else.
      if (!template) {
        onSessionToken(token);
        state.republish();
      }
      return token.getRawString();
    },
    async getSessions() {
      try {
        await send('user.getSessions');
      } catch {
        return null;
      }
      const current = state.currentSession;
      return state.scenario.devices ?? (current ? [deviceOf(current)] : []);
    },
    async revokeDevice(id) {
      if (needsReverification()) throw clerkErrorFrom(403, reverificationRequiredBody());
      await send('session.revoke', { sessionId: id });
      const base = sessionOf(id) ? withoutSession(state.scenario, id) : state.scenario;
      state.commit(base.devices ? { ...base, devices: base.devices.filter((entry) => entry.id !== id) } : base);
    },
  };

  async function signOut(first?: SignOutOptions | (() => unknown), second?: SignOutOptions) {
    if (!state.loaded || state.scenario.sessions.length === 0) return;
    const opts = (typeof first === 'object' ? first : second) ?? {};
    const callback = typeof first === 'function' ? first : undefined;
    const finish = async () => {
      if (callback) await callback();
      else await navigation.navigate(opts.redirectUrl ?? deps.afterSignOutUrl ?? '/');
    };
    const signedInCount = state.scenario.sessions.filter(signedIn).length;
    // Clerk signs out of everything when no session is named OR only one account is signed in; with two or
    // more, an id it does not know (such as the tutorial's 'all') matches nothing and nothing happens.
    if (!opts.sessionId || signedInCount === 1) {
      await send('signOut');
      // clerk-js's client.removeSessions() clears the token cache once the request succeeded.
      tokens.clear();
      state.commit(settle({ ...state.scenario, sessions: [], currentSessionId: null }));
      await finish();
      return;
    }
    const target = state.scenario.sessions.find((entry) => entry.id === opts.sessionId && signedIn(entry));
    if (!target) return;
    const wasCurrent = target.id === state.scenario.currentSessionId;
    await resources.removeSession(target.id);
    if (wasCurrent) await finish();
  }

  async function setActive(params: SetActiveParams) {
    if (!state.loaded) throw new Error('setActive is being called before the client is loaded. Wait for init.');
    const id =
      typeof params.session === 'string' ? params.session : params.session === null ? null : params.session?.id;
    if (id === null) {
      state.commit(settle({ ...state.scenario, currentSessionId: null }));
      return;
    }
    const targetId = id ?? state.scenario.currentSessionId;
    const target = state.scenario.sessions.find((entry) => entry.id === targetId && signedIn(entry));
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
    const current = state.scenario;
    const devices = target.id === current.currentSessionId ? current.devices : undefined;
    state.commit({
      ...current,
      sessions: current.sessions.map((entry) => (entry.id === target.id ? { ...entry, lastActiveAt: at } : entry)),
      currentSessionId: target.id,
      devices,
    });
    if (params.redirectUrl) await navigation.navigate(params.redirectUrl);
    const session = state.resources?.session;
    if (params.navigate && session) await params.navigate({ session });
  }

  // What the verification of the stand-in prompt records: every factor the user has, verified just now.
  const verifiedNow = () => {
    const current = state.currentSession;
    if (!current) return;
    const [, second] = current.factorVerificationAge ?? [-1, -1];
    const fva: [number, number] = [0, second === -1 ? -1 : 0];
    state.commit({
      ...state.scenario,
      sessions: state.scenario.sessions.map((entry) =>
        entry.id === current.id ? { ...entry, factorVerificationAge: fva } : entry,
      ),
    });
  };
  let closePrompt: (() => void) | null = null;

  return {
    resources,
    signOut,
    setActive,
    openReverification(props = {}) {
      closePrompt?.();
      closePrompt = openReverificationPrompt(props, verifiedNow);
    },
    closeReverification() {
      closePrompt?.();
      closePrompt = null;
    },
  };
}
