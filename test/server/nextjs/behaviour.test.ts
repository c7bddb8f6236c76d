import '../helpers/env';
import { describe, expect, it } from 'vitest';
import { signToken } from '../helpers/keys';
import { callProxy, ORIGIN, outcome } from '../helpers/proxy';
import { createFixture } from './fixture';

const { tokens, proxy } = createFixture();

const visit = async (path: string, token?: string, headers?: Record<string, string>) =>
  outcome(await callProxy(proxy, path, { ...(token ? { token } : {}), ...(headers ? { headers } : {}) }));

const signInRedirect = (path: string) => ({
  kind: 'redirect',
  location: new URL(`/sign-in?redirect_url=${encodeURIComponent(`${ORIGIN}${path}`)}`, ORIGIN),
});
const unauthenticated = { kind: 'json', status: 401, code: 'unauthenticated', wwwAuthenticate: 'Bearer' };
const forbidden = {
  kind: 'json',
  status: 403,
  code: 'forbidden',
  wwwAuthenticate: 'Bearer error="insufficient_scope"',
};

describe('signed out', () => {
  it('opens public pages and public APIs', async () => {
    expect(await visit('/')).toEqual({ kind: 'allowed', forwardedUserId: null });
    expect(await visit('/about')).toEqual({ kind: 'allowed', forwardedUserId: null });
    expect(await visit('/api/public')).toEqual({ kind: 'allowed', forwardedUserId: null });
  });

  it('opens the sign-in page and its sub-routes', async () => {
    expect((await visit('/sign-in')).kind).toBe('allowed');
    expect((await visit('/sign-in/factor-one')).kind).toBe('allowed');
  });

  it('keeps the app basePath in the sign-in URL and in redirect_url', async () => {
    const result = await outcome(await callProxy(proxy, '/app/dashboard?tab=keys', { basePath: '/app' }));
    expect(result).toEqual({
      kind: 'redirect',
      location: new URL(`/app/sign-in?redirect_url=${encodeURIComponent(`${ORIGIN}/app/dashboard?tab=keys`)}`, ORIGIN),
    });
    // The sign-in page itself stays public under the basePath (no redirect loop).
    expect((await outcome(await callProxy(proxy, '/app/sign-in', { basePath: '/app' }))).kind).toBe('allowed');
  });

  it('redirects a page to sign-in with a same-origin redirect_url carrying the query', async () => {
    expect(await visit('/dashboard')).toEqual(signInRedirect('/dashboard'));
    expect(await visit('/dashboard?tab=keys')).toEqual(signInRedirect('/dashboard?tab=keys'));
    expect(await visit('/admin')).toEqual(signInRedirect('/admin'));
  });

  it('answers APIs with 401 JSON and WWW-Authenticate, never a redirect', async () => {
    expect(await visit('/api/me')).toEqual(unauthenticated);
    expect(await visit('/api/admin')).toEqual(unauthenticated);
    const response = await callProxy(proxy, '/api/me');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.clone().json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });
});

describe('signed in', () => {
  it('reaches signed-in pages and APIs with the user id forwarded on the request only', async () => {
    expect(await visit('/dashboard', tokens.user)).toEqual({ kind: 'allowed', forwardedUserId: 'user_member' });
    const response = await callProxy(proxy, '/api/me', { token: tokens.user });
    expect(response.headers.get('x-middleware-request-x-user-id')).toBe('user_member');
    expect(response.headers.get('x-middleware-override-headers')?.split(',')).toContain('x-user-id');
    expect(response.headers.get('x-user-id')).toBeNull();
  });

  it('forwards the id on public routes too', async () => {
    expect(await visit('/', tokens.user)).toEqual({ kind: 'allowed', forwardedUserId: 'user_member' });
  });

  it('gets a 404 for admin pages and 403 JSON for admin APIs', async () => {
    expect(await visit('/admin', tokens.user)).toEqual({ kind: 'status', status: 404 });
    expect(await visit('/admin/users/1', tokens.user)).toEqual({ kind: 'status', status: 404 });
    expect(await visit('/api/admin', tokens.user)).toEqual(forbidden);
  });
});

describe('pending session (sts: pending)', () => {
  it('counts as signed out', async () => {
    expect(await visit('/dashboard', tokens.pending)).toEqual(signInRedirect('/dashboard'));
    expect(await visit('/api/me', tokens.pending)).toEqual(unauthenticated);
    expect(await visit('/', tokens.pending)).toEqual({ kind: 'allowed', forwardedUserId: null });
  });
});

