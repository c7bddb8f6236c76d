import type { OrganizationResource, SessionResource, SessionWithActivitiesResource, UserResource } from '../clerk';
import { mintToken } from './fapi';
import { sessionIdentityClaims } from './offlineSession';
import type { ScenarioDevice, ScenarioOrganization, ScenarioSession, ScenarioUser, SessionStatus } from './scenario';

/** What a resource needs from the mock to act: each call goes over the Frontend API first. */
export interface ResourceActions {
  removeSession(id: string): Promise<void>;
  endSession(id: string): Promise<void>;
  touchSession(id: string): Promise<void>;
  /**
   * Answers `session.getToken()`. When a NEW session token is fetched (not a template, not from the cache),
   * `onSessionToken` receives it before anything is emitted, so the session object the caller holds carries it
   * as `lastActiveToken`, as clerk-js updates `this.lastActiveToken`.
   */
  getToken(
    id: string,
    options: { template?: string; skipCache?: boolean } | undefined,
    onSessionToken: (token: MockToken) => void,
  ): Promise<string | null>;
  getSessions(): Promise<ScenarioDevice[] | null>;
  revokeDevice(id: string): Promise<void>;
}

/** A `TokenResource`-shaped object: what `session.lastActiveToken` holds and `getToken()` hands out raw. */
export interface MockToken {
  jwt: { claims: Record<string, unknown>; header: Record<string, unknown> };
  getRawString(): string;
}

/** Wraps claims in a {@link MockToken} with an unsigned JWT (clerk-js never verifies tokens in the browser). */
export function toMockToken(claims: Record<string, unknown>): MockToken {
  const raw = mintToken(claims);
  // clerk-js's decoded claims carry the raw token as `__raw`; Core 2's provider re-derives useAuth() when it changes.
  return {
    jwt: { claims: { ...claims, __raw: raw }, header: { alg: 'none', typ: 'JWT', kid: 'mock' } },
    getRawString: () => raw,
  };
}

/**
 * Token claims of a session, in Clerk's v2 shape: `sub`, `sid`, `sts`, `fva`, `act`, and `o` for the active
 * organisation, which `useAuth()` turns into `orgId`, `orgRole` and `has()`. `jti` is given for tokens the mock
 * "fetches", so each one differs from the last, as every token FAPI mints does.
 */
export function sessionClaims(s: ScenarioSession, issuedAtMs: number, jti?: string): Record<string, unknown> {
  const iat = Math.floor(issuedAtMs / 1000);
  return {
    ...sessionIdentityClaims(s),
    iat,
    nbf: iat - 5,
    exp: iat + 60,
    iss: 'https://mock.clerk.accounts.dev',
    ...(jti ? { jti } : {}),
  };
}

/**
 * Claims of a JWT template token. What a template holds is up to the app; these are the default claims Clerk
 * puts in every template token (no `sid`: a template token is not a session token).
 */
export function templateClaims(
  s: ScenarioSession,
  template: string,
  issuedAtMs: number,
  jti: string,
): Record<string, unknown> {
  const iat = Math.floor(issuedAtMs / 1000);
  return {
    sub: s.user.id,
    iat,
    nbf: iat - 5,
    exp: iat + 60,
    iss: 'https://mock.clerk.accounts.dev',
    jti,
    tpl: template,
  };
}

function displayName(u: ScenarioUser): string | null {
  return [u.firstName, u.lastName].filter(Boolean).join(' ') || null;
}

/** A `UserResource`-shaped object carrying what the kit and Clerk's hooks read. */
export function toUserResource(
  u: ScenarioUser,
  organization: ScenarioOrganization | null,
  actions: ResourceActions,
): UserResource {
  const email = u.email ? { id: `idn_${u.id}`, emailAddress: u.email, toString: () => u.email } : null;
  const resource = {
    id: u.id,
    object: 'user',
    firstName: u.firstName,
    lastName: u.lastName,
    fullName: displayName(u),
    username: u.username,
    imageUrl: u.imageUrl,
    hasImage: u.hasImage,
    primaryEmailAddressId: email?.id ?? null,
    primaryEmailAddress: email,
    emailAddresses: email ? [email] : [],
    primaryPhoneNumber: null,
    phoneNumbers: [],
    primaryWeb3Wallet: null,
    web3Wallets: [],
    externalAccounts: [],
    enterpriseAccounts: [],
    passkeys: [],
    publicMetadata: {},
    unsafeMetadata: {},
    organizationMemberships: organization ? [toMembership(organization)] : [],
    twoFactorEnabled: false,
    createdAt: null,
    updatedAt: null,
    // Clerk caches the list on the User object, in this very field, and answers [] on any error; the mock does the
    // same, so code that clears the field to force a fresh request (src/clerk/userSessions.ts) works on both.
    cachedSessionsWithActivities: null as SessionWithActivitiesResource[] | null | undefined,
    getSessions: async () => {
      if (resource.cachedSessionsWithActivities) return resource.cachedSessionsWithActivities;
      const devices = await actions.getSessions();
      // clerk-js caches the [] of a failed request too (an empty array is truthy), so the same User object never
      // asks again on its own; a retry needs a new User object (the next emit) or a cleared field.
      const list = devices === null ? [] : devices.map((d) => toDeviceResource(d, actions));
      resource.cachedSessionsWithActivities = list;
      return list;
    },
  };
  return resource as unknown as UserResource;
}

