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

export const metadata = { title: 'clerk-session-kit components' };

/**
 * A public page with the kit's components, on whatever Clerk the layout provides (offline: the mock Clerk).
 * A Server Component, as most pages are: the kit's entry is `'use client'`, so its components render here as they
 * are.
 */
export default function KitPage() {
  return (
    <main data-page="kit" style={{ maxWidth: 640, margin: '2rem auto', display: 'grid', gap: '1.5rem' }}>
      <h1>clerk-session-kit in a Next.js app</h1>
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
    </main>
  );
}