describe('organization roles', () => {
  it('lets an org admin (o.rol admin, v2 token) into admin pages and APIs', async () => {
    expect(await visit('/admin', tokens.admin)).toEqual({ kind: 'allowed', forwardedUserId: 'user_admin' });
    expect(await visit('/admin/reports/q3', tokens.admin)).toEqual({ kind: 'allowed', forwardedUserId: 'user_admin' });
    expect(await visit('/api/admin', tokens.admin)).toEqual({ kind: 'allowed', forwardedUserId: 'user_admin' });
  });

  it('keeps an org member out of admin routes but not signed-in ones', async () => {
    expect(await visit('/admin', tokens.nonAdmin)).toEqual({ kind: 'status', status: 404 });
    expect(await visit('/api/admin', tokens.nonAdmin)).toEqual(forbidden);
    expect(await visit('/dashboard', tokens.nonAdmin)).toEqual({ kind: 'allowed', forwardedUserId: 'user_plain' });
  });

  it('sends a role failure to unauthorizedUrl when one is set', async () => {
    const { proxy: withUrl, tokens: t } = createFixture({ unauthorizedUrl: '/no-access' });
    const result = await outcome(await callProxy(withUrl, '/admin', { token: t.user }));
    expect(result).toEqual({ kind: 'redirect', location: new URL('/no-access', ORIGIN) });
  });

  it('supports permission and claim predicates', async () => {
    const { proxy: byClaim, tokens: t } = createFixture({
      admin: {
        routes: ['/admin/**', '/api/admin/**'],
        check: (s) => s.orgSlug === 'acme' && s.orgRole === 'org:admin',
      },
    });
    expect((await outcome(await callProxy(byClaim, '/api/admin', { token: t.admin }))).kind).toBe('allowed');
    expect(await outcome(await callProxy(byClaim, '/api/admin', { token: t.nonAdmin }))).toEqual(forbidden);
  });
});

describe('invalid tokens', () => {
  it('treats an expired token as signed out', async () => {
    expect(await visit('/dashboard', tokens.expired)).toEqual(signInRedirect('/dashboard'));
    expect(await visit('/api/me', tokens.expired)).toEqual(unauthenticated);
  });

  it('treats a token with a future nbf as signed out', async () => {
    expect(await visit('/dashboard', tokens.futureNbf)).toEqual(signInRedirect('/dashboard'));
    expect(await visit('/api/me', tokens.futureNbf)).toEqual(unauthenticated);
  });

  it('treats a token signed by another key as signed out', async () => {
    const other = createFixture().tokens.admin;
    expect(await visit('/api/admin', other)).toEqual(unauthenticated);
  });
});

describe('recent sign-in (maxAuthAge from fva, not iat)', () => {
  it('lets a fresh sign-in through', async () => {
    expect(await visit('/settings/security', tokens.user)).toEqual({ kind: 'allowed', forwardedUserId: 'user_member' });
  });

  it('sends a stale page request to re-verification with a redirect_url', async () => {
    expect(await visit('/settings/security', tokens.staleFva)).toEqual({
      kind: 'redirect',
      location: new URL(`/reverify?redirect_url=${encodeURIComponent(`${ORIGIN}/settings/security`)}`, ORIGIN),
    });
  });

  it('answers a stale API request with 403 reverification_required that Clerk clients recognise', async () => {
    const response = await callProxy(proxy, '/api/settings', { token: tokens.staleFva });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'reverification_required', message: expect.any(String) },
      clerk_error: {
        type: 'forbidden',
        reason: 'reverification-error',
        metadata: { reverification: { level: 'first_factor', afterMinutes: 10 } },
      },
    });
  });

  it('does not ask for re-verification outside its routes', async () => {
    expect(await visit('/dashboard', tokens.staleFva)).toEqual({ kind: 'allowed', forwardedUserId: 'user_stale' });
  });
});

describe('caching of protected responses', () => {
  it('lets a protected response through as private, no-store with Vary; public ones keep the app headers', async () => {
    const response = await callProxy(proxy, '/dashboard', { token: tokens.user });
    expect([response.headers.get('cache-control'), response.headers.get('vary')]).toEqual([
      'private, no-store',
      'Cookie, Authorization',
    ]);
    expect((await callProxy(proxy, '/', { token: tokens.user })).headers.get('cache-control')).toBeNull();
  });

  it('takes another private policy, or none with protectedCacheControl: false', async () => {
    const header = async (protectedCacheControl: string | false) => {
      const { proxy: p, tokens: t } = createFixture({ protectedCacheControl });
      return (await callProxy(p, '/dashboard', { token: t.user })).headers.get('cache-control');
    };
    expect(await header('private, max-age=60')).toBe('private, max-age=60');
    expect(await header(false)).toBeNull();
  });
});

describe('authorized parties (azp)', () => {
  const now = Math.floor(Date.now() / 1000);
  const withAzp = (keys: Parameters<typeof signToken>[0], azp: string) =>
    signToken(keys, { sub: 'user_member', sid: 'sess_member', iat: now - 5, nbf: now - 5, exp: now + 600, v: 2, azp });

  it('refuses a token issued to another site once origin or trustedHosts say which sites are ours', async () => {
    const { proxy: pinned, keys } = createFixture({
      origin: 'https://app.example.com',
      trustedHosts: ['www.example.com'],
    });
    const status = async (azp: string) => (await callProxy(pinned, '/api/me', { token: withAzp(keys, azp) })).status;
    expect([
      await status('https://evil.example'),
      await status('https://app.example.com'),
      await status('https://www.example.com'),
    ]).toEqual([401, 200, 200]);
  });

  it('leaves an explicit clerk.authorizedParties as given', async () => {
    const { proxy: explicit, keys } = createFixture({
      origin: 'https://app.example.com',
      clerk: { authorizedParties: ['https://partner.example'] },
    });
    const status = async (azp: string) => (await callProxy(explicit, '/api/me', { token: withAzp(keys, azp) })).status;
    expect([await status('https://partner.example'), await status('https://app.example.com')]).toEqual([200, 401]);
  });
});
