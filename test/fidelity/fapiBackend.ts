import { createCheckAuthorization } from '@clerk/shared/authorization';
import type {
  ClientJSON,
  EnvironmentJSON,
  SessionJSON,
  SessionWithActivitiesJSON,
  TokenJSON,
  UserJSON,
} from '@clerk/shared/types';
import {
  DEFAULT_INSTANCE,
  type Scenario,
  type ScenarioDevice,
  type ScenarioInstance,
  type ScenarioSession,
  type SessionStatus,
} from '../../src/testing/scenario';
import { baseEnvironment } from './environment';

/**
 * A stateful, offline stand-in for Clerk's Frontend API (FAPI), built from a kit {@link Scenario}. It answers in
 * the JSON shapes `@clerk/clerk-js` parses (`ClientJSON`, `SessionJSON`, `UserJSON`, `SessionWithActivitiesJSON`,
 * `TokenJSON` from `@clerk/shared/types`), wrapped the way FAPI wraps them: `{ response, client }` for
 * mutations (clerk-js reads the piggybacked `client` and calls `updateClient`), a bare array for
 * `GET /v1/me/sessions/active` and a bare `{ object: 'token', jwt }` for token requests.
 *
 * What the server does to its own state is a model of FAPI, following Clerk's documented semantics: `end()`
 * marks a session `ended` and it stays on the client; `remove()` answers the session with status `removed` and
 * drops it from `client.sessions`; `signOut()` (DELETE /v1/client/sessions) leaves a client with no sessions; `revoke()` marks a device session `revoked`. The suite
 * cannot observe the real server offline; everything it asserts about clerk-js is what clerk-js does with
 * these answers.
 */

/** The default Frontend API host of the fake backend. */
export const FAPI_HOST = 'fake.clerk.accounts.dev';

/**
 * A development publishable key for a Frontend API host: `pk_test_` + base64(`${host}$`) without padding.
 * clerk-js derives its FAPI origin from it, so a key per test gives every instance its own host.
 */
export function publishableKeyFor(host: string): string {
  return `pk_test_${btoa(`${host}$`).replace(/=+$/, '')}`;
}

/** The development key for {@link FAPI_HOST}. */
export const FAKE_PUBLISHABLE_KEY = publishableKeyFor(FAPI_HOST);

/** One request clerk-js sent, with the method it meant (`_method` resolved) and its form body. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, string>;
}

/** A FAPI answer: HTTP status and JSON body. */
export interface FapiAnswer {
  status: number;
  body: unknown;
}

// FAPI sends instants as Unix epoch milliseconds.
const ms = (d: Date) => d.getTime();

function base64url(value: string): string {
  return btoa(value).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function jwt(claims: Record<string, unknown>): string {
  // clerk-js decodes session tokens but never verifies them in the browser, so the signature can be anything.
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'ins_fidelity' }));
  return `${header}.${base64url(JSON.stringify(claims))}.fidelity-signature`;
}

/**
 * Whether FAPI lets this session revoke a session: Clerk's reverification guide puts "revoke session" at the
 * strongest factor within 10 minutes (`second_factor`, which falls back to the first for a user without one).
 * Decided with Clerk's own check from @clerk/shared, not the kit's copy of the rule.
 */
function verifiedRecently(fva: [number, number] | null): boolean {
  return createCheckAuthorization({
    userId: 'user',
    factorVerificationAge: fva,
    orgId: undefined,
    orgRole: undefined,
    orgPermissions: undefined,
    features: '',
    plans: '',
  } as Parameters<typeof createCheckAuthorization>[0])({
    reverification: { level: 'second_factor', afterMinutes: 10 },
  });
}

/**
 * A `Token` as Clerk's spec has it: `object` and `jwt`, nothing else (`additionalProperties: false`). clerk-js's
 * `TokenJSON` type also names an `id`, which clerk-js never reads; the spec is followed here.
 */
function token(encoded: string): TokenJSON {
  return { object: 'token', jwt: encoded } as TokenJSON;
}

function notFound(what: string): FapiAnswer {
  return {
    status: 404,
    body: { errors: [{ code: 'resource_not_found', message: 'not found', long_message: `${what} not found` }] },
  };
}

/** See the module comment: a fake FAPI whose state starts as a scenario and changes as clerk-js calls it. */
export class FapiBackend {
  /** Every request clerk-js sent, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Tokens minted, in order: `{ sessionId, template, jwt }`. */
  readonly minted: { sessionId: string; template: string | null; jwt: string }[] = [];
  private sessions: ScenarioSession[];
  private devices: ScenarioDevice[];
  private lastActiveSessionId: string | null;
  private tokenCounter = 0;
  private readonly instance: ScenarioInstance;

