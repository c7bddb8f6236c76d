import { type NextMiddleware, type NextRequest, NextResponse } from 'next/server';
import { CLERK_COOKIES, OFFLINE_SESSION_PATH, type OfflineSession } from '../offlineSession';
import { loadOfflineKeys } from './keys';
import { assertOfflineAllowed } from './offlineGuard';
import {
  claimsOf,
  issuerOf,
  readSessionToken,
  type SessionTokenClaims,
  signSessionToken,
  type TokenSigner,
} from './sessionToken';

/** Options of {@link offlineProxy}. */
export interface OfflineProxyOptions {
  /**
   * Folder of the generated key pair, relative to the working directory (the app's root under `next dev` and
   * `next start`). Default `.clerk-offline`; ignored when `CLERK_OFFLINE_PRIVATE_KEY` holds a key.
   */
  keyDir?: string;
}

/** A cookie to write: on the request (what Clerk reads now) and on the response (what the browser keeps). */
type CookieChange = { name: string; value: string | null };

/** Any value clerkMiddleware accepts as a development browser token; offline there is no Clerk to issue one. */
const DEV_BROWSER_TOKEN = 'dvb_clerk_session_kit_offline';

/**
 * The cookies clerk-js would hold for this request, offline: a development browser token, and either a valid
 * session token with `__client_uat` at its `iat`, or no session token. An expired token of this project is
 * re-signed (Clerk's handshake would refresh it); anything this project's key did not sign is dropped, so a
 * stale cookie from another key signs the browser out instead of sending it to a handshake nobody answers.
 */
function cookieRepairs(request: NextRequest, signer: TokenSigner): CookieChange[] {
  const changes: CookieChange[] = [];
  if (!request.cookies.get(CLERK_COOKIES.devBrowser)?.value) {
    changes.push({ name: CLERK_COOKIES.devBrowser, value: DEV_BROWSER_TOKEN });
  }
  const raw = request.cookies.get(CLERK_COOKIES.session)?.value;
  const clientUat = request.cookies.get(CLERK_COOKIES.clientUat)?.value;
  if (!raw) {
    // Signed in once, token gone: signed out, as Clerk would conclude after its handshake.
    if (clientUat && clientUat !== '0') changes.push({ name: CLERK_COOKIES.clientUat, value: '0' });
    return changes;
  }
  const read = readSessionToken(signer.keys, raw);
  if (!read) {
    changes.push({ name: CLERK_COOKIES.session, value: null }, { name: CLERK_COOKIES.clientUat, value: null });
    return changes;
  }
  if (read.exp - 30 <= Date.now() / 1000) {
    return [...changes, ...sessionCookies(signer, read.claims, request.nextUrl.origin)];
  }
  if (clientUat !== String(read.iat)) changes.push({ name: CLERK_COOKIES.clientUat, value: String(read.iat) });
  return changes;
}

/** The cookies for `claims` signed in now, or for signed out when `claims` is null. */
function sessionCookies(signer: TokenSigner, claims: SessionTokenClaims | null, origin: string): CookieChange[] {
  if (!claims) {
    return [
      { name: CLERK_COOKIES.session, value: null },
      { name: CLERK_COOKIES.clientUat, value: '0' },
    ];
  }
  const token = signSessionToken(signer, claims, origin);
  const iat = readSessionToken(signer.keys, token)?.iat ?? 0;
  return [
    { name: CLERK_COOKIES.session, value: token },
    { name: CLERK_COOKIES.clientUat, value: String(iat) },
  ];
}

/** `response` with `changes` as Set-Cookie headers (a copy when its headers are immutable, as a redirect's are). */
function withCookies(response: Response, changes: CookieChange[]): Response {
  const cookies = changes.map(({ name, value }) =>
    value === null
      ? `${name}=; Path=/; SameSite=Lax; Max-Age=0`
      : `${name}=${value}; Path=/; SameSite=Lax; Max-Age=${60 * 60 * 24 * 365}`,
  );
  const append = (target: Response) => {
    for (const cookie of cookies) target.headers.append('set-cookie', cookie);
    return target;
  };
  try {
    return append(response);
  } catch {
    return append(new Response(response.body, response));
  }
}

function isOfflineSession(value: unknown): value is OfflineSession {
  const session = value as OfflineSession;
  return (
    typeof session === 'object' &&
    session !== null &&
    typeof session.id === 'string' &&
    typeof session.status === 'string' &&
    typeof session.user?.id === 'string' &&
    (session.organization === null ||
      (typeof session.organization?.id === 'string' && typeof session.organization.role === 'string'))
  );
}

