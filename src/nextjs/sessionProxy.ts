import { clerkMiddleware } from '@clerk/nextjs/server';
import { type NextFetchEvent, type NextMiddleware, type NextRequest, NextResponse } from 'next/server';
import { type ClerkAuthLike, evaluate } from './authorize';
import { createBuildAssetCheck } from './buildAssets';
import { type NormalisedPath, normalisePath, type PathPredicate } from './matcher';
import { type ResolvedOptions, resolveOptions, type SessionProxyOptions } from './options';
import { clerkRedirectAllowed, publicOrigin, sanitiseForwardedHeaders } from './origins';
import type { RateLimitResult } from './rateLimit/types';
import {
  badRequestResponse,
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

/**
 * A POST Next may run as a Server Action: one with `Next-Action` (from JavaScript) or a form post (without it).
 * Next runs it for any page that imports the action's module, whatever the page's own route is.
 */
function isPossibleAction(request: NextRequest): boolean {
  if (request.method !== 'POST') return false;
  if (request.headers.has('next-action')) return true;
  const type = request.headers.get('content-type') ?? '';
  return type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded');
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
 * Creates the proxy for `proxy.ts` (or `middleware.ts`) on top of Clerk's real `clerkMiddleware`.
 *
 * Every request is classified once from {@link normalisePath}: admin groups first, then public routes (only when
 * the path Next routes on is itself public), and everything else needs a signed-in session (pending sessions count
 * as signed out). Pages are redirected to the sign-in URL with a same-origin `redirect_url`; API routes get 401/403
 * JSON and never a redirect. What gets through to a protected route goes out `private, no-store`. Build assets
 * skip the session check, and a missing one is a 404 rather than the app's dynamic routes. Clerk's redirect
 * parameters and the forwarded headers it builds URLs from are checked first (see `origins.ts`).
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
 * export const config = { matcher: ['/((?!_next/image$|favicon\\.ico$).*)'] };
 * ```
 * @throws {SessionProxyOptionError} at creation for any invalid option, naming the option and the fix.
 */
export function sessionProxy(options: SessionProxyOptions = {}): NextMiddleware {
  const config = resolveOptions(options);
  // Not an error: on a platform that sets Host itself the default is right; behind your own proxy it is not.
  if (!config.origin && !config.trustedHosts && typeof process !== 'undefined' && process.env.NODE_ENV === 'production')
    console.warn(
      "[clerk-session-kit] sessionProxy has no `origin` (or `trustedHosts`): its redirects and Clerk's handshake follow the request's Host header, and a token's `azp` is not checked. Set origin: 'https://your.app' (see the README, 'What the proxy guarantees').",
    );
  const gate = config.rateLimit ? createRateLimitGate(config.rateLimit) : null;

  const middleware = clerkMiddleware(async (auth, request) => {
    const path: NormalisedPath = normalisePath(request.nextUrl.pathname);
    // A protected group applies when any reading of the path falls in it (see normalisePath).
    const inGroup = (matches: PathPredicate) => path.readings.some((reading) => matches(reading));
    const isApi = inGroup(config.isApi);
    const adminRules = config.admin.filter((group) => inGroup(group.matches)).map((group) => group.rule);
    // Public only when the path Next routes on is itself public: `/sign-%69n` reads as /sign-in, but Next renders
    // the dynamic route beside /sign-in for it.
    const isPublic =
      adminRules.length === 0 &&
      !path.ambiguous &&
      config.isPublic(path.path) &&
      (path.routed === path.path || config.isPublic(path.routed));
    const verified = (await auth({ treatPendingAsSignedOut: true })) as unknown as ClerkAuthLike;
    // Started before the rate limiter and awaited after it, so both stores are asked in one round trip.
    const { revocation } = config;
    const listed =
      revocation && (revocation.matches ? inGroup(revocation.matches) : !isPublic) ? revocation.check(verified) : null;

    const limit = config.rateLimit;
    if (gate && limit && (inGroup(limit.matches) || (limit.actions && isPossibleAction(request)))) {
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
      case 'ok': {
        const response = forward(request, config.forwardUserId, session.userId);
        // Next would send a prerendered page with `s-maxage` and no Vary: a shared cache would hand it to anyone.
        if (config.protectedCacheControl) {
          response.headers.set('Cache-Control', config.protectedCacheControl);
          response.headers.set('Vary', 'Cookie, Authorization');
        }
        return response;
      }
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

  const buildAsset = createBuildAssetCheck();
  return async (request: NextRequest, event: NextFetchEvent) => {
    // Build assets are public; one that does not exist would render the app's dynamic routes instead.
    const asset = buildAsset(request.nextUrl.pathname);
    if (asset === 'asset') return NextResponse.next();
    if (asset === 'missing') return notFound();
    if (!clerkRedirectAllowed(request, config))
      return badRequestResponse('__clerk_redirect_url must point at this app or a trusted host.');
    sanitiseForwardedHeaders(request, config);
    try {
      return await middleware(request, event);
    } catch (error) {
      // Clerk throws on a handshake token it cannot verify; that is the client's fault, not a server error.
      if (request.nextUrl.searchParams.has('__clerk_handshake')) return badRequestResponse('Invalid Clerk handshake.');
      throw error;
    }
  };
}
