import { createClerkClient } from '@clerk/nextjs/server';
import type { RevocationSubject } from './types';

/** Options of `revocation.verifyWithClerk`: ask Clerk's Backend API whether the session is still active. */
export interface VerifyWithClerkOptions {
  /** How long Clerk's answer for a session is reused, in ms. Default 10 000. */
  cacheMs?: number;
  /** Backend API secret key. Default `process.env.CLERK_SECRET_KEY`. */
  secretKey?: string;
  /** Backend API URL. Default Clerk's (`https://api.clerk.com`). */
  apiUrl?: string;
}

/**
 * Asks Clerk's Backend API (`GET /v1/sessions/{id}` through `@clerk/backend`'s client) whether a session is still
 * active, for apps that cannot receive webhooks. Answers are cached per session for `cacheMs`, so a session is asked
 * about at most once per interval per process; any status but `active`, or an unknown session (404), counts as
 * revoked. Other failures reject, and the proxy applies `revocation.onError`.
 * @throws {TypeError} naming the option.
 * @internal
 */
export function clerkSessionCheck(options: VerifyWithClerkOptions): (subject: RevocationSubject) => Promise<boolean> {
  const { cacheMs = 10_000, secretKey, apiUrl } = options;
  if (!Number.isFinite(cacheMs) || cacheMs < 0)
    throw new TypeError('revocation.verifyWithClerk.cacheMs must be zero or a positive number of milliseconds.');
  const clerk = createClerkClient({
    ...(secretKey ? { secretKey } : {}),
    ...(apiUrl ? { apiUrl } : {}),
  });
  // Every answer lives equally long, so insertion order is expiry order: expired answers sit at the front.
  const answers = new Map<string, { revoked: boolean; until: number }>();

  return async ({ sessionId }) => {
    const now = Date.now();
    for (const [id, answer] of answers) {
      if (answer.until > now) break;
      answers.delete(id);
    }
    const cached = answers.get(sessionId);
    if (cached) return cached.revoked;
    let revoked: boolean;
    try {
      revoked = (await clerk.sessions.getSession(sessionId)).status !== 'active';
    } catch (error) {
      if ((error as { status?: unknown })?.status !== 404) throw error;
      revoked = true;
    }
    if (cacheMs > 0) answers.set(sessionId, { revoked, until: Date.now() + cacheMs });
    return revoked;
  };
}