/**
 * `POST {basePath}/__clerk_offline/session` with `{ session }` (the mock's current session, or null): sets the
 * cookies clerk-js would set for it. Answers `{ userId, sessionId, changed }`, `changed` telling the browser
 * whether the server's view of who is signed in moved (so it refreshes server-rendered parts only then).
 */
async function sessionEndpoint(request: NextRequest, signer: TokenSigner): Promise<Response> {
  if (request.method !== 'POST') return Response.json({ error: 'method_not_allowed' }, { status: 405 });
  // A page of another site must not sign this browser in or out.
  const origin = request.headers.get('origin');
  if (origin && origin !== request.nextUrl.origin) return Response.json({ error: 'cross_origin' }, { status: 403 });
  let session: unknown;
  try {
    ({ session } = (await request.json()) as { session: unknown });
  } catch {
    return Response.json({ error: 'invalid_json' }, { status: 400 });
  }
  if (session !== null && !isOfflineSession(session)) {
    return Response.json(
      {
        error: 'invalid_session',
        message: 'Send { session: null } or a scenario session (id, status, user.id, organization).',
      },
      { status: 400 },
    );
  }
  const claims = session ? claimsOf(session) : null;
  const before = request.cookies.get(CLERK_COOKIES.session)?.value;
  const previous = before ? readSessionToken(signer.keys, before)?.claims : undefined;
  const changed = JSON.stringify(previous ?? null) !== JSON.stringify(claims);
  return withCookies(Response.json({ userId: claims?.sub ?? null, sessionId: claims?.sid ?? null, changed }), [
    ...(request.cookies.get(CLERK_COOKIES.devBrowser)?.value
      ? []
      : [{ name: CLERK_COOKIES.devBrowser, value: DEV_BROWSER_TOKEN }]),
    ...sessionCookies(signer, claims, request.nextUrl.origin),
  ]);
}

/** A PEM-shaped stand-in for {@link offlineProxy}'s option check; it never verifies anything. */
const OPTIONS_CHECK_KEY = '-----BEGIN PUBLIC KEY-----\noptions-check\n-----END PUBLIC KEY-----';

/**
 * Runs a Next.js app with no Clerk account: wraps the app's proxy (e.g. `sessionProxy`) so the session the
 * browser's mock Clerk has is the session the server sees, in `auth()`, `sessionProxy` and `requireSession`.
 *
 * - `create(jwtKey)` builds the app's proxy with the project's public key, so Clerk's own `clerkMiddleware`
 *   verifies every token networklessly (`jwtKey`), as in production.
 * - The key pair is the project's own (see {@link OfflineProxyOptions.keyDir}; never one shipped in a package).
 * - `POST /__clerk_offline/session` (sent by `OfflineClerkProvider` whenever the mock's current session changes:
 *   switch, sign out, re-verification) sets `__session`, `__client_uat` and `__clerk_db_jwt` as clerk-js would.
 * - Every other request gets its Clerk cookies repaired before the proxy reads them: a development browser
 *   token, an expired session token re-signed, a token from another key dropped.
 *
 * Refuses to run (every request throws, naming the fix) in a production build, `NODE_ENV=production`, unless
 * `CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD=1`, and always with live Clerk keys.
 *
 * @example
 * ```ts
 * // proxy.ts
 * const options = { publicRoutes: ['/'] } satisfies SessionProxyOptions;
 * export default process.env.NEXT_PUBLIC_CLERK_OFFLINE === '1'
 *   ? offlineProxy((jwtKey) => sessionProxy({ ...options, jwtKey }))
 *   : sessionProxy(options);
 * ```
 */
export function offlineProxy(
  create: (jwtKey: string) => NextMiddleware,
  options: OfflineProxyOptions = {},
): NextMiddleware {
  // The real proxy needs the project's key, which is read (or made) on the first request only, so a production build
  // never touches it. Building the app's proxy once now, with a key of the right shape that is then dropped, makes a
  // bad option throw at startup, as `sessionProxy` does outside offline mode.
  create(OPTIONS_CHECK_KEY);
  let started: { signer: TokenSigner; proxy: NextMiddleware } | undefined;
  return async (request, event) => {
    assertOfflineAllowed();
    if (!started) {
      const keys = loadOfflineKeys(options.keyDir);
      const signer = { keys, issuer: issuerOf(process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) };
      started = { signer, proxy: create(keys.jwtKey) };
    }
    const { signer, proxy } = started;
    if (request.nextUrl.pathname === OFFLINE_SESSION_PATH) return sessionEndpoint(request, signer);
    const repairs = cookieRepairs(request, signer);
    for (const { name, value } of repairs) {
      if (value === null) request.cookies.delete(name);
      else request.cookies.set(name, value);
    }
    return withCookies((await proxy(request, event)) ?? NextResponse.next(), repairs);
  };
}
