import type { ClientResource, OrganizationResource, SessionResource, UserResource } from '../clerk';

/** What Clerk hands its listeners. */
export interface EmittedResources {
  client: ClientResource;
  session: SessionResource | null;
  user: UserResource | null;
  organization: OrganizationResource | null;
}

type Listener = (resources: EmittedResources) => void;

const time = (date: Date | null | undefined) => date?.getTime() ?? 0;
// clerk-js compares `jwt.claims.__raw`, the raw token it decoded; the mock's tokens carry it as getRawString().
const rawToken = (session: SessionResource) =>
  (session.lastActiveToken as { getRawString?: () => string } | null)?.getRawString?.();

function userChanged(prev: UserResource, next: UserResource): boolean {
  const [a, b] = [prev.organizationMemberships, next.organizationMemberships];
  return (
    prev.id !== next.id ||
    time(prev.updatedAt) < time(next.updatedAt) ||
    a.length !== b.length ||
    a[0]?.updatedAt !== b[0]?.updatedAt
  );
}

function sessionChanged(prev: SessionResource, next: SessionResource): boolean {
  if (prev.id !== next.id || time(prev.updatedAt) < time(next.updatedAt) || rawToken(prev) !== rawToken(next)) {
    return true;
  }
  const organizationId = prev.lastActiveOrganizationId;
  const permissions = (session: SessionResource) =>
    session.user?.organizationMemberships.find((m) => m.organization.id === organizationId)?.permissions.length;
  if (organizationId !== next.lastActiveOrganizationId || permissions(prev) !== permissions(next)) return true;
  if (!prev.user || !next.user) return !prev.user !== !next.user;
  return userChanged(prev.user, next.user);
}

const clientChanged = (prev: ClientResource, next: ClientResource) =>
  prev.id !== next.id || time(prev.updatedAt) < time(next.updatedAt) || prev.sessions.length !== next.sessions.length;

/** The previous object when clerk-js 5 judges it unchanged, else the next one. */
function keep<T>(prev: T | null, next: T | null, changed: (a: T, b: T) => boolean): T | null {
  if (!prev || !next) return prev === next ? prev : next;
  return changed(prev, next) ? next : prev;
}

/**
 * A listener as clerk-js 5 (Core 2) calls it: each listener gets the session, user and client objects it got last
 * time unless clerk-js judges them changed (id, `updatedAt`, token, active organisation and its permissions,
 * membership count); the organisation is always the new one. So after `remove()` of ANOTHER account a listener
 * gets the same session and user objects again, and Core 2's hooks, fed by such a listener, do not re-render.
 * (clerk-js 6 has the same code, but its listeners were seen getting new objects there, and Core 3's hooks read
 * the unmemoized `__internal_lastEmittedResources`; the Core 3 mock delivers as is, test/fidelity agrees.)
 */
export function memoizeListener(listener: Listener): Listener {
  let last: EmittedResources | undefined;
  return (next) => {
    const prev = last ?? next;
    last = {
      client: keep(prev.client, next.client, clientChanged) ?? next.client,
      session: keep(prev.session, next.session, sessionChanged),
      user: keep(prev.user, next.user, userChanged),
      organization: next.organization,
    };
    listener(last);
  };
}
