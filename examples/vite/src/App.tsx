import { ActiveDevices, RevokeButton, SessionInfoCard, SessionSwitcher, SignOutAllButton } from 'clerk-session-kit';
import { device, deviceFor, MockClerkProvider, scenario, session, user } from 'clerk-session-kit/testing';

// Two accounts signed in in this browser (Ada is current), and Ada signed in on two other devices.
const ada = session({
  id: 'sess_ada',
  user: user({ id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }),
});
const grace = session({
  id: 'sess_grace',
  user: user({ id: 'user_grace', firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example' }),
});
const alan = session({
  id: 'sess_alan',
  user: user({ id: 'user_alan', firstName: 'Alan', lastName: 'Turing', email: 'alan@bletchley.example' }),
});

const demo = scenario({
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

export function App() {
  return (
    <MockClerkProvider scenario={demo}>
      <main style={{ maxWidth: 640, margin: '2rem auto', display: 'grid', gap: '1.5rem' }}>
        <h1>clerk-session-kit in a Vite app</h1>
        <section aria-label="Current session">
          <SessionInfoCard />
        </section>
        <section aria-label="Accounts">
          <SessionSwitcher />
        </section>
        <section aria-label="Alan's account">
          <RevokeButton target={{ type: 'account', sessionId: alan.id }} />
        </section>
        <ActiveDevices />
        <SignOutAllButton scope="other-devices" />
      </main>
    </MockClerkProvider>
  );
}
