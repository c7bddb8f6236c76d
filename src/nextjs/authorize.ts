import type { RecentSignIn } from './responses';

/** A signed-in session as the kit hands it to predicates and to `requireSession` callers. */
export interface VerifiedSession {
  /** Clerk user id (`sub`), e.g. `'user_2abc'`. */
  userId: string;
  /** Clerk session id (`sid`). */
  sessionId: string;
  /** Active organization, or null. */
  orgId: string | null;
  /** Role in the active organization, e.g. `'org:admin'`, or null. */
  orgRole: string | null;
  /** Slug of the active organization, or null. */
  orgSlug: string | null;
  /** Permissions in the active organization, e.g. `['org:billing:manage']`; empty without one. */
  orgPermissions: readonly string[];
  /** All verified claims of the session token. */
  claims: Readonly<Record<string, unknown>>;
  /** Minutes since the first and second factor were verified (`fva`); -1 means never. Null without the claim. */
  factorVerificationAge: readonly [number, number] | null;
}

/**
 * Who may use a route. The session passes when it has any listed role or any listed permission (when either is
 * given) and `check` (when given) returns true. Roles and permissions are checked with Clerk's `has()`, so
 * `'admin'` and `'org:admin'` are the same role.
 */
export interface AccessRule {
  /** Organization role(s), any of which passes, e.g. `'org:admin'` or `['org:admin', 'org:owner']`. */
  role?: string | readonly string[];
  /** Organization permission(s), any of which passes, e.g. `'org:billing:manage'`. */
  permission?: string | readonly string[];
  /** Any claim-based decision, e.g. `(s) => s.claims.plan === 'pro'`. Must be synchronous and side-effect free. */
  check?: (session: VerifiedSession) => boolean;
}

/** The structural slice of Clerk's auth object the kit reads; Clerk's signed-in and signed-out objects fit it. */
export interface ClerkAuthLike {
  /** Null when signed out (pending sessions count as signed out). */
  userId: string | null;
  /** Null when signed out. */
  sessionId: string | null;
  /** Active organization id, when there is one. */
  orgId?: string | null | undefined;
  /** Role in the active organization. */
  orgRole?: string | null | undefined;
  /** Slug of the active organization. */
  orgSlug?: string | null | undefined;
  /** Permissions in the active organization. */
  orgPermissions?: string[] | null | undefined;
  /** The verified session token's claims; null when signed out. */
  sessionClaims: object | null;
  /** Minutes since first and second factor verification (`fva`; -1 = never); null without the claim. */
  factorVerificationAge: [number, number] | null;
  /** Clerk's authorization check: a role, a permission, or a recent verification. */
  has(params: { role: string } | { permission: string } | { reverification: Required<RecentSignIn> }): boolean;
}

/** Outcome of checking a session against rules. */
export type Verdict =
  | { kind: 'ok' }
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden' }
  | { kind: 'reverification'; requirement: RecentSignIn };

/** Builds the {@link VerifiedSession} of a signed-in auth object. */
export function toVerifiedSession(auth: ClerkAuthLike & { userId: string; sessionId: string }): VerifiedSession {
  return {
    userId: auth.userId,
    sessionId: auth.sessionId,
    orgId: auth.orgId ?? null,
    orgRole: auth.orgRole ?? null,
    orgSlug: auth.orgSlug ?? null,
    orgPermissions: auth.orgPermissions ?? [],
    claims: (auth.sessionClaims ?? {}) as Record<string, unknown>,
    factorVerificationAge: auth.factorVerificationAge,
  };
}

const list = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

function passes(auth: ClerkAuthLike & { userId: string; sessionId: string }, rule: AccessRule): boolean {
  const roles = list(rule.role);
  const permissions = list(rule.permission);
  if (roles.length + permissions.length > 0) {
    const granted =
      roles.some((role) => auth.has({ role })) || permissions.some((permission) => auth.has({ permission }));
    if (!granted) return false;
  }
  return rule.check ? rule.check(toVerifiedSession(auth)) === true : true;
}

/** Decides what a request with `auth` may do under `rules` and an optional recent sign-in requirement. */
export function evaluate(auth: ClerkAuthLike, rules: readonly AccessRule[], recent?: RecentSignIn): Verdict {
  const { userId, sessionId } = auth;
  if (!userId || !sessionId) return { kind: 'unauthenticated' };
  const signedIn = auth as ClerkAuthLike & { userId: string; sessionId: string };
  if (!rules.every((rule) => passes(signedIn, rule))) return { kind: 'forbidden' };
  if (recent) {
    const reverification = { level: recent.level ?? 'first_factor', afterMinutes: recent.afterMinutes } as const;
    if (!auth.has({ reverification })) return { kind: 'reverification', requirement: reverification };
  }
  return { kind: 'ok' };
}

/**
 * Checks an access rule's shape at startup.
 * @throws {TypeError} naming `option` and the fix.
 */
export function validateAccessRule(rule: AccessRule, option: string): void {
  const strings = (value: unknown) =>
    value === undefined ||
    (typeof value === 'string' && value !== '') ||
    (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== ''));
  if (!strings(rule.role)) {
    throw new TypeError(`${option}.role must be a role name or a non-empty array of them, e.g. 'org:admin'.`);
  }
  if (!strings(rule.permission)) {
    throw new TypeError(
      `${option}.permission must be a permission key or a non-empty array of them, e.g. 'org:sys_memberships:manage'.`,
    );
  }
  if (rule.check !== undefined && typeof rule.check !== 'function') {
    throw new TypeError(`${option}.check must be a function (session) => boolean.`);
  }
  if (rule.role === undefined && rule.permission === undefined && rule.check === undefined) {
    throw new TypeError(
      `${option} grants access to every signed-in user: give it a role, a permission or a check, e.g. { role: 'org:admin' }.`,
    );
  }
}

/**
 * Checks a recent sign-in requirement at startup.
 * @throws {TypeError} naming `option` and the fix.
 */
export function validateRecentSignIn(value: RecentSignIn, option: string): void {
  if (!value || typeof value !== 'object' || !Number.isInteger(value.afterMinutes) || value.afterMinutes < 1) {
    throw new TypeError(
      `${option}.afterMinutes must be a positive whole number of minutes (Clerk's fva claim counts minutes), e.g. { afterMinutes: 10 }.`,
    );
  }
  if (value.level !== undefined && !['first_factor', 'second_factor', 'multi_factor'].includes(value.level)) {
    throw new TypeError(`${option}.level must be 'first_factor', 'second_factor' or 'multi_factor'.`);
  }
}
