import { useAuth, useClerk, useSession, useSessionList, useUser } from '@clerk/react';

/** A session as the suite compares it: what a session list or header would show. */
export interface ObservedSession {
  id: string;
  status: string;
  userId: string | null;
}

/** What the real `@clerk/react` hooks expose during one render, reduced to plain data that can be compared. */
export interface Observed {
  /** `useSessionList()`: accounts in this browser, `null` until loaded. */
  sessionList: ObservedSession[] | null;
  /** `useSession()`: the current session, `null` when signed out, `undefined` while loading. */
  session: ObservedSession | null | undefined;
  /** `useUser()`: the current user. */
  user: { id: string; firstName: string | null; lastName: string | null; email: string | null } | null | undefined;
  /** `useAuth()`: what route guards and `getToken` callers read. */
  auth: {
    isLoaded: boolean;
    isSignedIn: boolean | undefined;
    sessionId: string | null | undefined;
    userId: string | null | undefined;
    orgId: string | null | undefined;
    orgRole: string | null | undefined;
    actor: unknown;
  };
  /** `useClerk().session?.id`: the instance's own notion of the current session. */
  clerkSessionId: string | null | undefined;
}

/** The Clerk calls the suite makes, taken from `useClerk()` inside the provider, as an app would. */
export interface ClerkHandle {
  setActive(params: { session: string | null }): Promise<void>;
  signOut(params?: { sessionId?: string; redirectUrl?: string }): Promise<void>;
  session: unknown;
  client: unknown;
  user: unknown;
}

/**
 * Collects what the hooks saw. `renders` counts renders of {@link Observe}; `listOnly` holds what a component
 * that reads ONLY `useSessionList()` rendered, and how often, so the suite can tell whether it re-rendered.
 */
export interface Probe {
  latest: Observed | null;
  renders: number;
  clerk: ClerkHandle | null;
  listOnly: { renders: number; sessions: ObservedSession[] | null };
}

/** Makes an empty {@link Probe}. */
export function createProbe(): Probe {
  return { latest: null, renders: 0, clerk: null, listOnly: { renders: 0, sessions: null } };
}

type SessionLike = { id: string; status: string; user?: { id: string } | null; publicUserData?: { userId?: string } };

function toObserved(s: SessionLike | null | undefined): ObservedSession | null | undefined {
  if (s === undefined) return undefined;
  if (s === null) return null;
  return { id: s.id, status: s.status, userId: s.user?.id ?? s.publicUserData?.userId ?? null };
}

/**
 * Renders what `useSession`, `useSessionList`, `useUser`, `useAuth` and `useClerk` see, as JSON text (what a user
 * would notice) and into `probe.latest` (what the suite compares). Works under any `<ClerkProvider>`.
 */
export function Observe({ probe }: { probe: Probe }) {
  const list = useSessionList();
  const { session } = useSession();
  const { user } = useUser();
  const auth = useAuth();
  const clerk = useClerk();
  const observed: Observed = {
    sessionList: list.isLoaded ? list.sessions.map((s) => toObserved(s as SessionLike) as ObservedSession) : null,
    session: toObserved(session as SessionLike | null | undefined),
    user:
      user === undefined
        ? undefined
        : user === null
          ? null
          : {
              id: user.id,
              firstName: user.firstName,
              lastName: user.lastName,
              email: user.primaryEmailAddress?.emailAddress ?? null,
            },
    auth: {
      isLoaded: auth.isLoaded,
      isSignedIn: auth.isSignedIn,
      sessionId: auth.sessionId,
      userId: auth.userId,
      orgId: auth.orgId,
      orgRole: auth.orgRole,
      actor: auth.actor,
    },
    clerkSessionId: clerk.loaded ? (clerk.session?.id ?? null) : undefined,
  };
  probe.latest = observed;
  probe.renders += 1;
  probe.clerk = clerk as unknown as ClerkHandle;
  return <pre data-testid="observed">{JSON.stringify(observed, null, 1)}</pre>;
}

/**
 * A component that reads ONLY `useSessionList()` (no `useSession`), like a naive account switcher. Whether it
 * re-renders after `session.remove()` is exactly what DESIGN.md asks the suite to establish on real clerk-js.
 */
export function SessionListOnly({ probe }: { probe: Probe }) {
  const { isLoaded, sessions } = useSessionList();
  const seen = isLoaded ? sessions.map((s) => toObserved(s as SessionLike) as ObservedSession) : null;
  probe.listOnly = { renders: probe.listOnly.renders + 1, sessions: seen };
  return (
    <ul data-testid="list-only">
      {seen?.map((s) => (
        <li key={s.id}>
          {s.id}: {s.status}
        </li>
      ))}
    </ul>
  );
}
