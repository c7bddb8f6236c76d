import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { type ClerkEndpoint, type ClerkErrorBody, clerkEndpoints } from './fapi';

/** Matches a Frontend API request by endpoint on any Clerk origin, the way clerk-js sends it. */
function on(
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

const successBodies: Record<
  ClerkEndpoint,
  (params: Record<string, string | readonly string[] | undefined>) => unknown
> = {
  'session.touch': ({ sessionId }) => ({
    response: { object: 'session', id: sessionId, status: 'active' },
    client: null,
  }),
  'session.remove': ({ sessionId }) => ({
    response: { object: 'session', id: sessionId, status: 'removed' },
    client: null,
  }),
  'session.end': ({ sessionId }) => ({ response: { object: 'session', id: sessionId, status: 'ended' }, client: null }),
  'session.getToken': () => ({ object: 'token', jwt: 'mock' }),
  signOut: () => ({ response: { object: 'client', id: 'client_mock', sessions: [] }, client: null }),
  // FAPI answers this one with a bare array (clerk-js reads `payload.map`), not `{ response, client }`.
  'user.getSessions': () => [],
  'session.revoke': ({ sessionId }) => ({
    response: { object: 'session', id: sessionId, status: 'revoked' },
    client: null,
  }),
};

/**
 * MSW handlers that answer every Frontend API call of the mock Clerk with success. The mock keeps the state
 * (which sessions exist, which devices); the handlers decide only the OUTCOME of each call. Put them in
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
