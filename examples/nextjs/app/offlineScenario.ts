import { device, deviceFor, scenario, session, user } from 'clerk-session-kit/testing';

const ada = session({
  id: 'sess_ada',
  user: user({ id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }),
  organization: { id: 'org_acme', slug: 'acme', name: 'Acme', role: 'org:admin', permissions: [] },
  factorVerificationAge: [2, -1],
});
const grace = session({
  id: 'sess_grace',
  user: user({ id: 'user_grace', firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example' }),
  organization: { id: 'org_acme', slug: 'acme', name: 'Acme', role: 'org:member', permissions: [] },
});
const alan = session({
  id: 'sess_alan', // app/kit/page.tsx points a RevokeButton at this session
  user: user({ id: 'user_alan', firstName: 'Alan', lastName: 'Turing', email: 'alan@bletchley.example' }),
});

/**
 * Who is signed in offline: three accounts in this browser, Ada current, an admin of Acme who signed in two minutes
 * ago (so /admin lets her in), signed in on two other devices too. Imported by client code only (OfflineClerk.tsx):
 * everything the 'use client' testing entry exports is a client reference in a Server Component.
 */
export const offlineScenario = scenario({
  sessions: [ada, grace, alan],
  currentSessionId: ada.id,
  devices: [
    deviceFor(ada, { browserName: 'Firefox', browserVersion: '145.0', deviceType: 'Windows' }),
    device({
      id: 'sess_ada_phone',
      latestActivity: { browserName: 'Safari', browserVersion: '19.1', deviceType: 'iPhone', isMobile: true },
    }),
    device({
      id: 'sess_ada_laptop',
      latestActivity: { browserName: 'Chrome', browserVersion: '142.0', deviceType: 'Macintosh' },
    }),
  ],
});
