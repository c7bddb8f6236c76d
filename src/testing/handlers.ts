import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { type ClerkEndpoint, type ClerkErrorBody, clerkEndpoints, mintToken, reverificationRequiredBody } from './fapi';
import type { SessionStatus } from './scenario';

// The mock's Frontend API origin, as the `iss` of the tokens the handlers mint. Kept here rather than imported
// from createMockClerk so the handlers stay usable without the mock (e.g. in a worker bundle).
const MOCK_FRONTEND_API = 'https://mock.clerk.accounts.dev';

/**
 * Matches a Frontend API request by endpoint on any Clerk origin, the way clerk-js sends it. A resolver that
 * returns nothing lets the request through to the next handler.
 */
export function on(
  endpoint: ClerkEndpoint,
  resolver: Parameters<typeof http.post>[1],
  options: { once?: boolean; sessionId?: string } = {},
): RequestHandler {
  const { method, path } = clerkEndpoints[endpoint];
  // Narrowing to one session goes into the URL pattern, not the resolver: MSW uses up a `once` handler as soon as
  // its URL matches, so a resolver that let another session's request pass would still spend the one failure.
  const narrowed = options.sessionId ? path.replace(':sessionId', encodeURIComponent(options.sessionId)) : path;
  const url = `*${narrowed}`;
  if (method === 'GET') return http.get(url, resolver, { once: options.once ?? false });
  // clerk-js tunnels DELETE as POST ?_method=DELETE; only answer the request that really is this endpoint.
  return http.post(
    url,
    (info) => {
      const tunnelled = new URL(info.request.url).searchParams.get('_method') ?? 'POST';
      if (tunnelled !== method) return undefined;
      return resolver(info);
    },
    { once: options.once ?? false },
  );
}

type Params = Record<string, string | readonly string[] | undefined>;

const param = (params: Params, name: string) => {
  const value = params[name];
  return typeof value === 'string' ? value : '';
};

// Clerk's default lifetimes: a session expires after 7 days and is abandoned after 30 without activity.
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A `SessionJSON` (FAPI's wire shape, snake_case, instants in epoch milliseconds) for a session the handlers know
 * only by id, so without its `user` (optional in Clerk's spec). The mock reads nothing from it; it is complete so that real clerk-js, pointed at these handlers,
 * parses valid dates and a decodable `last_active_token` instead of `Invalid Date`.
 */
function sessionJSON(id: string, status: SessionStatus): Record<string, unknown> {
  const at = Date.now();
  return {
    object: 'session',
    id,
    status,
    expire_at: at + 7 * DAY_MS,
    abandon_at: at + 30 * DAY_MS,
    last_active_at: at,
    last_active_organization_id: null,
    last_active_token: status === 'active' ? tokenJSON(id) : null,
    // Minutes since the first and second factor were verified (Clerk's spec: a required array): signed in just now.
    factor_verification_age: [0, -1],
    actor: null,
    tasks: null,
    public_user_data: { first_name: null, last_name: null, image_url: '', has_image: false, identifier: '' },
    created_at: at,
    updated_at: at,
  };
}

/** A `TokenJSON` with a decodable (unsigned) JWT: a session token names the session, a template token does not. */
function tokenJSON(sessionId: string, template?: string): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000);
  const jti = `mock_handler_${Math.random().toString(36).slice(2, 10)}`;
  const claims = template
    ? { iat, nbf: iat - 5, exp: iat + 60, iss: MOCK_FRONTEND_API, jti, tpl: template }
    : { v: 2, sid: sessionId, sts: 'active', iat, nbf: iat - 5, exp: iat + 60, iss: MOCK_FRONTEND_API, jti };
  return { object: 'token', jwt: mintToken(claims) };
}

/** The client FAPI answers `DELETE /v1/client/sessions` with: this browser, no sessions left. */
function emptyClientJSON(): Record<string, unknown> {
  const at = Date.now();
  return {
    object: 'client',
    id: 'client_mock',
    sessions: [],
    sign_in: null,
    sign_up: null,
    last_active_session_id: null,
    last_authentication_strategy: null,
    cookie_expires_at: null,
    captcha_bypass: false,
    created_at: at,
    updated_at: at,
  };
}

