'use client';

import {
  clerkHandlers,
  device,
  deviceFor,
  MockClerkProvider,
  scenario,
  session,
  user,
} from 'clerk-session-kit/testing';
import { type ReactNode, useEffect, useState } from 'react';

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
  id: 'sess_alan', // page.tsx points a RevokeButton at this session
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

// The mock Clerk's Frontend API calls (switch, sign out, revoke, ...) are answered in the browser by MSW's service
// worker (public/mockServiceWorker.js, from `npx msw init public`). `msw/browser` has no server build, so it is
// imported in the browser only; one start per page load, whatever React does with effects.
let worker: Promise<void> | undefined;
function startWorker(): Promise<void> {
  worker ??= import('msw/browser').then(async ({ setupWorker }) => {
    await setupWorker(...clerkHandlers).start({ onUnhandledRequest: 'bypass', quiet: true });
  });
  return worker;
}

/**
 * The mock Clerk for the kit's components below it (rendered by the server page): `<MockClerkProvider>` once the
 * worker answers Clerk's requests. In a real app this is `<ClerkProvider>` from `@clerk/nextjs` in the layout.
 */
export function MockClerk({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    startWorker().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  if (!ready) return <p aria-busy="true">Starting the mock Clerk…</p>;
  return <MockClerkProvider scenario={demo}>{children}</MockClerkProvider>;
}
