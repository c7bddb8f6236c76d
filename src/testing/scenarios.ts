import { DEFAULT_INSTANCE, device, deviceFor, type Scenario, scenario, session, user } from './scenario';

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

/** Ada, the default signed-in user of the ready-made scenarios. */
const ada = () =>
  user({ id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', username: 'ada' });

function oneAccount(): Scenario {
  const current = session({ id: 'sess_ada', user: ada() });
  return scenario({ sessions: [current] });
}

function manyAccounts(): Scenario {
  const current = session({ id: 'sess_ada', user: ada(), lastActiveAt: ago(1) });
  const grace = session({
    id: 'sess_grace',
    user: user({ id: 'user_grace', firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example' }),
    lastActiveAt: ago(45),
  });
  const alan = session({
    id: 'sess_alan',
    user: user({ id: 'user_alan', firstName: 'Alan', lastName: 'Turing', email: 'alan@bletchley.example' }),
    lastActiveAt: ago(3 * 60),
  });
  const pending = session({
    id: 'sess_katherine',
    status: 'pending',
    user: user({ id: 'user_katherine', firstName: 'Katherine', lastName: 'Johnson', email: 'kj@nasa.example' }),
    lastActiveAt: ago(20),
  });
  const ended = session({
    id: 'sess_edsger',
    status: 'ended',
    user: user({ id: 'user_edsger', firstName: 'Edsger', lastName: 'Dijkstra', email: 'ewd@example.com' }),
    lastActiveAt: ago(3 * 24 * 60),
  });
  const expired = session({
    id: 'sess_barbara',
    status: 'expired',
    user: user({ id: 'user_barbara', firstName: 'Barbara', lastName: 'Liskov', email: 'liskov@example.com' }),
    lastActiveAt: ago(9 * 24 * 60),
  });
  return scenario({ sessions: [grace, current, alan, pending, ended, expired], currentSessionId: current.id });
}

function otherDevices(): Scenario {
  const current = session({ id: 'sess_ada', user: ada() });
  return scenario({
    sessions: [current],
    devices: [
      deviceFor(current, { browserName: 'Firefox', browserVersion: '145.0', deviceType: 'Windows' }),
      device({
        id: 'sess_ada_phone',
        lastActiveAt: ago(2 * 60),
        latestActivity: {
          browserName: 'Safari',
          browserVersion: '19.1',
          deviceType: 'iPhone',
          isMobile: true,
          ipAddress: '192.0.2.55',
          city: 'Paris',
          country: 'FR',
        },
      }),
      device({ id: 'sess_ada_laptop', lastActiveAt: ago(26 * 60) }),
      device({ id: 'sess_ada_unknown', lastActiveAt: ago(6 * 24 * 60), latestActivity: {} }),
    ],
  });
}

/** {@link otherDevices}, but the user last verified 30 minutes ago: Clerk asks to verify again before a revoke. */
function staleVerification(): Scenario {
  const base = otherDevices();
  return { ...base, sessions: base.sessions.map((entry) => ({ ...entry, factorVerificationAge: [30, -1] })) };
}

/** {@link oneAccount} on a single-session instance (Clerk's default): no second account can be added. */
function singleSession(): Scenario {
  return { ...oneAccount(), instance: { ...DEFAULT_INSTANCE, singleSessionMode: true } };
}

function impersonation(): Scenario {
  const current = session({ id: 'sess_ada', user: ada(), actor: { sub: 'user_support_agent' } });
  return scenario({ sessions: [current] });
}

function organizationAdmin(): Scenario {
  const current = session({
    id: 'sess_ada',
    user: ada(),
    organization: {
      id: 'org_analytical',
      slug: 'analytical-engines',
      name: 'Analytical Engines',
      role: 'org:admin',
      permissions: ['org:sys_memberships:manage', 'org:sys_profile:manage'],
    },
  });
  return scenario({ sessions: [current] });
}

/**
 * Ready-made scenarios, each a function so every story and test gets fresh objects:
 * `signedOut`, `loading` (never loads), `slowLoading` (loads after 1.5 s), `clerkFailed` (clerk-js could not load:
 * `status` `'error'`), `clerkDegraded` (`otherDevices` loaded with `status` `'degraded'`), `oneAccount`, `manyAccounts`
 * (current plus others, one pending, one ended, one expired), `otherDevices` (desktop, phone, laptop, an unknown
 * device), `staleVerification` (`otherDevices` with a verification 30 minutes old: a revoke asks to verify),
 * `singleSession` (one account on a single-session instance), `impersonation` (an `actor` on the session) and `organizationAdmin` (`org:admin`).
 */
export const scenarios = {
  signedOut: (): Scenario => scenario({ sessions: [], currentSessionId: null }),
  loading: (): Scenario => ({ ...oneAccount(), load: 'never' }),
  slowLoading: (): Scenario => ({ ...oneAccount(), load: { delayMs: 1500 } }),
  clerkFailed: (): Scenario => ({ ...oneAccount(), load: 'error' }),
  clerkDegraded: (): Scenario => ({ ...otherDevices(), load: 'degraded' }),
  oneAccount,
  manyAccounts,
  otherDevices,
  staleVerification,
  singleSession,
  impersonation,
  organizationAdmin,
} satisfies Record<string, () => Scenario>;
