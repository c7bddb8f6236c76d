import { clerkMiddleware } from '@clerk/nextjs/server';
import { type NextFetchEvent, type NextMiddleware, type NextRequest, NextResponse } from 'next/server';
import { type ClerkAuthLike, evaluate } from './authorize';
import { type NormalisedPath, normalisePath, type PathPredicate } from './matcher';
import { type ResolvedOptions, resolveOptions, type SessionProxyOptions } from './options';
import type { RateLimitResult } from './rateLimit/types';
import {
  forbiddenResponse,
  rateLimitedResponse,
  rateLimitUnavailableResponse,
  reverificationResponse,
  unauthenticatedResponse,
} from './responses';
import { REVOKED_SESSION } from './revocation/proxyCheck';

function clientIp(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-for');
  if (forwarded) {
    const last = forwarded.split(',').pop()?.trim();
    if (last) return last;
  }
  return request.headers.get('x-real-ip');
}

/**
 * A configured path as a URL of this app. Next reports `nextUrl.pathname` without the app's basePath, and the
 * options are written the same way, so URLs that leave the proxy get the basePath back.
 */
function appUrl(basePath: string, target: string, origin: string): URL {
  const inApp = basePath && target.startsWith('/') && !target.startsWith('//') && !target.startsWith(`${basePath}/`);
  return new URL(inApp ? `${basePath}${target}` : target, origin);
}

/** A redirect whose target keeps its origin and whose `redirect_url` can only point back into this app. */
function redirectWithReturn(request: NextRequest, target: string, origin: string): NextResponse {
  const basePath = request.nextUrl.basePath;
  const url = appUrl(basePath, target, origin);
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete('_rsc');
  const query = search.size > 0 ? `?${search}` : '';
  // Concatenating onto the origin (never `new URL(path, origin)`) keeps `//evil.example` a path, not a host.
  let back = new URL(`${origin}${basePath}${request.nextUrl.pathname}${query}`);
  if (back.origin !== origin) back = new URL(`${origin}/`);
  url.searchParams.set('redirect_url', back.href);
  const response = NextResponse.redirect(url, 307);
  // Clerk then appends the development-browser token when the page lives on another origin (Account Portal).
  if (url.origin !== origin) response.headers.set('x-clerk-redirect-to', 'true');
  return response;
}

function notFound(): NextResponse {
  return new NextResponse('Not Found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rate limiter did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function createRateLimitGate(config: NonNullable<ResolvedOptions['rateLimit']>) {
  let lastLogged = Number.NEGATIVE_INFINITY;
  return async (request: NextRequest, userId: string | null): Promise<NextResponse | null> => {
    let result: RateLimitResult;
    try {
      const key = config.key({ userId, ip: clientIp(request), request });
      result = await withTimeout(Promise.resolve(config.limiter.limit(key)), config.timeoutMs);
    } catch (error) {
      const now = Date.now();
      if (now - lastLogged >= config.logIntervalMs) {
        lastLogged = now;
        config.log(
          `[clerk-session-kit] rate limiter failed; requests are ${config.onError === 'open' ? 'let through' : 'refused with 503'} (onError: '${config.onError}'). Further failures in the next ${config.logIntervalMs} ms are not logged.`,
          error,
        );
      }
      return config.onError === 'closed' ? rateLimitUnavailableResponse() : null;
    }
    return result.success ? null : rateLimitedResponse(result);
  };
}

function forward(request: NextRequest, header: string | null, userId: string | null): NextResponse {
  if (!header) return NextResponse.next();
  // A client-sent copy must never reach the app; the real value travels only on the request, never the response.
  const headers = new Headers(request.headers);
  headers.delete(header);
  if (userId) headers.set(header, userId);
  // clerkMiddleware reads an empty override list as "none" and copies every original header back, the spoofed
  // copy included; an empty value keeps the list non-empty and still carries no identity.
  else if (![...headers.keys()].length) headers.set(header, '');
  return NextResponse.next({ request: { headers } });
}

/**
 * The origin redirects are built on: the configured `origin`, else a forwarded host the app trusts (the wrapper
 * below has already removed any other), else the origin Next built the request URL from.
 */
function publicOrigin(request: NextRequest, config: ResolvedOptions): string {
  if (config.origin) return config.origin;
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim().toLowerCase();
  if (!host || !config.trustedHosts?.has(host)) return request.nextUrl.origin;
  // First values, as Clerk reads them: the proxy in front must set these headers, not append to a client's.
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const scheme = proto === 'http' || proto === 'https' ? proto : request.nextUrl.protocol.slice(0, -1);
  // Through URL, so `app.example.com:443` over https reads as the same origin as `app.example.com`.
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return request.nextUrl.origin;
  }
}

