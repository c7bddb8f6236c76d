// next/server exports NextFetchEvent as a type only; the class the runtime uses lives here.
import { NextFetchEvent } from 'next/dist/server/web/spec-extension/fetch-event';
import { type NextMiddleware, NextRequest } from 'next/server';

export const ORIGIN = 'http://localhost:3000';

export interface CallOptions {
  token?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The app's `basePath` from next.config, as Next passes it to the proxy. */
  basePath?: string;
}

/** Calls a proxy the way Next.js does: a NextRequest plus a fetch event, and returns its Response. */
export async function callProxy(proxy: NextMiddleware, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  // `path` is appended verbatim so encoded characters stay encoded, as they arrive from the network.
  const request = new NextRequest(`${ORIGIN}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.basePath ? { nextConfig: { basePath: options.basePath } } : {}),
  });
  const event = new NextFetchEvent({ request, page: '/', context: { waitUntil: () => {} } });
  const response = await proxy(request, event);
  if (!response) throw new Error('proxy returned nothing');
  return response as Response;
}

/** What the user would notice: the request reached the app, or which refusal it got. */
export type Outcome =
  | { kind: 'allowed'; forwardedUserId: string | null }
  | { kind: 'redirect'; location: URL }
  | { kind: 'json'; status: number; code: string; wwwAuthenticate: string | null }
  | { kind: 'status'; status: number };

export async function outcome(response: Response): Promise<Outcome> {
  const location = response.headers.get('location');
  if (location && response.status >= 300 && response.status < 400)
    return { kind: 'redirect', location: new URL(location, ORIGIN) };
  if (response.headers.get('x-middleware-rewrite') || response.headers.get('x-middleware-next')) {
    // An empty forwarded value carries no identity, exactly like an absent one.
    return { kind: 'allowed', forwardedUserId: response.headers.get('x-middleware-request-x-user-id') || null };
  }
  if (response.headers.get('content-type')?.includes('application/json')) {
    const body = (await response.json()) as { error?: { code?: string } };
    return {
      kind: 'json',
      status: response.status,
      code: body.error?.code ?? '',
      wwwAuthenticate: response.headers.get('www-authenticate'),
    };
  }
  return { kind: 'status', status: response.status };
}

/** True when the outcome keeps the requester out (sign-in redirect, 401/403/404/429 or a re-verification). */
export function isRefused(result: Outcome): boolean {
  return result.kind !== 'allowed';
}
