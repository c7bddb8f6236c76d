import { useClerkSelector } from '../clerk';
import { deepEqual } from '../core/equal';
import { EXPIRING_SOON_MS, isExpiringSoon } from '../core/time';
import { type AccountSummary, toAccountSummary } from './summaries';

/** The current session as display-ready data; see {@link useSessionInfo}. */
export interface CurrentSession extends AccountSummary {
  createdAt: Date | null;
  /** True when the session expires within `expiringSoonMs`. */
  expiringSoon: boolean;
  organization: { id: string; role: string | null } | null;
  /** Minutes since first / second factor verification (`[-1, -1]` when unknown), from Clerk. */
  factorVerificationAge: [number, number] | null;
}

/** What {@link useSessionInfo} returns. */
export type SessionInfo =
  | { status: 'loading'; session: null }
  | { status: 'signed-out'; session: null }
  | { status: 'active' | 'pending'; session: CurrentSession };

/** Options of {@link useSessionInfo}. */
export interface UseSessionInfoOptions {
  /** How long before expiry `expiringSoon` turns true. Default: 24 hours. */
  expiringSoonMs?: number;
  /** Clock, for tests and stories. Default: `Date.now`. */
  now?: () => number;
}

/**
 * The current session (loading, signed out, active or pending) with user name, identifier, avatar, created /
 * last active / expiry dates, an expiring-soon flag and impersonation. Updates whenever Clerk changes it,
 * including the in-place client mutations of clerk-js.
 */
export function useSessionInfo(options: UseSessionInfoOptions = {}): SessionInfo {
  const { expiringSoonMs = EXPIRING_SOON_MS, now = Date.now } = options;
  return useClerkSelector((clerk): SessionInfo => {
    if (!clerk.loaded) return { status: 'loading', session: null };
    const session = clerk.session;
    if (!session || (session.status !== 'active' && session.status !== 'pending')) {
      return { status: 'signed-out', session: null };
    }
    const membership = clerk.user?.organizationMemberships?.find(
      (entry) => entry.organization.id === session.lastActiveOrganizationId,
    );
    return {
      status: session.status,
      session: {
        ...toAccountSummary(session, session.id),
        createdAt: session.createdAt ?? null,
        expiringSoon: isExpiringSoon(session.expireAt, now(), expiringSoonMs),
        organization: session.lastActiveOrganizationId
          ? { id: session.lastActiveOrganizationId, role: membership?.role ?? null }
          : null,
        factorVerificationAge: session.factorVerificationAge,
      },
    };
  }, deepEqual);
}
