import { NextResponse } from 'next/server';
import { type ReverificationLevel, reverificationRequired } from '../core/reverification';
import type { RateLimitResult } from './rateLimit/types';

/** Machine-readable codes of the JSON errors the kit answers with. */
export type SessionErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'reverification_required'
  | 'rate_limited'
  | 'rate_limit_unavailable'
  | 'revocation_unavailable';

/** Body of every error the kit answers for an API route: `{ error: { code, message } }`. */
export interface SessionErrorBody {
  error: { code: SessionErrorCode; message: string };
}

/** Recent sign-in requirement, as Clerk's `has({ reverification })` takes it. */
export interface RecentSignIn {
  /** Longest accepted time since the factor was verified, in minutes (Clerk's `fva` claim has minute precision). */
  afterMinutes: number;
  /** Which factor must be that recent. Default `'first_factor'`. */
  level?: ReverificationLevel;
}

/**
 * Builds a JSON error response. Auth errors must never be cached by a shared cache, hence `no-store`.
 */
export function errorResponse(
  status: number,
  code: SessionErrorCode,
  message: string,
  init: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
): NextResponse<SessionErrorBody> {
  return NextResponse.json({ ...init.extra, error: { code, message } } as SessionErrorBody, {
    status,
    headers: { 'Cache-Control': 'no-store', ...init.headers },
  });
}

/** 400 `bad_request`: the request carries a parameter the proxy refuses to act on (named in `message`). */
export function badRequestResponse(message: string): NextResponse<SessionErrorBody> {
  return errorResponse(400, 'bad_request', message);
}

/** 401 `unauthenticated` with `WWW-Authenticate: Bearer`: no valid session token came with the request. */
export function unauthenticatedResponse(): NextResponse<SessionErrorBody> {
  return errorResponse(401, 'unauthenticated', 'Sign in to access this resource.', {
    headers: { 'WWW-Authenticate': 'Bearer' },
  });
}

/** 403 `forbidden`: signed in, but the session lacks the role, permission or claim the route needs. */
export function forbiddenResponse(): NextResponse<SessionErrorBody> {
  return errorResponse(403, 'forbidden', 'Your session does not have access to this resource.', {
    headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' },
  });
}

/**
 * 403 `reverification_required`. The body also carries Clerk's own `clerk_error` hint, so Clerk's client-side
 * `useReverification()` recognises the response and opens its re-verification modal.
 */
export function reverificationResponse(requirement: RecentSignIn): NextResponse<SessionErrorBody> {
  return errorResponse(403, 'reverification_required', 'Verify your identity again to continue.', {
    headers: { 'WWW-Authenticate': 'Bearer error="insufficient_user_authentication"' },
    extra: reverificationRequired(requirement.level ?? 'first_factor', requirement.afterMinutes),
  });
}

/** The `RateLimit-*` headers (IETF draft) for a limiter result; `reset` is sent as seconds from now. */
export function rateLimitHeaders(result: RateLimitResult, now = Date.now()): Record<string, string> {
  const seconds = Math.max(0, Math.ceil((result.reset - now) / 1000));
  return {
    'RateLimit-Limit': String(result.limit),
    'RateLimit-Remaining': String(Math.max(0, result.remaining)),
    'RateLimit-Reset': String(seconds),
  };
}

/** 429 `rate_limited` with `Retry-After` and `RateLimit-*` headers. */
export function rateLimitedResponse(result: RateLimitResult, now = Date.now()): NextResponse<SessionErrorBody> {
  const headers = rateLimitHeaders(result, now);
  return errorResponse(429, 'rate_limited', 'Too many requests. Try again later.', {
    headers: { ...headers, 'Retry-After': String(Math.max(1, Number(headers['RateLimit-Reset']))) },
  });
}

/** 503 `rate_limit_unavailable`: the limiter failed and `onError` is `'closed'`. */
export function rateLimitUnavailableResponse(): NextResponse<SessionErrorBody> {
  return errorResponse(503, 'rate_limit_unavailable', 'The service is temporarily unavailable. Try again shortly.', {
    headers: { 'Retry-After': '1' },
  });
}

/** 503 `revocation_unavailable`: the revocation list failed and its `onError` is `'closed'`. */
export function revocationUnavailableResponse(): NextResponse<SessionErrorBody> {
  return errorResponse(503, 'revocation_unavailable', 'The service is temporarily unavailable. Try again shortly.', {
    headers: { 'Retry-After': '1' },
  });
}
