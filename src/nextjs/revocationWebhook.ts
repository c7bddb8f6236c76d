import { verifyWebhook } from '@clerk/nextjs/webhooks';
import type { NextRequest } from 'next/server';
import { isClerkId, type RevocationList } from './revocation/types';

/** Options of {@link revocationWebhook}. */
export interface RevocationWebhookOptions {
  /** Where revoked sessions go: the same list (the same Redis) the proxy checks. */
  list: RevocationList;
  /** The endpoint's signing secret (`whsec_…`). Default `process.env.CLERK_WEBHOOK_SIGNING_SECRET`, as Clerk's own. */
  signingSecret?: string;
  /** Where failures (missing secret, a store that did not answer) are logged. Default `console.error`. */
  log?: (message: string, error?: unknown) => void;
}

/** The Clerk events that end a session, and the one that ends every session of a user. */
const SESSION_EVENTS = new Set(['session.revoked', 'session.removed', 'session.ended']);
const USER_EVENTS = new Set(['user.deleted']);

const answer = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * A route handler (`POST`) for Clerk's webhooks that feeds a revocation list: `session.revoked`, `session.removed`
 * and `session.ended` put the session on it, `user.deleted` the user (every session of theirs). The signature is
 * checked by Clerk's own `verifyWebhook` (Svix / Standard Webhooks, which also refuses timestamps older than five
 * minutes); anything it refuses gets 400 and changes nothing. Redelivery is harmless: a listed id stays listed.
 * When the list cannot be written the answer is 503, so Clerk retries the delivery.
 *
 * @example
 * ```ts
 * // app/api/webhooks/clerk/route.ts
 * import { revocationWebhook } from 'clerk-session-kit/nextjs';
 * import { revocations } from '@/lib/revocations'; // the list the proxy uses
 * export const POST = revocationWebhook({ list: revocations });
 * ```
 * @throws {TypeError} at creation when `list` is not a revocation list.
 */
export function revocationWebhook(options: RevocationWebhookOptions): (request: Request) => Promise<Response> {
  const {
    list,
    signingSecret,
    log = (message: string, error?: unknown) => console.error(message, error),
  } = options ?? ({} as RevocationWebhookOptions);
  if (!list || typeof list.revokeSession !== 'function' || typeof list.revokeUser !== 'function') {
    throw new TypeError(
      "revocationWebhook: 'list' must be a revocation list, e.g. redisRevocationList({ client }) (the one the proxy checks).",
    );
  }
  if (signingSecret !== undefined && (typeof signingSecret !== 'string' || signingSecret === '')) {
    throw new TypeError("revocationWebhook: 'signingSecret' must be the endpoint's secret from Clerk, 'whsec_…'.");
  }

  return async (request) => {
    // Read per request: route modules are loaded at build time, when deployment secrets are often not set yet.
    const secret = signingSecret ?? process.env.CLERK_WEBHOOK_SIGNING_SECRET;
    if (!secret) {
      log(
        '[clerk-session-kit] revocationWebhook: no signing secret. Set CLERK_WEBHOOK_SIGNING_SECRET to the endpoint secret from the Clerk dashboard (Webhooks).',
      );
      return answer(500, { error: 'webhook_not_configured' });
    }
    let event: { type: string; data: unknown };
    try {
      // Typed for NextRequest, but it takes any Web Request at run time (Clerk's own example passes a `Request`).
      event = await verifyWebhook(request as NextRequest, { signingSecret: secret });
    } catch {
      return answer(400, { error: 'invalid_signature' });
    }

    const id = (event.data as { id?: unknown } | null)?.id;
    const isSession = SESSION_EVENTS.has(event.type);
    if (!isSession && !USER_EVENTS.has(event.type)) return answer(200, { received: event.type, revoked: null });
    // Signed by Clerk, yet checked: an id the list would refuse must not turn into a 503 that Clerk retries forever.
    if (!isClerkId(id)) return answer(400, { error: 'invalid_event', type: event.type });
    try {
      if (isSession) await list.revokeSession(id);
      else await list.revokeUser(id);
    } catch (error) {
      log(`[clerk-session-kit] revocationWebhook: could not store the revocation of ${id}; Clerk will retry.`, error);
      return answer(503, { error: 'store_unavailable' });
    }
    return answer(200, { received: event.type, revoked: id });
  };
}
