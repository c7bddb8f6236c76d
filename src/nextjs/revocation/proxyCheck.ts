import type { NextResponse } from 'next/server';
import type { ClerkAuthLike } from '../authorize';
import { compilePatterns, type PathPredicate } from '../matcher';
import { revocationUnavailableResponse, type SessionErrorBody } from '../responses';
import { throttledLog } from '../throttledLog';
import { clerkSessionCheck, type VerifyWithClerkOptions } from './clerkBackend';
import type { RevocationList, RevocationSubject } from './types';

/** Revocation for `sessionProxy`: a session on the list is signed out on the routes it covers. */
export interface RevocationOptions {
  /** The list to check: `redisRevocationList` behind several instances, `memoryRevocationList` in one process. */
  list?: RevocationList;
  /**
   * Also ask Clerk's Backend API whether the session is still active (cached `cacheMs`, default 10 s): for apps that
   * cannot receive webhooks, or for the most sensitive routes (set `routes`). Costs a call to Clerk per session and
   * interval.
   */
  verifyWithClerk?: true | VerifyWithClerkOptions;
  /**
   * Routes where the list is checked. Default: every protected route (all but `publicRoutes`). A public route listed
   * here sees a revoked session as signed out (no forwarded user id) instead of skipping the check.
   */
  routes?: readonly string[];
  /**
   * When the list throws or times out: `'open'` lets the request through on the token alone (it still expires
   * within a minute), `'closed'` answers 503. Default `'open'`.
   */
  onError?: 'open' | 'closed';
  /** Longest wait for the list, in ms, before it counts as failed. Default 1000. */
  timeoutMs?: number;
  /** Failures are logged at most once per this many ms. Default 60 000. */
  logIntervalMs?: number;
  /** Where failures are logged. Default `console.error`. */
  log?: (message: string, error: unknown) => void;
}

/** `RevocationOptions` checked and compiled once. @internal */
export interface ResolvedRevocation {
  /** The routes to check, or null for "every protected route". */
  matches: PathPredicate | null;
  check: RevocationCheck;
}

/**
 * What the proxy learns about a session: still signed in, revoked (treat as signed out), or a response to answer
 * because the list failed and `onError` is `'closed'`. Never rejects, so it can run beside the rate limiter.
 */
export type RevocationCheck = (
  session: ClerkAuthLike,
) => Promise<'signed-in' | 'revoked' | NextResponse<SessionErrorBody>>;

/** A signed-out auth object: what a revoked session becomes for the rest of the proxy. @internal */
export const REVOKED_SESSION: ClerkAuthLike = {
  userId: null,
  sessionId: null,
  sessionClaims: null,
  factorVerificationAge: null,
  has: () => false,
};

/**
 * Validates `sessionProxy`'s `revocation` option and builds its check.
 * @throws {TypeError} naming the option and the fix.
 * @internal
 */
export function resolveRevocation(options: RevocationOptions): ResolvedRevocation {
  const r = options;
  if (
    !r ||
    typeof r !== 'object' ||
    (r.list === undefined && !r.verifyWithClerk) ||
    (r.list !== undefined && typeof r.list?.isRevoked !== 'function')
  ) {
    throw new TypeError(
      'revocation.list must be a revocation list, e.g. { list: redisRevocationList({ client }) } or memoryRevocationList() (or set verifyWithClerk).',
    );
  }
  if (
    r.verifyWithClerk !== undefined &&
    r.verifyWithClerk !== true &&
    (typeof r.verifyWithClerk !== 'object' || r.verifyWithClerk === null)
  )
    throw new TypeError('revocation.verifyWithClerk must be true or { cacheMs, secretKey, apiUrl }.');
  if (r.onError !== undefined && r.onError !== 'open' && r.onError !== 'closed')
    throw new TypeError(`revocation.onError must be 'open' or 'closed', got ${JSON.stringify(r.onError)}.`);
  for (const name of ['timeoutMs', 'logIntervalMs'] as const) {
    const v = r[name];
    if (v !== undefined && (!Number.isFinite(v) || v <= 0))
      throw new TypeError(`revocation.${name} must be a positive number of milliseconds.`);
  }
  if (r.log !== undefined && typeof r.log !== 'function')
    throw new TypeError('revocation.log must be a function (message, error) => void.');
  if (r.routes !== undefined && (!Array.isArray(r.routes) || r.routes.length === 0))
    throw new TypeError("revocation.routes must list route patterns, e.g. ['/admin/**'], or be left out.");
  return {
    matches: r.routes ? compilePatterns(r.routes, 'revocation.routes', false) : null,
    check: createRevocationCheck(anyRevoked(r.list, r.verifyWithClerk), {
      onError: r.onError ?? 'open',
      timeoutMs: r.timeoutMs ?? 1000,
      logIntervalMs: r.logIntervalMs ?? 60_000,
      log: r.log ?? ((message, error) => console.error(message, error)),
    }),
  };
}

/** One question for both sources, asked at once: listed, or no longer active at Clerk. */
function anyRevoked(
  list: RevocationList | undefined,
  verifyWithClerk: RevocationOptions['verifyWithClerk'],
): (subject: RevocationSubject) => Promise<boolean> {
  const clerk = verifyWithClerk ? clerkSessionCheck(verifyWithClerk === true ? {} : verifyWithClerk) : null;
  if (!clerk) return (subject) => (list as RevocationList).isRevoked(subject);
  if (!list) return clerk;
  return async (subject) => (await Promise.all([list.isRevoked(subject), clerk(subject)])).some(Boolean);
}

function createRevocationCheck(
  isRevoked: (subject: RevocationSubject) => Promise<boolean>,
  policy: Required<Pick<RevocationOptions, 'onError' | 'timeoutMs' | 'logIntervalMs' | 'log'>>,
): RevocationCheck {
  const log = throttledLog(policy.logIntervalMs, policy.log);
  const failed = `[clerk-session-kit] revocation list failed; requests are ${policy.onError === 'open' ? 'let through on their token alone' : 'refused with 503'} (onError: '${policy.onError}'). Further failures in the next ${policy.logIntervalMs} ms are not logged.`;
  return async (session) => {
    const { sessionId, userId } = session;
    if (!sessionId || !userId) return 'signed-in';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${policy.timeoutMs} ms`)), policy.timeoutMs);
    });
    try {
      return (await Promise.race([isRevoked({ sessionId, userId }), timeout])) ? 'revoked' : 'signed-in';
    } catch (error) {
      log(failed, error);
      return policy.onError === 'closed' ? revocationUnavailableResponse() : 'signed-in';
    } finally {
      clearTimeout(timer);
    }
  };
}
