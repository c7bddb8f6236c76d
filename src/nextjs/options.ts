import type { ClerkMiddlewareOptions } from '@clerk/nextjs/server';
import { type AccessRule, type VerifiedSession, validateAccessRule, validateRecentSignIn } from './authorize';
import { compilePatterns, encodeLiteralSegments, normalisePath, type PathPredicate } from './matcher';
import { authorizedParties } from './origins';
import type { RateLimiter } from './rateLimit/types';
import type { RecentSignIn } from './responses';
import { type ResolvedRevocation, type RevocationOptions, resolveRevocation } from './revocation/proxyCheck';

/** A group of routes that needs more than a signed-in session. */
export interface AdminRoutes extends AccessRule {
  /** Route patterns, e.g. `['/admin/**', '/api/admin/**']`; matched case-insensitively. */
  routes: readonly string[];
}

/** What the rate limiter sees about a request when choosing its key. */
export interface RateLimitKeyInput {
  /** The signed-in user, or null. */
  userId: string | null;
  /** Best-effort client IP (see `rateLimit.key`), or null. */
  ip: string | null;
  request: Request;
}

/** Rate limiting for `sessionProxy`. */
export interface RateLimitOptions {
  /** Any `limit(key)` limiter: `memoryRateLimiter`, `redisRateLimiter`, an `@upstash/ratelimit` instance. */
  limiter: RateLimiter;
  /** Routes it applies to. Default: the API routes. */
  routes?: readonly string[];
  /**
   * Also limit every POST that Next may run as a Server Action (one with `Next-Action`, or a form post), on any
   * route: an action answers on every page that imports its module. Default `true`.
   */
  actions?: boolean;
  /**
   * The key per request. Default: `user:<userId>`, else `ip:<ip>` where ip is the last `X-Forwarded-For` entry
   * (the one your nearest proxy appended), else `X-Real-IP`. Without a proxy in front those headers come from
   * the client: return your platform's trusted IP here.
   */
  key?: (input: RateLimitKeyInput) => string;
  /** When the limiter throws or times out: `'open'` lets the request through, `'closed'` answers 503. Default `'open'`. */
  onError?: 'open' | 'closed';
  /** Longest wait for the limiter, in ms, before it counts as failed. Default 1000. */
  timeoutMs?: number;
  /** Limiter failures are logged at most once per this many ms. Default 60 000. */
  logIntervalMs?: number;
  /** Where failures are logged. Default `console.error`. */
  log?: (message: string, error: unknown) => void;
}

/** Recent sign-in for `sessionProxy`: pages go to `reverifyUrl`, APIs get 403 `reverification_required`. */
export interface MaxAuthAgeOptions extends RecentSignIn {
  /** Routes that need it. Default: the admin routes. */
  routes?: readonly string[];
  /** A page that runs Clerk's re-verification (e.g. with `useReverification`), given `redirect_url`. */
  reverifyUrl?: string;
}

