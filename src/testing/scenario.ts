/**
 * Scenarios are plain, typed data describing what Clerk knows at one moment: the accounts signed in in this
 * browser, the current one, and the current user's sessions on other devices. The mock Clerk and the Storybook
 * decorator both read them; builders fill in sensible defaults so a story names only what matters to it.
 */

/** Lifecycle states Clerk reports for a session (`SessionResource['status']`). */
export type SessionStatus =
  | 'active'
  | 'pending'
  | 'ended'
  | 'expired'
  | 'removed'
  | 'abandoned'
  | 'replaced'
  | 'revoked';

/** A user as the session UI shows them. */
export interface ScenarioUser {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  /** Primary email address; `null` for users who signed up with a phone number or username only. */
  email: string | null;
  /** Clerk's avatar URL; Clerk serves a generated one when the user uploaded none. */
  imageUrl: string;
  /** Whether the user uploaded an image; the kit shows initials when not. */
  hasImage: boolean;
}

/** An organisation membership that the session has active. */
export interface ScenarioOrganization {
  id: string;
  slug: string;
  name: string;
  /** Clerk role key, e.g. `org:admin`. */
  role: string;
  permissions: string[];
}

/** One session signed in in this browser (an entry of `client.sessions`). */
export interface ScenarioSession {
  id: string;
  status: SessionStatus;
  user: ScenarioUser;
  /** When the user signed in. */
  createdAt: Date;
  /** Last request made with the session; orders the switcher's accounts. */
  lastActiveAt: Date;
  /** When the session ends unless renewed (Clerk's maximum lifetime). */
  expireAt: Date;
  /** When the session ends after inactivity. */
  abandonAt: Date;
  /** Impersonation: the `act` claim of the session token. */
  actor: { sub: string } | null;
  /** The active organization, or null for a personal session. */
  organization: ScenarioOrganization | null;
  /**
   * Minutes since the first and second factor were verified (`-1`: never; Clerk's `fva`); `null` when unknown.
   * Default `[5, -1]`: verified 5 minutes ago, no second factor, so a revoke needs no new verification. Make it
   * older than 10 minutes to see the reverification step.
   */
  factorVerificationAge: [number, number] | null;
}

/** What Clerk knows of the device behind a session (`SessionActivity`). */
export interface ScenarioActivity {
  /** E.g. `'Safari'`. */
  browserName?: string;
  /** E.g. `'19.1'`; the kit shows the major version. */
  browserVersion?: string;
  /** Clerk's device name, e.g. `'iPhone'`, `'Macintosh'`, `'Windows'`; the kit derives the OS from it. */
  deviceType?: string;
  /** IPv4 or IPv6 address; masked by default in `ActiveDevices`. */
  ipAddress?: string;
  city?: string;
  country?: string;
  /** Clerk's mobile flag; decides the phone icon and kind. */
  isMobile?: boolean;
}

/** One of the current user's sessions as `user.getSessions()` lists it, on this device or another one. */
export interface ScenarioDevice {
  id: string;
  status: SessionStatus;
  lastActiveAt: Date;
  expireAt: Date;
  abandonAt: Date;
  /** Browser, device and location of the session's latest request. */
  latestActivity: ScenarioActivity;
  /** Impersonation: the `act` claim of the session token. */
  actor: { sub: string } | null;
}

/**
 * Settings of the Clerk instance (its environment's `auth_config`), as clerk-js exposes them on
 * the environment's `authConfig` (`__internal_environment` on Core 3, `__unstable__environment` on Core 2).
 */
export interface ScenarioInstance {
  /**
   * One account per browser (Clerk's default for new instances): clerk-js refuses to sign in a second account, so
   * the kit offers no "Add account". Default in scenarios: `false` (multi-session, as most kit stories show).
   */
  singleSessionMode: boolean;
  /**
   * Reverification on (Clerk's default): sensitive actions such as revoking a session answer 403
   * `session_reverification_required` unless the user verified within 10 minutes (`factorVerificationAge`).
   * Default `true`.
   */
  reverification: boolean;
}

/** The instance settings a scenario has when it names none. */
export const DEFAULT_INSTANCE: ScenarioInstance = { singleSessionMode: false, reverification: true };

/**
 * How the mock reaches the loaded state: at once, never, after a delay, or as clerk-js does when it cannot load
 * (`'error'`: `load()` rejects, the provider reports `status` `'error'` and `loaded` stays false) or loads on
 * partial data (`'degraded'`: loaded, `status` `'degraded'`, everything works).
 */
export type ScenarioLoad = 'immediate' | 'never' | 'error' | 'degraded' | { delayMs: number };