/**
 * Creates the proxy for `proxy.ts` (or `middleware.ts`) on top of Clerk's real `clerkMiddleware`.
 *
 * Every request is classified once from {@link normalisePath}: admin groups first, then public routes, and
 * everything else needs a signed-in session (pending sessions count as signed out). Pages are redirected to the
 * sign-in URL with a same-origin `redirect_url`; API routes get 401/403 JSON and never a redirect.
 *
 * @example
 * ```ts
 * // proxy.ts
 * import { sessionProxy } from 'clerk-session-kit/nextjs';
 * export default sessionProxy({
 *   publicRoutes: ['/', '/api/public'],
 *   admin: { routes: ['/admin/**', '/api/admin/**'], role: 'org:admin' },
 *   forwardUserId: 'x-user-id',
 * });
 * export const config = { matcher: ['/((?!_next/static/|_next/image|favicon\\.ico$).*)'] };
 * ```
 * @throws {SessionProxyOptionError} at creation for any invalid option, naming the option and the fix.
 */
export function sessionProxy(options: SessionProxyOptions = {}): NextMiddleware {
  const config = resolveOptions(options);
  const gate = config.rateLimit ? createRateLimitGate(config.rateLimit) : null;

  const middleware = clerkMiddleware(async (auth, request) => {
    const path: NormalisedPath = normalisePath(request.nextUrl.pathname);
    // A protected group applies when any reading of the path falls in it (see normalisePath).
    const inGroup = (matches: PathPredicate) => path.readings.some((reading) => matches(reading));
    const isApi = inGroup(config.isApi);
    const adminRules = config.admin.filter((group) => inGroup(group.matches)).map((group) => group.rule);
    const isPublic = adminRules.length === 0 && !path.ambiguous && config.isPublic(path.path);
    const verified = (await auth({ treatPendingAsSignedOut: true })) as unknown as ClerkAuthLike;
    // Started before the rate limiter and awaited after it, so both stores are asked in one round trip.
    const { revocation } = config;
    const listed =
      revocation && (revocation.matches ? inGroup(revocation.matches) : !isPublic) ? revocation.check(verified) : null;

    if (gate && config.rateLimit && inGroup(config.rateLimit.matches)) {
      const refused = await gate(request, verified.userId);
      if (refused) return refused;
    }
    const status = listed ? await listed : 'signed-in';
    if (typeof status !== 'string') return status;
    const session = status === 'revoked' ? REVOKED_SESSION : verified;
    if (isPublic) return forward(request, config.forwardUserId, session.userId);

    const recent = config.reverify && inGroup(config.reverify.matches) ? config.reverify.requirement : undefined;
    const verdict = evaluate(session, adminRules, recent);
    const origin = publicOrigin(request, config);
    switch (verdict.kind) {
      case 'ok':
        return forward(request, config.forwardUserId, session.userId);
      case 'unauthenticated':
        return isApi ? unauthenticatedResponse() : redirectWithReturn(request, config.signInUrl, origin);
      case 'forbidden':
        if (isApi) return forbiddenResponse();
        return config.unauthorizedUrl
          ? NextResponse.redirect(appUrl(request.nextUrl.basePath, config.unauthorizedUrl, origin), 307)
          : notFound();
      case 'reverification':
        if (isApi || !config.reverify?.url) return reverificationResponse(verdict.requirement);
        return redirectWithReturn(request, config.reverify.url, origin);
    }
  }, config.clerk);

  return (request: NextRequest, event: NextFetchEvent) => {
    const forwardedHost = request.headers.get('x-forwarded-host');
    if (forwardedHost !== null) {
      const host = forwardedHost.split(',')[0]?.trim().toLowerCase() ?? '';
      // Clerk builds its own redirect URLs from this header; an unknown value must not reach it.
      if (host !== request.nextUrl.host.toLowerCase() && !config.trustedHosts?.has(host)) {
        request.headers.delete('x-forwarded-host');
      }
    }
    return middleware(request, event);
  };
}