/** Options of `sessionProxy`. Every option is checked when the proxy is created. */
export interface SessionProxyOptions {
  /** Routes anyone may open, matched case-sensitively and only when spelled exactly. The sign-in and sign-up URLs are added. */
  publicRoutes?: readonly string[];
  /** Routes answered with JSON errors instead of redirects. Default `['/api/**', '/trpc/**']`. */
  apiRoutes?: readonly string[];
  /** Routes that need a role, permission or claim. Each matching group must pass. */
  admin?: AdminRoutes | readonly AdminRoutes[];
  /** Sign-in page: a path or an absolute URL. Default `NEXT_PUBLIC_CLERK_SIGN_IN_URL`, else `'/sign-in'`. */
  signInUrl?: string;
  /** Sign-up page. Default `NEXT_PUBLIC_CLERK_SIGN_UP_URL`, else `'/sign-up'`. */
  signUpUrl?: string;
  /** Where a page request that fails an admin rule goes. Default: a 404, which does not reveal the page exists. */
  unauthorizedUrl?: string;
  /**
   * The app's public origin, e.g. `'https://app.example.com'`, used for redirects and `redirect_url`. Default: a
   * `X-Forwarded-Host` listed in `trustedHosts` (scheme from `X-Forwarded-Proto`), else the origin Next.js built
   * the request URL from (its own host and port; behind a reverse proxy that is the internal one).
   */
  origin?: string;
  /** Header that carries the user id to your routes, e.g. `'x-user-id'`. A client-sent copy is always removed. */
  forwardUserId?: string;
  /** Rate limiting; see {@link RateLimitOptions}. */
  rateLimit?: RateLimitOptions;
  /** Recent sign-in for sensitive routes; see {@link MaxAuthAgeOptions}. */
  maxAuthAge?: MaxAuthAgeOptions;
  /** Sign-out that takes effect at once: sessions on a revocation list are signed out; see {@link RevocationOptions}. */
  revocation?: RevocationOptions;
  /**
   * `Cache-Control` of every response the proxy lets through to a protected (non-public) route, sent with
   * `Vary: Cookie, Authorization` (route handlers keep it; Next replaces `Vary` on pages). Default
   * `'private, no-store'`: Next gives a prerendered page `s-maxage` and a shared cache would hand a signed-in page
   * to anyone. `false` leaves caching to the app.
   */
  protectedCacheControl?: string | false;
  /**
   * Hosts accepted in `X-Forwarded-Host` (your proxy's). Any other value is removed before Clerk reads it; a listed
   * one is also the origin of the preset's redirects when `origin` is not set, a target Clerk's
   * `__clerk_redirect_url` may name (list satellite domains here), and an authorized party (`azp`).
   */
  trustedHosts?: readonly string[];
  /** PEM public key for networkless token verification. Default `process.env.CLERK_JWT_KEY`. */
  jwtKey?: string;
  /**
   * Passed to `clerkMiddleware` as is (publishableKey, secretKey, ...). `authorizedParties` defaults to `origin`
   * and the `trustedHosts` (https and http), so a token issued to another site (`azp`) is refused.
   */
  clerk?: ClerkMiddlewareOptions;
}

/** A `SessionProxyOptions` checked and compiled once. @internal */
export interface ResolvedOptions {
  isPublic: PathPredicate;
  isApi: PathPredicate;
  admin: readonly { matches: PathPredicate; rule: AccessRule }[];
  signInUrl: string;
  unauthorizedUrl: string | null;
  reverify: { matches: PathPredicate; requirement: RecentSignIn; url: string | null } | null;
  origin: string | null;
  forwardUserId: string | null;
  rateLimit: (Required<Omit<RateLimitOptions, 'routes'>> & { matches: PathPredicate }) | null;
  revocation: ResolvedRevocation | null;
  protectedCacheControl: string | null;
  trustedHosts: ReadonlySet<string> | null;
  clerk: ClerkMiddlewareOptions;
}

/** Thrown by `sessionProxy` for an invalid option; the message names the option and the fix. */
export class SessionProxyOptionError extends TypeError {
  override name = 'SessionProxyOptionError';
}

const KNOWN = new Set([
  'publicRoutes',
  'apiRoutes',
  'admin',
  'signInUrl',
  'signUpUrl',
  'unauthorizedUrl',
  'origin',
  'forwardUserId',
  'rateLimit',
  'maxAuthAge',
  'revocation',
  'protectedCacheControl',
  'trustedHosts',
  'jwtKey',
  'clerk',
]);

const fail = (message: string): never => {
  throw new SessionProxyOptionError(`sessionProxy: ${message}`);
};

function checkUrl(value: unknown, option: string): string {
  if (typeof value !== 'string' || value === '')
    return fail(`${option} must be a path like '/sign-in' or an absolute https URL.`);
  if (value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')) return value;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return value;
  } catch {
    // fall through to the error below
  }
  return fail(
    `${option} ${JSON.stringify(value)} must be a path starting with a single '/' or an absolute http(s) URL.`,
  );
}

const pathOf = (url: string) => (url.startsWith('/') ? new URL(url, 'http://x').pathname : null);

function wrap<T>(option: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof SessionProxyOptionError) throw error;
    return fail(
      (error as Error).message.startsWith(option) ? (error as Error).message : `${option}: ${(error as Error).message}`,
    );
  }
}

