import type { MockClerk } from './createMockClerk';
import { CLERK_COOKIES, OFFLINE_SESSION_PATH, type OfflineSession } from './offlineSession';
import type { Scenario } from './scenario';

/** Reads one cookie from a `document.cookie` string. */
function cookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The payload of a JWT, unverified (the server verified it; the browser only reads who it names). */
function tokenClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * `scenario` as the server last saw it, from the Clerk cookies offline mode set (`document.cookie`): the mock's
 * state lives in memory, the cookies survive a page load, as Clerk's client survives on Clerk's servers.
 * - No `__client_uat`: a browser the app never saw, so the scenario as written (its current user signs in).
 * - `__client_uat=0`: signed out, so no accounts in this browser.
 * - A session token: its session becomes current, with its `fva` (a re-verification survives the reload).
 */
export function scenarioFromCookies(scenario: Scenario, cookies: string): Scenario {
  const clientUat = cookie(cookies, CLERK_COOKIES.clientUat);
  if (clientUat === undefined) return scenario;
  const claims = tokenClaims(cookie(cookies, CLERK_COOKIES.session) ?? '');
  const current = scenario.sessions.find((entry) => entry.id === claims?.sid && entry.user.id === claims?.sub);
  if (clientUat === '0' || !claims) return { ...scenario, sessions: [], currentSessionId: null, devices: undefined };
  if (!current || (current.status !== 'active' && current.status !== 'pending')) return scenario;
  const fva = claims.fva as [number, number] | undefined;
  return {
    ...scenario,
    currentSessionId: current.id,
    sessions: scenario.sessions.map((entry) =>
      entry.id === current.id && fva ? { ...entry, factorVerificationAge: fva } : entry,
    ),
    // A scenario's devices are its current user's: they stay only if they list the restored session.
    devices: scenario.devices?.some((entry) => entry.id === current.id) ? scenario.devices : undefined,
  };
}

/** The part of the mock's current session the server signs, or null when signed out. */
function currentSession(clerk: MockClerk): OfflineSession | null {
  const { scenario } = clerk.mock;
  const current = scenario.sessions.find((entry) => entry.id === scenario.currentSessionId);
  if (!current) return null;
  const { id, status, actor, factorVerificationAge, user, organization } = current;
  return {
    id,
    status,
    actor,
    factorVerificationAge,
    user: { id: user.id },
    organization: organization && { id: organization.id, slug: organization.slug, role: organization.role },
  };
}

/** Options of {@link syncSessionToServer}. */
export interface ServerSessionSyncOptions {
  /** Where the offline proxy answers; default `/__clerk_offline/session` (prefix your `basePath`). */
  endpoint?: string;
  /** Called once the server's session changed (switch, sign out, re-verification): re-render server parts. */
  onChange?: () => void;
}

/** A running {@link syncSessionToServer}. */
export interface ServerSessionSync {
  /** Resolves once the server has the mock's latest session (e.g. before navigating after a sign-out). */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * Reports the mock's current session to the offline proxy whenever it changes, so the server's `auth()` names
 * the same user, organisation role and `fva` as the browser's `useAuth()`. Reports go one after another, in order.
 */
export function syncSessionToServer(clerk: MockClerk, options: ServerSessionSyncOptions = {}): ServerSessionSync {
  const endpoint = options.endpoint ?? OFFLINE_SESSION_PATH;
  let last: string | undefined;
  let queue = Promise.resolve();
  const report = () => {
    const body = JSON.stringify({ session: currentSession(clerk) });
    if (body === last) return;
    last = body;
    queue = queue
      .then(async () => {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          credentials: 'same-origin',
        });
        if (!response.ok) throw new Error(`${endpoint} answered ${response.status}: ${await response.text()}`);
        const { changed } = (await response.json()) as { changed: boolean };
        if (changed) options.onChange?.();
      })
      .catch((error: unknown) => {
        // The browser and the server now disagree: say so where a developer looks.
        console.error('clerk-session-kit offline mode: the server did not take the session.', error);
      });
  };
  const unsubscribe = clerk.addListener(report);
  return { settled: () => queue, stop: unsubscribe };
}
