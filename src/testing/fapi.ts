import { ClerkAPIResponseError } from '../clerk';
import { REVERIFICATION_REQUIRED_CODE } from '../core/reverification';

/**
 * The Frontend API calls the mock makes, named by the Clerk method that makes them. Paths and methods are the
 * ones `@clerk/clerk-js` sends (non-GET requests go out as POST with `_method`, as in a browser), so an MSW
 * handler written for real Clerk matches the mock and the other way round.
 */
export const clerkEndpoints = {
  /** `setActive({ session })` touches the session it activates. */
  'session.touch': { method: 'POST', path: '/v1/client/sessions/:sessionId/touch' },
  /** `session.remove()` and `signOut({ sessionId })`. */
  'session.remove': { method: 'POST', path: '/v1/client/sessions/:sessionId/remove' },
  /** `session.end()`. */
  'session.end': { method: 'POST', path: '/v1/client/sessions/:sessionId/end' },
  /** `session.getToken()`; with a template the path ends in `/tokens/:template`. */
  'session.getToken': { method: 'POST', path: '/v1/client/sessions/:sessionId/tokens/:template?' },
  /** `signOut()`: every account in this browser. */
  signOut: { method: 'DELETE', path: '/v1/client/sessions' },
  /** `user.getSessions()`: the user's sessions on every device. */
  'user.getSessions': { method: 'GET', path: '/v1/me/sessions/active' },
  /** `sessionWithActivities.revoke()`: ends a session on another device. */
  'session.revoke': { method: 'POST', path: '/v1/me/sessions/:sessionId/revoke' },
} as const;

/** Name of a Frontend API call the mock makes; see {@link clerkEndpoints}. */
export type ClerkEndpoint = keyof typeof clerkEndpoints;

/** Body Clerk sends with a failed request. */
export interface ClerkErrorBody {
  errors: { code: string; message: string; long_message?: string; meta?: Record<string, unknown> }[];
  clerk_trace_id?: string;
}

/** What a Frontend API request carries besides its method and path. */
export interface FapiRequestOptions {
  /**
   * Form fields, sent url-encoded as clerk-js sends every request body (`application/x-www-form-urlencoded`, keys
   * in snake_case, `null` as the empty string), so a handler reads them with `await request.formData()` or
   * `new URLSearchParams(await request.text())` against the mock and against real clerk-js alike.
   */
  body?: Record<string, string | null | undefined>;
  /** Extra query parameters, such as the `debug=skip_cache` clerk-js adds to a forced token request. */
  search?: Record<string, string>;
}

/**
 * The body FAPI answers (403) when the session must verify again before a sensitive action, such as revoking a
 * session (Clerk's `ClerkErrors` schema).
 */
export function reverificationRequiredBody(): ClerkErrorBody {
  return {
    errors: [
      {
        code: REVERIFICATION_REQUIRED_CODE,
        message: 'Reverification required',
        long_message: 'You need to provide additional verification to perform this operation',
        meta: {},
      },
    ],
    clerk_trace_id: 'mock-trace',
  };
}

/** The error clerk-js throws for a failed answer: a `ClerkAPIResponseError` with FAPI's errors and status. */
export function clerkErrorFrom(status: number, body: ClerkErrorBody | null, headers?: Headers, statusText = '') {
  const errors = body?.errors ?? [];
  const retryAfter = Number.parseInt(headers?.get('retry-after') ?? '', 10);
  return new ClerkAPIResponseError(errors[0]?.long_message ?? errors[0]?.message ?? statusText, {
    data: errors,
    status,
    ...(body?.clerk_trace_id ? { clerkTraceId: body.clerk_trace_id } : {}),
    ...(Number.isNaN(retryAfter) ? {} : { retryAfter }),
  });
}

/** Sends one Frontend API request the way clerk-js does and throws like clerk-js when it fails. */
export async function fapiRequest(
  fetchImpl: typeof fetch,
  baseUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: FapiRequestOptions = {},
): Promise<unknown> {
  const url = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(options.search ?? {})) url.searchParams.set(name, value);
  // clerk-js tunnels only methods a form cannot send (DELETE, PATCH, PUT) as POST ?_method=…; GET and POST go as is.
  if (method !== 'GET' && method !== 'POST') url.searchParams.set('_method', method);
  const init: RequestInit = { method: method === 'GET' ? 'GET' : 'POST', credentials: 'include' };
  if (options.body && method !== 'GET') {
    const form = new URLSearchParams();
    // clerk-js's form encoder drops undefined fields and writes null as an empty value.
    for (const [name, value] of Object.entries(options.body)) if (value !== undefined) form.set(name, value ?? '');
    init.body = form.toString();
    init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
  }
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    // clerk-js wraps a failed fetch in this Error (while the browser looks online; see the fidelity suite).
    throw new Error(`ClerkJS: Network error at "${url.toString()}" - ${String(error)}. Please try again.`);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload;
  throw clerkErrorFrom(response.status, payload as ClerkErrorBody | null, response.headers, response.statusText);
}

function base64url(value: string): string {
  return btoa(value).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Mints an unsigned session token with the claims Clerk puts in one; only for the mock. */
export function mintToken(claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: 'none', typ: 'JWT', kid: 'mock' }));
  return `${header}.${base64url(JSON.stringify(claims))}.mock-signature`;
}