/** The whole state of a mock Clerk. Build it with {@link scenario} or take one from {@link scenarios}. */
export interface Scenario {
  /** Accounts in this browser, in the order Clerk lists them. */
  sessions: ScenarioSession[];
  /** Id of the current session; `null` when signed out. */
  currentSessionId: string | null;
  /**
   * The current user's sessions on all devices (`user.getSessions()`), including this one. `undefined` makes
   * `getSessions()` answer with just the current session.
   */
  devices?: ScenarioDevice[];
  load: ScenarioLoad;
  /** The instance's settings; {@link DEFAULT_INSTANCE} when not given. */
  instance?: ScenarioInstance;
  /**
   * The moment the scenario describes: its instants are read relative to it. The mock shows the scenario as of
   * its own clock, moving every instant by (its `now()` − `at`) when it starts, so "last active a minute ago"
   * stays a minute ago however long ago the scenario was built, and a mock on a frozen clock shows it at that
   * instant. {@link scenario} sets it to the moment it builds; without it, the instants are taken as they are.
   */
  at?: Date;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * An instant to freeze the clock at for text that never changes (absolute dates too): the kit's visual tests
 * freeze the browser's clock here (`vi.setSystemTime(SCENARIO_NOW)`), or give the mock and the kit a clock that
 * stands here (`now={() => SCENARIO_NOW.getTime()}`). Scenarios themselves are relative to the real clock.
 */
export const SCENARIO_NOW = new Date('2026-11-26T12:00:00.000Z');

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}_${counter.toString(36).padStart(6, '0')}`;
}

/** Builds a {@link ScenarioUser}; every field may be overridden. */
export function user(overrides: Partial<ScenarioUser> = {}): ScenarioUser {
  const firstName = overrides.firstName === undefined ? 'Ada' : overrides.firstName;
  const lastName = overrides.lastName === undefined ? 'Lovelace' : overrides.lastName;
  const handle = [firstName, lastName].filter(Boolean).join('.').toLowerCase() || 'user';
  return {
    id: nextId('user'),
    firstName,
    lastName,
    username: null,
    email: `${handle}@example.com`,
    imageUrl: '',
    hasImage: false,
    ...overrides,
  };
}

/** Builds a {@link ScenarioSession}: active, signed in 2 days ago, last active a minute ago, 7 days left. */
export function session(overrides: Partial<ScenarioSession> = {}): ScenarioSession {
  const now = Date.now();
  return {
    id: nextId('sess'),
    status: 'active',
    user: overrides.user ?? user(),
    createdAt: new Date(now - 2 * DAY),
    lastActiveAt: new Date(now - MINUTE),
    expireAt: new Date(now + 7 * DAY),
    abandonAt: new Date(now + 30 * DAY),
    actor: null,
    organization: null,
    factorVerificationAge: [5, -1],
    ...overrides,
  };
}

/** Builds a {@link ScenarioDevice}: an active desktop Chrome session last active an hour ago. */
export function device(overrides: Partial<ScenarioDevice> = {}): ScenarioDevice {
  const now = Date.now();
  return {
    id: nextId('sess'),
    status: 'active',
    lastActiveAt: new Date(now - 60 * MINUTE),
    expireAt: new Date(now + 7 * DAY),
    abandonAt: new Date(now + 30 * DAY),
    latestActivity: {
      browserName: 'Chrome',
      browserVersion: '142.0.0.0',
      deviceType: 'Macintosh',
      ipAddress: '203.0.113.24',
      city: 'London',
      country: 'GB',
      isMobile: false,
    },
    actor: null,
    ...overrides,
  };
}

/** The device entry `user.getSessions()` reports for a session of this browser. */
export function deviceFor(s: ScenarioSession, activity: ScenarioActivity = {}): ScenarioDevice {
  return device({
    id: s.id,
    status: s.status,
    lastActiveAt: s.lastActiveAt,
    expireAt: s.expireAt,
    abandonAt: s.abandonAt,
    actor: s.actor,
    latestActivity: {
      ...device().latestActivity,
      city: 'Berlin',
      country: 'DE',
      ipAddress: '198.51.100.7',
      ...activity,
    },
  });
}

/** Raised for a scenario that Clerk could never be in; the message names the problem. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/**
 * Checks a scenario for states Clerk could never be in and throws a {@link ScenarioError} naming the problem:
 * a current session missing from the list or not signed in, duplicate ids, or a device list without the current
 * session.
 */
export function validateScenario(s: Scenario): Scenario {
  const ids = new Set<string>();
  for (const entry of s.sessions) {
    if (ids.has(entry.id)) throw new ScenarioError(`Duplicate session id "${entry.id}" in scenario.sessions.`);
    ids.add(entry.id);
  }
  if (s.currentSessionId !== null) {
    const current = s.sessions.find((entry) => entry.id === s.currentSessionId);
    if (!current) {
      throw new ScenarioError(
        `scenario.currentSessionId "${s.currentSessionId}" is not in scenario.sessions (ids: ${[...ids].join(', ') || 'none'}).`,
      );
    }
    if (current.status !== 'active' && current.status !== 'pending') {
      throw new ScenarioError(
        `The current session "${current.id}" has status "${current.status}"; Clerk only makes active or pending sessions current.`,
      );
    }
  }
  if (s.devices) {
    const deviceIds = new Set<string>();
    for (const entry of s.devices) {
      if (deviceIds.has(entry.id))
        throw new ScenarioError(`Duplicate device session id "${entry.id}" in scenario.devices.`);
      deviceIds.add(entry.id);
    }
    if (s.currentSessionId === null) {
      throw new ScenarioError('scenario.devices is set but nobody is signed in (currentSessionId is null).');
    }
    if (!deviceIds.has(s.currentSessionId)) {
      throw new ScenarioError(
        `scenario.devices does not contain the current session "${s.currentSessionId}"; user.getSessions() always lists it.`,
      );
    }
  }
  return s;
}

/**
 * Builds and validates a scenario. With no `currentSessionId` the first active session is current; `at` is now
 * (the builders' instants are relative to the same clock) unless given.
 */
export function scenario(input: Partial<Scenario> = {}): Scenario {
  const sessions = input.sessions ?? [];
  const currentSessionId =
    input.currentSessionId !== undefined
      ? input.currentSessionId
      : (sessions.find((entry) => entry.status === 'active')?.id ?? null);
  return validateScenario({
    sessions,
    currentSessionId,
    load: input.load ?? 'immediate',
    ...(input.devices ? { devices: input.devices } : {}),
    ...(input.instance ? { instance: input.instance } : {}),
    at: input.at ?? new Date(),
  });
}
