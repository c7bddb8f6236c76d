import type { ScenarioOrganization, ScenarioSession, ScenarioUser } from './scenario';

/**
 * What the browser's mock Clerk and the server's offline mode share: where the browser reports its current
 * session, the cookies clerk-js would set for it, and the part of a scenario session the server signs.
 * Framework-free, so both the client entry and `clerk-session-kit/testing/server` import it.
 */

/** Path (after the app's `basePath`) where the offline proxy answers the browser's session reports. */
export const OFFLINE_SESSION_PATH = '/__clerk_offline/session';

/** The cookies clerk-js sets on the app's domain, which `clerkMiddleware` reads. */
export const CLERK_COOKIES = {
  /** The session token (a JWT); readable by scripts, as clerk-js writes it. */
  session: '__session',
  /** When the client last changed, in seconds; `0` means signed out. */
  clientUat: '__client_uat',
  /** A development instance's browser token: without it `clerkMiddleware` sends a page load to Clerk's handshake. */
  devBrowser: '__clerk_db_jwt',
} as const;

/** The part of a {@link ScenarioSession} a session token carries: who, which organisation role, how recent a sign-in. */
export type OfflineSession = Pick<ScenarioSession, 'id' | 'status' | 'actor' | 'factorVerificationAge'> & {
  user: Pick<ScenarioUser, 'id'>;
  organization: Pick<ScenarioOrganization, 'id' | 'slug' | 'role'> | null;
};

/**
 * What a Clerk session token says about its session (`sub`, `sid`, `sts`, `fva`, `act`, `o`): the one mapping the
 * mock's tokens and offline mode's signed tokens share, so the browser and the server read the same user.
 */
export function sessionIdentityClaims(session: OfflineSession) {
  const { organization } = session;
  return {
    v: 2,
    sub: session.user.id,
    sid: session.id,
    sts: session.status,
    fva: session.factorVerificationAge ?? [-1, -1],
    ...(session.actor ? { act: session.actor } : {}),
    ...(organization
      ? { o: { id: organization.id, slg: organization.slug, rol: organization.role.replace(/^org:/, '') } }
      : {}),
  };
}
