import type { OrganizationResource, SessionResource, SessionWithActivitiesResource, UserResource } from '../clerk';
import { mintToken } from './fapi';
import type { ScenarioDevice, ScenarioOrganization, ScenarioSession, ScenarioUser } from './scenario';

/** What a resource needs from the mock to act: each call goes over the Frontend API first. */
export interface ResourceActions {
  removeSession(id: string): Promise<void>;
  endSession(id: string): Promise<void>;
  touchSession(id: string): Promise<void>;
  getToken(id: string, options?: { template?: string; skipCache?: boolean }): Promise<string | null>;
  getSessions(): Promise<ScenarioDevice[] | null>;
  revokeDevice(id: string): Promise<void>;
}

/**
 * Token claims of a session, in Clerk's v2 shape: `sub`, `sid`, `sts`, `fva`, `act`, and `o` for the active
 * organisation, which `useAuth()` turns into `orgId`, `orgRole` and `has()`.
 */
export function sessionClaims(s: ScenarioSession, issuedAtMs: number): Record<string, unknown> {
  const iat = Math.floor(issuedAtMs / 1000);
  return {
    v: 2,
    sub: s.user.id,
    sid: s.id,
    sts: s.status,
    iat,
    nbf: iat - 5,
    exp: iat + 60,
    iss: 'https://mock.clerk.accounts.dev',
    fva: s.factorVerificationAge ?? [-1, -1],
    ...(s.actor ? { act: s.actor } : {}),
    ...(s.organization
      ? { o: { id: s.organization.id, slg: s.organization.slug, rol: s.organization.role.replace(/^org:/, '') } }
      : {}),
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
  const claims = sessionClaims(s, nowMs);
  const raw = mintToken(claims);
  const resource = {
    id: s.id,
    object: 'session',
    pathRoot: '/client/sessions',
    status: s.status,
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
    lastActiveToken: { jwt: { claims, header: { alg: 'none', typ: 'JWT' } }, getRawString: () => raw },
    user,
    publicUserData: {
      firstName: s.user.firstName,
      lastName: s.user.lastName,
      imageUrl: s.user.imageUrl,
      hasImage: s.user.hasImage,
      identifier: s.user.email ?? s.user.username ?? s.user.id,
      userId: s.user.id,
    },
    remove: async () => {
      await actions.removeSession(s.id);
      return resource;
    },
    end: async () => {
      await actions.endSession(s.id);
      return resource;
    },
    touch: async () => {
      await actions.touchSession(s.id);
      return resource;
    },
    getToken: (options?: { template?: string; skipCache?: boolean }) => actions.getToken(s.id, options),
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
    status: d.status,
    lastActiveAt: d.lastActiveAt,
    expireAt: d.expireAt,
    abandonAt: d.abandonAt,
    actor: d.actor,
    latestActivity: { id: `sess_activity_${d.id}`, ...d.latestActivity },
    revoke: async () => {
      await actions.revokeDevice(d.id);
      return { ...resource, status: 'revoked' };
    },
  };
  return resource as unknown as SessionWithActivitiesResource;
}