function toMembership(o: ScenarioOrganization) {
  return {
    id: `orgmem_${o.id}`,
    role: o.role,
    permissions: o.permissions,
    organization: toOrganizationResource(o),
  };
}

/** An `OrganizationResource`-shaped object. */
export function toOrganizationResource(o: ScenarioOrganization): OrganizationResource {
  return { id: o.id, slug: o.slug, name: o.name, imageUrl: '', hasImage: false } as unknown as OrganizationResource;
}

/** A `SessionResource`-shaped object whose methods go through the mock's Frontend API calls. */
export function toSessionResource(
  s: ScenarioSession,
  user: UserResource,
  actions: ResourceActions,
  nowMs: number,
): SessionResource {
  const resource = {
    id: s.id,
    object: 'session',
    pathRoot: '/client/sessions',
    status: s.status as SessionStatus,
    createdAt: s.createdAt,
    updatedAt: s.lastActiveAt,
    lastActiveAt: s.lastActiveAt,
    expireAt: s.expireAt,
    abandonAt: s.abandonAt,
    actor: s.actor,
    agent: null,
    tasks: null,
    factorVerificationAge: s.factorVerificationAge,
    lastActiveOrganizationId: s.organization?.id ?? null,
    lastActiveToken: toMockToken(sessionClaims(s, nowMs)) as MockToken | null,
    user,
    publicUserData: {
      firstName: s.user.firstName,
      lastName: s.user.lastName,
      imageUrl: s.user.imageUrl,
      hasImage: s.user.hasImage,
      identifier: s.user.email ?? s.user.username ?? s.user.id,
      userId: s.user.id,
    },
    // clerk-js applies FAPI's answer to the object it was called on (`this.fromJSON(response)`) and resolves with
    // `this`: the caller's own object says 'removed' / 'ended', whatever the next emit brings.
    remove: async () => {
      await actions.removeSession(s.id);
      resource.status = 'removed';
      return resource;
    },
    end: async () => {
      await actions.endSession(s.id);
      resource.status = 'ended';
      return resource;
    },
    touch: async () => {
      await actions.touchSession(s.id);
      return resource;
    },
    getToken: (options?: { template?: string; skipCache?: boolean }) =>
      actions.getToken(s.id, options, (token) => {
        resource.lastActiveToken = token;
      }),
    checkAuthorization: () => s.organization !== null,
    clearCache: () => undefined,
  };
  return resource as unknown as SessionResource;
}

/** A `SessionWithActivitiesResource`-shaped object, as `user.getSessions()` returns them. */
export function toDeviceResource(d: ScenarioDevice, actions: ResourceActions): SessionWithActivitiesResource {
  const resource = {
    id: d.id,
    object: 'session',
    pathRoot: '/me/sessions',
    status: d.status as SessionStatus,
    lastActiveAt: d.lastActiveAt,
    expireAt: d.expireAt,
    abandonAt: d.abandonAt,
    actor: d.actor,
    // FAPI always sends is_mobile (required in Clerk's spec), so clerk-js never leaves isMobile undefined.
    latestActivity: { id: `sess_activity_${d.id}`, ...d.latestActivity, isMobile: d.latestActivity.isMobile ?? false },
    // As `remove()`: clerk-js updates the device object it was called on and resolves with that same object.
    revoke: async () => {
      await actions.revokeDevice(d.id);
      resource.status = 'revoked';
      return resource;
    },
  };
  return resource as unknown as SessionWithActivitiesResource;
}