// Clerk's own answer shapes: mutations wrap the resource as `{ response, client }` (the mock sends no client: it
// keeps the state itself), a token request answers a bare `TokenJSON`, and `GET /v1/me/sessions/active` a bare
// array. So a handler written for real Clerk answers the mock, and these answer a real clerk-js as far as the
// path tells them (they do not know the user, so sessions come back without one).
const successBodies: Record<ClerkEndpoint, (params: Params) => unknown> = {
  'session.touch': (params) => ({ response: sessionJSON(param(params, 'sessionId'), 'active'), client: null }),
  'session.remove': (params) => ({ response: sessionJSON(param(params, 'sessionId'), 'removed'), client: null }),
  'session.end': (params) => ({ response: sessionJSON(param(params, 'sessionId'), 'ended'), client: null }),
  'session.getToken': (params) => tokenJSON(param(params, 'sessionId'), param(params, 'template') || undefined),
  signOut: () => {
    const client = emptyClientJSON();
    return { response: client, client };
  },
  'user.getSessions': () => [],
  'session.revoke': (params) => {
    const id = param(params, 'sessionId');
    return {
      response: {
        ...sessionJSON(id, 'revoked'),
        latest_activity: { object: 'session_activity', id: `sess_activity_${id}` },
      },
      client: null,
    };
  },
};

/**
 * MSW handlers that answer every Frontend API call of the mock Clerk with success, in Clerk's own JSON shapes
 * (`{ response: SessionJSON, client }`, a bare `TokenJSON` with a decodable JWT, a bare array of device
 * sessions). The mock keeps the state (which sessions exist, which devices, what a token says); the handlers
 * decide only the OUTCOME of each call, so a handler written for real Clerk can stand in for any of them. Put them in
 * `setupServer(...clerkHandlers)` / `setupWorker(...)`, or Storybook's `parameters.msw.handlers`, and prepend
 * {@link clerkFailure} or {@link clerkDelay} to change one endpoint.
 */
export const clerkHandlers: RequestHandler[] = (Object.keys(successBodies) as ClerkEndpoint[]).map((endpoint) =>
  on(endpoint, ({ params }) => HttpResponse.json(successBodies[endpoint](params) as Record<string, unknown> | [])),
);

/** How a failing endpoint fails: an HTTP error with a Clerk-shaped body, or a dropped connection. */
export type ClerkFailure = { status: number; code?: string; message?: string; retryAfter?: number } | 'network';

const defaultMessages: Record<number, { code: string; message: string }> = {
  401: { code: 'authentication_invalid', message: 'Your session is no longer valid. Sign in again.' },
  403: { code: 'authorization_invalid', message: 'You are not authorized to perform this request.' },
  404: { code: 'resource_not_found', message: 'The session was not found.' },
  422: { code: 'form_param_invalid', message: 'The request could not be processed.' },
  429: { code: 'too_many_requests', message: 'Too many requests. Try again in a moment.' },
};

/**
 * Makes one endpoint fail: `clerkFailure('session.remove', { status: 500 })` answers with Clerk's error body,
 * `clerkFailure('session.revoke', 'network')` drops the connection. `sessionId` narrows it to one session (for
 * the endpoints with a session in their path; `signOut` and `user.getSessions` have none and ignore it).
 * `once` makes only the first matching request fail, for retry flows. Handlers placed first win, so list it
 * before {@link clerkHandlers}.
 */
export function clerkFailure(
  endpoint: ClerkEndpoint,
  failure: ClerkFailure = { status: 500 },
  options: { sessionId?: string; once?: boolean } = {},
): RequestHandler {
  return on(
    endpoint,
    () => {
      if (failure === 'network') return HttpResponse.error();
      const fallback = defaultMessages[failure.status] ?? {
        code: 'internal_clerk_error',
        message: 'Something went wrong on our side. Try again.',
      };
      const message = failure.message ?? fallback.message;
      const body: ClerkErrorBody = {
        errors: [{ code: failure.code ?? fallback.code, message, long_message: message, meta: {} }],
        clerk_trace_id: 'mock-trace',
      };
      const headers: Record<string, string> =
        failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {};
      return HttpResponse.json(body, { status: failure.status, headers });
    },
    options,
  );
}

/**
 * Delays one endpoint by `ms` milliseconds (or forever with `'infinite'`) before the next handler answers it,
 * to show pending states. List it before {@link clerkHandlers}.
 */
export function clerkDelay(endpoint: ClerkEndpoint, ms: number | 'infinite' = 'infinite'): RequestHandler {
  return on(endpoint, async () => {
    await delay(ms);
    return undefined;
  });
}

/**
 * Answers one endpoint (by default `session.revoke`) with Clerk's 403 `session_reverification_required`, as FAPI
 * does for a sensitive action when the user's verification is stale: Clerk's `useReverification` then asks the
 * user to verify and runs the action again. With `once`, the retry after the verification reaches the next
 * handler; without it, Clerk still refuses after the verification. List it before {@link clerkHandlers}.
 */
export function clerkReverificationRequired(
  endpoint: ClerkEndpoint = 'session.revoke',
  options: { sessionId?: string; once?: boolean } = {},
): RequestHandler {
  return on(endpoint, () => HttpResponse.json(reverificationRequiredBody(), { status: 403 }), options);
}
