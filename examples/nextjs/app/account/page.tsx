import { auth } from '@clerk/nextjs/server';
import { ActiveDevices, SessionInfoCard, SessionSwitcher } from 'clerk-session-kit';
import { ClientView } from './ClientView';

export const metadata = { title: 'Your account' };

/**
 * A signed-in page: what the server knows of the session (Clerk's `auth()`, behind the proxy) beside what the
 * browser's Clerk knows (`useAuth()`), the session card, the account switcher and the user's devices.
 */
export default async function Account() {
  const { userId, sessionId, orgRole, factorVerificationAge } = await auth();
  return (
    <main data-page="account" style={{ maxWidth: 640, margin: '2rem auto', display: 'grid', gap: '1.5rem' }}>
      <h1>Your account</h1>
      <dl data-view="server">
        <dt>Server</dt>
        <dd>
          {userId} · {sessionId} · {orgRole ?? 'no organisation'} · verified {factorVerificationAge?.[0]} min ago
        </dd>
      </dl>
      <ClientView />
      <SessionInfoCard />
      <SessionSwitcher showSignOutAll />
      <ActiveDevices />
    </main>
  );
}