  /**
   * @param scenario - The state to start from (copied; the scenario object is never changed).
   * @param host - The Frontend API host this backend answers for.
   */
  constructor(
    scenario: Scenario,
    readonly host: string = FAPI_HOST,
  ) {
    this.sessions = scenario.sessions.map((s) => ({ ...s }));
    this.lastActiveSessionId = scenario.currentSessionId;
    this.instance = scenario.instance ?? DEFAULT_INSTANCE;
    const current = this.sessions.find((s) => s.id === scenario.currentSessionId);
    this.devices = (
      scenario.devices ??
      (current
        ? [
            {
              id: current.id,
              status: current.status,
              lastActiveAt: current.lastActiveAt,
              expireAt: current.expireAt,
              abandonAt: current.abandonAt,
              latestActivity: {},
              actor: current.actor,
            },
          ]
        : [])
    ).map((d) => ({ ...d, latestActivity: { ...d.latestActivity } }));
  }

  /** Requests since index `from`, as `METHOD /path` strings, leaving out background token refreshes if asked. */
  calls(from = 0, { withTokens = true } = {}): string[] {
    return this.requests
      .slice(from)
      .filter((r) => withTokens || !/\/tokens(\/|$)/.test(r.path))
      .map((r) => `${r.method} ${r.path}`);
  }

  /** Status the server holds for a session of this browser. */
  statusOf(id: string): SessionStatus | undefined {
    return this.sessions.find((s) => s.id === id)?.status;
  }

  /**
   * The server ends a session of this browser without this browser asking: `revoked` (signed out from another
   * device), `expired` (lifetime reached), `abandoned` (Clerk's inactivity timeout), or `removed` (signed out in
   * another tab: it leaves the client). clerk-js learns of it only at its next request.
   */
  endElsewhere(id: string, status: 'revoked' | 'expired' | 'abandoned' | 'removed'): void {
    const s = this.sessions.find((x) => x.id === id);
    if (!s) throw new Error(`no session ${id}`);
    s.status = status as SessionStatus;
    if (this.lastActiveSessionId === id) this.lastActiveSessionId = null;
    if (status === 'removed') this.sessions = this.sessions.filter((x) => x !== s);
  }

  /** Status the server holds for a device session. */
  deviceStatusOf(id: string): SessionStatus | undefined {
    return this.devices.find((d) => d.id === id)?.status;
  }

  /**
   * What a successful verification in Clerk's "verify it's you" modal leaves on the server: the current session's
   * factors verified just now (a second factor only if the user has one).
   */
  recordVerification(): void {
    const current = this.sessions.find((s) => s.id === this.lastActiveSessionId);
    if (!current) return;
    const second = current.factorVerificationAge?.[1] ?? -1;
    current.factorVerificationAge = [0, second === -1 ? -1 : 0];
  }

