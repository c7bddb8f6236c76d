/**
 * Which origins the proxy believes: what a request says about where it came from (`Host`, `X-Forwarded-*`) and
 * where it wants to go (Clerk's `__clerk_redirect_url`), checked before Clerk or the preset builds a URL from it.
 * @module
 */
import type { NextRequest } from 'next/server';

/** The slice of the resolved options this module reads. */
export interface OriginConfig {
  /** The configured public origin, or null. */
  origin: string | null;
  /** Lower-cased hosts accepted in `X-Forwarded-Host`, or null. */
  trustedHosts: ReadonlySet<string> | null;
}

const firstValue = (value: string | null) => value?.split(',')[0]?.trim().toLowerCase() ?? '';
const isHttp = (scheme: string) => scheme === 'http' || scheme === 'https';

/**
 * Rewrites the forwarded headers Clerk builds its handshake `redirect_url` from, before it reads them:
 * a pinned `origin` wins outright; otherwise an `X-Forwarded-Host` that is neither this host nor trusted is
 * removed, and an `X-Forwarded-Proto` other than http or https (`javascript`) is removed.
 */
export function sanitiseForwardedHeaders(request: NextRequest, config: OriginConfig): void {
  const headers = request.headers;
  if (config.origin) {
    const pinned = new URL(config.origin);
    headers.set('x-forwarded-host', pinned.host);
    headers.set('x-forwarded-proto', pinned.protocol.slice(0, -1));
    return;
  }
  const forwardedHost = headers.get('x-forwarded-host');
  if (forwardedHost !== null) {
    const host = firstValue(forwardedHost);
    if (host !== request.nextUrl.host.toLowerCase() && !config.trustedHosts?.has(host)) {
      headers.delete('x-forwarded-host');
    }
  }
  const proto = headers.get('x-forwarded-proto');
  if (proto !== null && !isHttp(firstValue(proto))) headers.delete('x-forwarded-proto');
}

/**
 * The origin redirects are built on: the configured `origin`, else a forwarded host the app trusts (the headers
 * are already sanitised), else the origin Next built the request URL from.
 */
export function publicOrigin(request: NextRequest, config: OriginConfig): string {
  if (config.origin) return config.origin;
  const host = firstValue(request.headers.get('x-forwarded-host'));
  if (!host || !config.trustedHosts?.has(host)) return request.nextUrl.origin;
  // First values, as Clerk reads them: the proxy in front must set these headers, not append to a client's.
  const proto = firstValue(request.headers.get('x-forwarded-proto'));
  const scheme = isHttp(proto) ? proto : request.nextUrl.protocol.slice(0, -1);
  // Through URL, so `app.example.com:443` over https reads as the same origin as `app.example.com`.
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return request.nextUrl.origin;
  }
}

/**
 * True when Clerk's `__clerk_redirect_url` (multi-domain sync on development instances: Clerk answers it with a
 * redirect carrying the dev browser token) is absent or points at this app, its `origin` or a trusted host.
 * Any other target would receive the visitor's dev browser token.
 */
export function clerkRedirectAllowed(request: NextRequest, config: OriginConfig): boolean {
  const target = request.nextUrl.searchParams.get('__clerk_redirect_url');
  if (target === null) return true;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if (!isHttp(url.protocol.slice(0, -1))) return false;
  const host = url.host.toLowerCase();
  return (
    host === request.nextUrl.host.toLowerCase() ||
    (config.origin !== null && url.origin === config.origin) ||
    (config.trustedHosts?.has(host) ?? false)
  );
}

/**
 * Clerk's `authorizedParties` (the origins a session token's `azp` may name) from `origin` and `trustedHosts`;
 * null when neither is set, since then the app's own origin is not known at startup.
 */
export function authorizedParties(origin: string | null, trustedHosts: ReadonlySet<string> | null): string[] | null {
  const parties = new Set<string>(origin ? [origin] : []);
  for (const host of trustedHosts ?? []) {
    for (const scheme of ['https', 'http']) {
      try {
        parties.add(new URL(`${scheme}://${host}`).origin);
      } catch {
        // A host URL cannot parse is not an origin a browser can have; nothing to authorise.
      }
    }
  }
  return parties.size > 0 ? [...parties] : null;
}