/** Validates and compiles options. @internal */
export function resolveOptions(options: SessionProxyOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null)
    fail('expected an options object, e.g. sessionProxy({ publicRoutes: ["/"] }).');
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) fail(`unknown option '${key}'. Known options: ${[...KNOWN].join(', ')}.`);
  }
  const env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env;
  const signInUrl = checkUrl(options.signInUrl ?? env.NEXT_PUBLIC_CLERK_SIGN_IN_URL ?? '/sign-in', 'signInUrl');
  const signUpUrl = checkUrl(options.signUpUrl ?? env.NEXT_PUBLIC_CLERK_SIGN_UP_URL ?? '/sign-up', 'signUpUrl');
  const unauthorizedUrl =
    options.unauthorizedUrl === undefined ? null : checkUrl(options.unauthorizedUrl, 'unauthorizedUrl');

  if (options.publicRoutes !== undefined && !Array.isArray(options.publicRoutes)) {
    fail("publicRoutes: expected an array of route patterns such as ['/', '/blog/**'].");
  }
  const authPages = [signInUrl, signUpUrl].map(pathOf).filter((p): p is string => p !== null);
  const publicPatterns = [
    ...(options.publicRoutes ?? []),
    ...authPages.flatMap((p) => (p === '/' ? ['/'] : [p, `${p}/**`])),
  ];
  // Also as a browser spells them, for the still-encoded path Next matches route names against (`routed`).
  const browserSpelled = publicPatterns.flatMap((p) => encodeLiteralSegments(p) ?? []);
  const isPublic = wrap('publicRoutes', () => compilePatterns([...publicPatterns, ...browserSpelled], 'publicRoutes'));
  const isApi = wrap('apiRoutes', () =>
    compilePatterns(options.apiRoutes ?? ['/api/**', '/trpc/**'], 'apiRoutes', false),
  );

  const adminGroups =
    options.admin === undefined ? [] : Array.isArray(options.admin) ? options.admin : [options.admin as AdminRoutes];
  const admin = adminGroups.map((group, index) => {
    const option = Array.isArray(options.admin) ? `admin[${index}]` : 'admin';
    if (!group || typeof group !== 'object') fail(`${option} must be { routes: ['/admin/**'], role: 'org:admin' }.`);
    wrap(option, () => validateAccessRule(group, option));
    if (!Array.isArray(group.routes) || group.routes.length === 0)
      fail(`${option}.routes must list the protected routes, e.g. ['/admin/**'].`);
    return {
      matches: wrap(`${option}.routes`, () => compilePatterns(group.routes, `${option}.routes`, false)),
      rule: group as AccessRule,
    };
  });
  const isAdmin = (folded: string) => admin.some((group) => group.matches(folded));

  if (unauthorizedUrl) {
    const path = pathOf(unauthorizedUrl);
    if (path && isAdmin(normalisePath(path).folded))
      fail(
        `unauthorizedUrl ${unauthorizedUrl} is itself an admin route; pick a page every signed-in user may see, or leave it unset for a 404.`,
      );
  }

  let reverify: ResolvedOptions['reverify'] = null;
  if (options.maxAuthAge !== undefined) {
    const value = options.maxAuthAge;
    wrap('maxAuthAge', () => validateRecentSignIn(value, 'maxAuthAge'));
    const url = value.reverifyUrl === undefined ? null : checkUrl(value.reverifyUrl, 'maxAuthAge.reverifyUrl');
    const matches = value.routes
      ? wrap('maxAuthAge.routes', () => compilePatterns(value.routes ?? [], 'maxAuthAge.routes', false))
      : isAdmin;
    if (!value.routes && admin.length === 0)
      fail("maxAuthAge has no routes: set maxAuthAge.routes, e.g. ['/settings/**'], or define admin routes.");
    const path = url && pathOf(url);
    if (path && matches(normalisePath(path).folded))
      fail(`maxAuthAge.reverifyUrl ${url} is itself covered by maxAuthAge; it would redirect to itself.`);
    reverify = {
      matches,
      requirement: { afterMinutes: value.afterMinutes, level: value.level ?? 'first_factor' },
      url,
    };
  }

  let origin: string | null = null;
  if (options.origin !== undefined) {
    try {
      const url = new URL(options.origin);
      if (url.origin !== options.origin.replace(/\/$/, '')) throw new Error('not an origin');
      origin = url.origin;
    } catch {
      fail(
        `origin must be a scheme and host only, e.g. 'https://app.example.com', got ${JSON.stringify(options.origin)}.`,
      );
    }
  }

  let forwardUserId: string | null = null;
  if (options.forwardUserId !== undefined) {
    if (
      typeof options.forwardUserId !== 'string' ||
      !/^[A-Za-z0-9-]+$/.test(options.forwardUserId) ||
      /^(x-middleware-|x-clerk-)/i.test(options.forwardUserId)
    ) {
      fail(
        `forwardUserId must be a plain header name such as 'x-user-id' (letters, digits, '-'; not x-middleware-* or x-clerk-*).`,
      );
    }
    forwardUserId = options.forwardUserId.toLowerCase();
  }

  let rateLimit: ResolvedOptions['rateLimit'] = null;
  if (options.rateLimit !== undefined) {
    const r = options.rateLimit;
    if (!r || typeof r.limiter?.limit !== 'function') {
      fail(
        'rateLimit.limiter must have limit(key), e.g. memoryRateLimiter({ limit: 60, window: "1m" }) or an @upstash/ratelimit instance.',
      );
    }
    if (r.onError !== undefined && r.onError !== 'open' && r.onError !== 'closed')
      fail(`rateLimit.onError must be 'open' or 'closed', got ${JSON.stringify(r.onError)}.`);
    if (r.key !== undefined && typeof r.key !== 'function')
      fail('rateLimit.key must be a function ({ userId, ip, request }) => string.');
    if (r.actions !== undefined && typeof r.actions !== 'boolean')
      fail('rateLimit.actions must be true (limit Server Action POSTs on every route) or false.');
    for (const name of ['timeoutMs', 'logIntervalMs'] as const) {
      const v = r[name];
      if (v !== undefined && (!Number.isFinite(v) || v <= 0))
        fail(`rateLimit.${name} must be a positive number of milliseconds.`);
    }
    rateLimit = {
      limiter: r.limiter,
      matches: r.routes
        ? wrap('rateLimit.routes', () => compilePatterns(r.routes ?? [], 'rateLimit.routes', false))
        : isApi,
      actions: r.actions ?? true,
      key: r.key ?? defaultRateLimitKey,
      onError: r.onError ?? 'open',
      timeoutMs: r.timeoutMs ?? 1000,
      logIntervalMs: r.logIntervalMs ?? 60_000,
      log: r.log ?? ((message, error) => console.error(message, error)),
    };
  }

  // revocation: checked and built in revocation/proxyCheck.ts
  const revocation =
    options.revocation === undefined
      ? null
      : wrap('revocation', () => resolveRevocation(options.revocation as RevocationOptions));

  let trustedHosts: Set<string> | null = null;
  if (options.trustedHosts !== undefined) {
    if (
      !Array.isArray(options.trustedHosts) ||
      !options.trustedHosts.every((h) => typeof h === 'string' && h !== '' && !h.includes('/'))
    ) {
      fail("trustedHosts must be host names (with an optional port), e.g. ['app.example.com'].");
    }
    trustedHosts = new Set(options.trustedHosts.map((h) => h.toLowerCase()));
  }

  let protectedCacheControl: string | null = 'private, no-store';
  if (options.protectedCacheControl !== undefined) {
    const value = options.protectedCacheControl;
    if (
      value !== false &&
      (typeof value !== 'string' || !/\b(private|no-store)\b/i.test(value) || /\b(public|s-maxage)\b/i.test(value))
    )
      fail(
        `protectedCacheControl must keep shared caches out (contain 'private' or 'no-store', never 'public' or 's-maxage'), e.g. 'private, no-store', or be false; got ${JSON.stringify(value)}.`,
      );
    protectedCacheControl = value || null;
  }

  const jwtKey = (options.jwtKey ?? env.CLERK_JWT_KEY)?.replace(/\\n/g, '\n');
  if (jwtKey !== undefined && !/-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/.test(jwtKey)) {
    fail(
      `jwtKey (or CLERK_JWT_KEY) must be the PEM public key from the Clerk dashboard (API keys > JWT public key), starting with '-----BEGIN PUBLIC KEY-----'.`,
    );
  }
  if (options.clerk !== undefined && (typeof options.clerk !== 'object' || options.clerk === null))
    fail('clerk must be an object of clerkMiddleware options.');

  const parties = authorizedParties(origin, trustedHosts);
  return {
    isPublic,
    isApi,
    admin,
    signInUrl,
    unauthorizedUrl,
    reverify,
    origin,
    forwardUserId,
    rateLimit,
    revocation,
    protectedCacheControl,
    trustedHosts,
    clerk: {
      signInUrl,
      signUpUrl,
      ...(jwtKey ? { jwtKey } : {}),
      ...(parties ? { authorizedParties: parties } : {}),
      ...options.clerk,
    },
  };
}

/** The default rate-limit key: the user, else the client IP as your nearest proxy reported it. */
export function defaultRateLimitKey({ userId, ip }: RateLimitKeyInput): string {
  return userId ? `user:${userId}` : `ip:${ip ?? 'unknown'}`;
}

export type { VerifiedSession };