  /** Answers one request; `method` is the effective method (`_method` already applied). */
  handle(method: string, path: string, query: Record<string, string>, body: Record<string, string>): FapiAnswer {
    this.requests.push({ method, path, query, body });
    const parts = path.replace(/^\/v1\//, '').split('/');
    const [a, b, c, d, e] = parts;
    if (a === 'dev_browser' && method === 'POST') {
      return { status: 200, body: { object: 'dev_browser', id: 'dvb_fidelity', token: 'dvb_fidelity' } };
    }
    if (a === 'environment') return { status: 200, body: this.environmentJSON() };
    if (a === 'client' && b === undefined) {
      if (method === 'GET') return { status: 200, body: { response: this.clientJSON(), client: null } };
      return notFound('client');
    }
    if (a === 'client' && b === 'sessions' && c === undefined && method === 'DELETE') {
      // signOut(): every signed-in account of this browser is removed; other devices are untouched.
      // Modelled as the network panel of a real app shows it after sign-out: a client with no sessions left.
      this.sessions = [];
      this.lastActiveSessionId = null;
      const client = this.clientJSON();
      return { status: 200, body: { response: client, client } };
    }
    if (a === 'client' && b === 'sessions' && c) {
      const s = this.sessions.find((x) => x.id === c);
      if (!s) return notFound(`session ${c}`);
      if (d === 'remove' || d === 'end') {
        s.status = d === 'remove' ? 'removed' : 'ended';
        const dev = this.devices.find((x) => x.id === s.id);
        if (dev) dev.status = s.status;
        if (this.lastActiveSessionId === s.id) this.lastActiveSessionId = null;
        const response = this.sessionJSON(s);
        if (d === 'remove') this.sessions = this.sessions.filter((x) => x !== s);
        return { status: 200, body: { response, client: this.clientJSON() } };
      }
      if (d === 'touch') {
        s.lastActiveAt = new Date();
        this.lastActiveSessionId = s.id;
        return { status: 200, body: { response: this.sessionJSON(s), client: this.clientJSON() } };
      }
      if (d === 'tokens') {
        if (s.status !== 'active' && s.status !== 'pending') {
          return {
            status: 401,
            // What Clerk answers for the token of a session that is no longer signed in (revoked elsewhere,
            // lifetime reached, signed out in another tab): 401 `signed_out` (clerk/javascript#954 quotes it).
            body: {
              errors: [{ code: 'signed_out', message: 'Signed out', long_message: 'You are signed out' }],
            },
          };
        }
        return { status: 200, body: { object: 'token', jwt: this.mint(s, e ?? null) } };
      }
    }
    if (a === 'me' && b === 'sessions' && c === 'active' && method === 'GET') {
      return { status: 200, body: this.devices.filter((x) => x.status === 'active').map((x) => this.deviceJSON(x)) };
    }
    if (a === 'me' && b === 'sessions' && c && d === 'revoke') {
      const dev = this.devices.find((x) => x.id === c);
      if (!dev) return notFound(`session ${c}`);
      const current = this.sessions.find((s) => s.id === this.lastActiveSessionId);
      if (this.instance.reverification && !verifiedRecently(current?.factorVerificationAge ?? null)) {
        return {
          status: 403,
          body: {
            errors: [
              {
                code: 'session_reverification_required',
                message: 'Reverification required',
                long_message: 'You need to provide additional verification to perform this operation',
                meta: {},
              },
            ],
            clerk_trace_id: 'fidelity-trace',
          },
        };
      }
      dev.status = 'revoked';
      const local = this.sessions.find((x) => x.id === c);
      if (local) local.status = 'revoked';
      return { status: 200, body: { response: this.deviceJSON(dev), client: this.clientJSON() } };
    }
    return notFound(`${method} ${path}`);
  }

  private mint(s: ScenarioSession, template: string | null): string {
    this.tokenCounter += 1;
    const iat = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = template
      ? {
          sub: s.user.id,
          iat,
          nbf: iat - 5,
          exp: iat + 60,
          iss: `https://${this.host}`,
          jti: `tpl_${this.tokenCounter}`,
          tpl: template,
        }
      : this.sessionClaims(s, iat, this.tokenCounter);
    const token = jwt(claims);
    this.minted.push({ sessionId: s.id, template, jwt: token });
    return token;
  }

  // Written out again on purpose rather than calling the mock's `sessionClaims`: this backend is the oracle the
  // mock is checked against, so a mistake in the mock's claims must not be copied into it.
  private sessionClaims(s: ScenarioSession, iat: number, n: number): Record<string, unknown> {
    return {
      v: 2,
      azp: 'http://localhost:3000',
      sub: s.user.id,
      sid: s.id,
      sts: s.status,
      iat,
      nbf: iat - 5,
      exp: iat + 60,
      iss: `https://${this.host}`,
      jti: `tok_${n}`,
      fva: s.factorVerificationAge ?? [-1, -1],
      ...(s.actor ? { act: s.actor } : {}),
      ...(s.organization
        ? { o: { id: s.organization.id, slg: s.organization.slug, rol: s.organization.role.replace(/^org:/, '') } }
        : {}),
    };
  }

  /** The environment clerk-js loads: a development instance with the scenario's instance settings. */
  environmentJSON(): EnvironmentJSON {
    return {
      ...baseEnvironment,
      auth_config: {
        ...baseEnvironment.auth_config,
        single_session_mode: this.instance.singleSessionMode,
        reverification: this.instance.reverification,
      },
    } as unknown as EnvironmentJSON;
  }

  /** The client of this browser: every session it knows, whatever its status. */
  clientJSON(): ClientJSON {
    return {
      object: 'client',
      id: 'client_fidelity',
      sessions: this.sessions.map((s) => this.sessionJSON(s)),
      sign_in: null,
      sign_up: null,
      last_active_session_id: this.lastActiveSessionId,
      last_authentication_strategy: null,
      cookie_expires_at: null,
      captcha_bypass: false,
      created_at: Date.parse('2026-11-01T00:00:00Z'),
      updated_at: Date.now(),
    };
  }

  sessionJSON(s: ScenarioSession): SessionJSON {
    const u = s.user;
    const iat = Math.floor(Date.now() / 1000);
    return {
      object: 'session',
      id: s.id,
      status: s.status,
      factor_verification_age: s.factorVerificationAge ?? [-1, -1],
      expire_at: ms(s.expireAt),
      abandon_at: ms(s.abandonAt),
      last_active_at: ms(s.lastActiveAt),
      last_active_token: token(jwt(this.sessionClaims(s, iat, 0))),
      last_active_organization_id: s.organization?.id ?? null,
      actor: s.actor as SessionJSON['actor'],
      tasks: null,
      user: this.userJSON(s),
      public_user_data: {
        first_name: u.firstName,
        last_name: u.lastName,
        image_url: u.imageUrl,
        has_image: u.hasImage,
        identifier: u.email ?? u.username ?? u.id,
        user_id: u.id,
        ...(u.username ? { username: u.username } : {}),
      },
      created_at: ms(s.createdAt),
      updated_at: ms(s.lastActiveAt),
    };
  }

  userJSON(s: ScenarioSession): UserJSON {
    const u = s.user;
    const emailId = u.email ? `idn_${u.id}` : null;
    return {
      object: 'user',
      id: u.id,
      external_id: null,
      primary_email_address_id: emailId,
      primary_phone_number_id: null,
      primary_web3_wallet_id: null,
      image_url: u.imageUrl,
      has_image: u.hasImage,
      username: u.username,
      email_addresses: u.email
        ? [
            {
              object: 'email_address',
              id: emailId as string,
              email_address: u.email,
              verification: null,
              linked_to: [],
              matches_sso_connection: false,
              reserved: false,
              created_at: ms(s.createdAt),
              updated_at: ms(s.createdAt),
            },
          ]
        : [],
      phone_numbers: [],
      web3_wallets: [],
      external_accounts: [],
      enterprise_accounts: [],
      passkeys: [],
      organization_memberships: s.organization
        ? ([
            {
              object: 'organization_membership',
              id: `orgmem_${u.id}`,
              role: s.organization.role,
              role_name: s.organization.role.replace(/^org:/, ''),
              permissions: s.organization.permissions,
              public_metadata: {},
              organization: {
                object: 'organization',
                id: s.organization.id,
                name: s.organization.name,
                slug: s.organization.slug,
                image_url: '',
                has_image: false,
                members_count: 1,
                pending_invitations_count: 0,
                public_metadata: {},
                admin_delete_enabled: true,
                max_allowed_memberships: 5,
                created_at: 0,
                updated_at: 0,
              },
              created_at: 0,
              updated_at: 0,
            },
          ] as unknown as UserJSON['organization_memberships'])
        : [],
      password_enabled: true,
      profile_image_id: '',
      first_name: u.firstName,
      last_name: u.lastName,
      totp_enabled: false,
      backup_code_enabled: false,
      two_factor_enabled: false,
      public_metadata: {},
      unsafe_metadata: {},
      last_sign_in_at: ms(s.createdAt),
      create_organization_enabled: true,
      create_organizations_limit: 0,
      saml_accounts: [],
      banned: false,
      locked: false,
      lockout_expires_in_seconds: null,
      verification_attempts_remaining: null,
      mfa_enabled_at: null,
      mfa_disabled_at: null,
      last_active_at: ms(s.lastActiveAt),
      delete_self_enabled: true,
      legal_accepted_at: null,
      timezone: null,
      updated_at: ms(s.lastActiveAt),
      created_at: ms(s.createdAt),
      // Fields of Clerk's spec that clerk-js's UserJSON type does not list (reserved, banned, …): hence the cast.
    } as unknown as UserJSON;
  }

  deviceJSON(dev: ScenarioDevice): SessionWithActivitiesJSON {
    const a = dev.latestActivity;
    const owner = this.sessions.find((s) => s.id === this.lastActiveSessionId) ?? this.sessions[0];
    const u = owner?.user;
    return {
      object: 'session',
      id: dev.id,
      status: dev.status,
      // Clerk's spec makes it a required array; the kit never reads it for other devices.
      factor_verification_age: [0, -1],
      expire_at: ms(dev.expireAt),
      abandon_at: ms(dev.abandonAt),
      last_active_at: ms(dev.lastActiveAt),
      last_active_token: token(jwt({ sid: dev.id, sts: dev.status })),
      last_active_organization_id: null,
      actor: dev.actor as SessionWithActivitiesJSON['actor'],
      tasks: null,
      public_user_data: {
        first_name: u?.firstName ?? null,
        last_name: u?.lastName ?? null,
        image_url: u?.imageUrl ?? '',
        has_image: u?.hasImage ?? false,
        identifier: u?.email ?? '',
      },
      latest_activity: {
        object: 'session_activity',
        id: `sess_activity_${dev.id}`,
        ...(a.browserName !== undefined ? { browser_name: a.browserName } : {}),
        ...(a.browserVersion !== undefined ? { browser_version: a.browserVersion } : {}),
        ...(a.deviceType !== undefined ? { device_type: a.deviceType } : {}),
        ...(a.ipAddress !== undefined ? { ip_address: a.ipAddress } : {}),
        ...(a.city !== undefined ? { city: a.city } : {}),
        ...(a.country !== undefined ? { country: a.country } : {}),
        is_mobile: a.isMobile ?? false,
      },
      created_at: ms(dev.lastActiveAt),
      updated_at: ms(dev.lastActiveAt),
      // No `user`: Clerk's spec makes it optional (an object when sent); clerk-js's type wants a key, hence the cast.
    } as unknown as SessionWithActivitiesJSON;
  }
}
