import {
  ActiveDevices,
  RevokeButton,
  SessionInfoCard,
  SessionKitProvider,
  SessionSwitcher,
  SignOutAllButton,
} from 'clerk-session-kit';
import { de } from 'clerk-session-kit/locales';
import 'clerk-session-kit/styles.css';
import { MockClerk } from './MockClerk';

export const metadata = { title: 'clerk-session-kit components (mock Clerk)' };

/**
 * A public page that demos the kit's components against the mock Clerk: no Clerk account or network needed.
 * A Server Component, as most pages are: the kit's entry is `'use client'`, so its components render here as they
 * are, inside a client provider.
 */
export default function KitPage() {
  return (
    <main data-page="kit" style={{ maxWidth: 640, margin: '2rem auto', display: 'grid', gap: '1.5rem' }}>
      <h1>clerk-session-kit in a Next.js app</h1>
      <MockClerk>
        <section aria-label="Current session">
          <SessionInfoCard />
        </section>
        <section aria-label="Accounts">
          <SessionSwitcher />
        </section>
        <section aria-label="Alan's account">
          <RevokeButton target={{ type: 'account', sessionId: 'sess_alan' }} />
        </section>
        <ActiveDevices />
        <SignOutAllButton scope="other-devices" />
        {/* A catalogue holds functions, which cannot cross from server to client as data; `clerk-session-kit/locales`
            is client code, so `de` crosses as a client reference. */}
        <section aria-label="Auf Deutsch" lang="de">
          <SessionKitProvider messages={de}>
            <SignOutAllButton scope="this-browser" />
          </SessionKitProvider>
        </section>
      </MockClerk>
    </main>
  );
}
