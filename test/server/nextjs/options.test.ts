import '../helpers/env';
import { describe, expect, it, vi } from 'vitest';
import { type SessionProxyOptions, sessionProxy } from '../../../src/nextjs';

const create = (options: unknown) => () => sessionProxy(options as SessionProxyOptions);

describe('sessionProxy rejects invalid options at startup, naming the option and the fix', () => {
  it.each([
    [{ publicRoute: ['/'] }, /unknown option 'publicRoute'.*publicRoutes/],
    [{ publicRoutes: ['/admin(.*)'] }, /publicRoutes: .*regular expression.*'\/admin\/\*\*'/],
    [{ publicRoutes: ['dashboard'] }, /publicRoutes: .*absolute path/],
    [{ publicRoutes: '/' }, /publicRoutes: expected an array/],
    [{ apiRoutes: ['/api/**/x'] }, /apiRoutes: .*'\*\*' may only be the last segment/],
    [{ admin: { routes: ['/admin/**'] } }, /admin grants access to every signed-in user.*role/],
    [{ admin: { routes: [], role: 'org:admin' } }, /admin\.routes must list/],
    [{ admin: [{ routes: ['/a/**'], role: '' }] }, /admin\[0\]\.role must be/],
    [
      { admin: { routes: ['/admin/**'], role: 'org:admin' }, unauthorizedUrl: '/admin/denied' },
      /unauthorizedUrl .* is itself an admin route/,
    ],
    [{ signInUrl: '//evil.example/sign-in' }, /signInUrl .* single '\/'/],
    [{ signInUrl: 'javascript:alert(1)' }, /signInUrl .*http\(s\) URL/],
    [{ origin: 'https://app.example.com/path' }, /origin must be a scheme and host only/],
    [{ forwardUserId: 'x user id' }, /forwardUserId must be a plain header name/],
    [{ forwardUserId: 'x-middleware-rewrite' }, /forwardUserId must be a plain header name/],
    [{ rateLimit: { limiter: {} } }, /rateLimit\.limiter must have limit\(key\)/],
    [
      { rateLimit: { limiter: { limit: async () => ({}) }, onError: 'ignore' } },
      /rateLimit\.onError must be 'open' or 'closed'/,
    ],
    [
      { rateLimit: { limiter: { limit: async () => ({}) }, timeoutMs: 0 } },
      /rateLimit\.timeoutMs must be a positive number/,
    ],
    [
      { maxAuthAge: { afterMinutes: 0.5, routes: ['/x/**'] } },
      /maxAuthAge\.afterMinutes must be a positive whole number/,
    ],
    [{ maxAuthAge: { afterMinutes: 5 } }, /maxAuthAge has no routes/],
    [
      { maxAuthAge: { afterMinutes: 5, routes: ['/settings/**'], reverifyUrl: '/settings/reverify' } },
      /reverifyUrl .* would redirect to itself/,
    ],
    [{ maxAuthAge: { afterMinutes: 5, routes: ['/s/**'], level: 'third_factor' } }, /maxAuthAge\.level must be/],
    [{ trustedHosts: ['https://x.example/'] }, /trustedHosts must be host names/],
    [{ protectedCacheControl: 'public, max-age=60' }, /protectedCacheControl must keep shared caches out/],
    [{ protectedCacheControl: 'private, s-maxage=60' }, /protectedCacheControl must keep shared caches out/],
    [{ protectedCacheControl: true }, /protectedCacheControl must keep shared caches out/],
    [{ rateLimit: { limiter: { limit: async () => ({}) }, actions: 'yes' } }, /rateLimit\.actions must be true/],
    [{ jwtKey: 'not a key' }, /jwtKey \(or CLERK_JWT_KEY\) must be the PEM public key/],
  ])('%j', (options, message) => {
    expect(create(options)).toThrow(message);
    expect(create(options)).toThrow(/^sessionProxy: /);
  });

  it('accepts a full, valid configuration', () => {
    expect(
      create({
        publicRoutes: ['/', '/blog/*', '/docs/**'],
        admin: [
          { routes: ['/admin/**'], role: ['org:admin', 'org:owner'] },
          { routes: ['/billing/**'], permission: 'org:billing:manage' },
        ],
        maxAuthAge: { afterMinutes: 10, reverifyUrl: '/reverify' },
        unauthorizedUrl: '/no-access',
        signInUrl: 'https://accounts.example.com/sign-in',
        origin: 'https://app.example.com',
        forwardUserId: 'X-User-Id',
        trustedHosts: ['app.example.com'],
      }),
    ).not.toThrow();
  });
});

describe('sessionProxy warns at startup when production redirects would follow the Host header', () => {
  it('warns once without origin or trustedHosts in production, not with either, not in development', () => {
    const warnings: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((message) => warnings.push(message));
    vi.stubEnv('NODE_ENV', 'production');
    try {
      sessionProxy({});
      sessionProxy({ origin: 'https://app.example.com' });
      sessionProxy({ trustedHosts: ['app.example.com'] });
      vi.stubEnv('NODE_ENV', 'development');
      sessionProxy({});
    } finally {
      vi.unstubAllEnvs();
      warn.mockRestore();
    }
    expect(warnings).toEqual([expect.stringMatching(/no `origin` \(or `trustedHosts`\).*Host header/)]);
  });
});
