import { useCallback, useEffect, useState } from 'react';
import { useClerk } from '../clerk';
import { takeSessionEndNote } from './endNotes';

/**
 * Why this tab's session ended without the user ending it here: `other-tab` (signed out in another tab or window
 * of this browser), `revoked` (signed out from another device), `expired` (the session's lifetime was reached),
 * `inactivity` (the kit's inactivity timeout, here or in another tab, or Clerk's own).
 */
export type SessionEndReason = 'other-tab' | 'revoked' | 'expired' | 'inactivity';

/** What {@link useSessionEnded} returns. */
export interface SessionEnded {
  /** Why the session ended; `null` while signed in, and when the user signed out here. */
  reason: SessionEndReason | null;
  /** Forgets the reason (the notice was read). */
  dismiss(): void;
}

/**
 * The channel clerk-js 6 itself uses between tabs: a tab that signs out posts `{ type: 'signout' }` and every other
 * tab re-reads its client (`handleUnauthenticated`). It reaches this tab while its session is still there, because
 * clerk-js here drops the session only after that re-read; in the tab that signed out, the session is gone first.
 * (test/fidelity/sessionEnded.test.tsx checks both against the real clerk-js.)
 */
const CLERK_TABS_CHANNEL = 'clerk';

/**
 * What Clerk's final status of a session that left this tab says about why. clerk-js learns it when a token
 * refresh is answered 401 `signed_out` and it re-reads the client: the session is still listed with `revoked`,
 * `expired` or `abandoned` (Clerk's server-side inactivity timeout). Signed out in this browser, it is gone.
 */
const BY_STATUS: Record<string, SessionEndReason> = {
  revoked: 'revoked',
  expired: 'expired',
  abandoned: 'inactivity',
};

/**
 * Tells why this tab's session ended, built on what Clerk reports rather than on timing: the final status Clerk
 * gives the session, clerk-js's own cross-tab sign-out message, and the reasons the kit noted when it signed the
 * session out itself (inactivity). A sign-out the user made in this tab gives no reason.
 */
export function useSessionEnded(): SessionEnded {
  const clerk = useClerk();
  const [reason, setReason] = useState<SessionEndReason | null>(null);

  useEffect(() => {
    const signedIn = () => {
      const session = clerk.loaded ? clerk.session : null;
      return session && (session.status === 'active' || session.status === 'pending') ? session.id : null;
    };
    // Plain variables, updated inside Clerk's own (synchronous) emit and the channel's message event: the order of
    // those two events is what tells another tab's sign-out from this tab's, so React's render timing stays out.
    let tracked = signedIn();
    let heardOtherTab = false;
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CLERK_TABS_CHANNEL);
    if (channel) {
      channel.onmessage = (event: MessageEvent) => {
        if ((event.data as { type?: unknown } | null)?.type === 'signout' && tracked) heardOtherTab = true;
      };
    }
    const stop = clerk.addListener(() => {
      const now = signedIn();
      if (now === tracked) return;
      const ended = tracked;
      tracked = now;
      const fromOtherTab = heardOtherTab;
      heardOtherTab = false;
      if (now || !ended) {
        setReason(null);
        return;
      }
      const noted = takeSessionEndNote(clerk, ended);
      const status = clerk.client?.sessions.find((entry) => entry.id === ended)?.status;
      if (noted) setReason(noted === 'inactivity' ? 'inactivity' : null);
      else setReason((status && BY_STATUS[status]) ?? (fromOtherTab ? 'other-tab' : null));
    });
    return () => {
      stop();
      channel?.close();
    };
  }, [clerk]);

  const dismiss = useCallback(() => setReason(null), []);
  return { reason, dismiss };
}
