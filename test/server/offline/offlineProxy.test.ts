import '../helpers/env';
import { clerkMiddleware } from '@clerk/nextjs/server';
import type { NextMiddleware } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionProxy } from '../../../src/nextjs';
import { scenarios } from '../../../src/testing';
import { OFFLINE_SESSION_PATH, type OfflineSession, offlineProxy } from '../../../src/testing/server';
import { createTestKeys, signToken } from '../helpers/keys';
import { callProxy, ORIGIN, outcome } from '../helpers/proxy';

/**
 * offlineProxy in process, around the real clerkMiddleware and sessionProxy: what the browser's report turns
 * into (cookies), what Clerk then reads from them (auth()), and when it refuses to run.
 */
const keys = createTestKeys();
const otherKeys = createTestKeys();

/** A browser's cookie jar: Set-Cookie in, Cookie header out. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    cookies,
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const [name = '', value = ''] = pair.split('=');
        if (attributes.some((a) => a.trim().toLowerCase() === 'max-age=0')) cookies.delete(name);
        else cookies.set(name, pair.slice(name.length + 1) || value);
      }
    },
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
}

const many = scenarios.manyAccounts();
const ada = many.sessions.find((s) => s.id === 'sess_ada') as OfflineSession;
const admin: OfflineSession = {
  ...ada,
  organization: { id: 'org_1', slug: 'acme', role: 'org:admin' },
  factorVerificationAge: [3, -1],
};

type Auth = {
  userId: string | null;
  sessionId: string | null;
  orgRole?: string | null;
  factorVerificationAge?: unknown;
};

function capturing(): { proxy: NextMiddleware; last: () => Auth | undefined } {
  let captured: Auth | undefined;
  const proxy = offlineProxy((jwtKey) =>
    clerkMiddleware(
      async (auth) => {
        captured = (await auth()) as unknown as Auth;
      },
      { jwtKey },
    ),
  );
  return { proxy, last: () => captured };
}

const report = (proxy: NextMiddleware, session: OfflineSession | null, cookie = '', origin = ORIGIN) =>
  callProxy(proxy, OFFLINE_SESSION_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ session }),
  });

// A page load as a browser sends it: Clerk answers a document request without its cookies with a handshake.
const pageLoad = (proxy: NextMiddleware, path: string, cookie: string) =>
  callProxy(proxy, path, { headers: { 'sec-fetch-dest': 'document', accept: 'text/html', cookie } });

beforeEach(() => {
  vi.stubEnv('CLERK_OFFLINE_PRIVATE_KEY', keys.privateKey);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('offlineProxy', () => {
  it("signs the browser in as the mock's session: auth() names the same user, session, org role and fva", async () => {
    const { proxy, last } = capturing();
    const browser = jar();
    const answer = await report(proxy, admin);
    expect(await answer.json()).toEqual({ userId: 'user_ada', sessionId: 'sess_ada', changed: true });
    browser.take(answer);
    expect([...browser.cookies.keys()].sort()).toEqual(['__clerk_db_jwt', '__client_uat', '__session']);
    await pageLoad(proxy, '/account', browser.header());
    expect(last()).toMatchObject({
      userId: 'user_ada',
      sessionId: 'sess_ada',
      orgRole: 'org:admin',
      factorVerificationAge: [3, -1],
    });
  });

  it('a switch and a sign-out move the server with the browser; an unchanged report says so', async () => {
    const { proxy, last } = capturing();
    const browser = jar();
    browser.take(await report(proxy, ada));
    const again = await report(proxy, ada, browser.header());
    expect((await again.json()).changed).toBe(false);
    const grace = many.sessions.find((s) => s.id === 'sess_grace') as OfflineSession;
    browser.take(await report(proxy, grace, browser.header()));
    await pageLoad(proxy, '/account', browser.header());
    expect(last()?.userId).toBe('user_grace');
    const out = await report(proxy, null, browser.header());
    expect(await out.json()).toEqual({ userId: null, sessionId: null, changed: true });
    browser.take(out);
    expect(browser.cookies.get('__client_uat')).toBe('0');
    expect(browser.cookies.has('__session')).toBe(false);
    await pageLoad(proxy, '/account', browser.header());
    expect(last()?.userId).toBeNull();
  });

  it('a bad sessionProxy option throws when the proxy is created, naming the option, not on the first request', () => {
    expect(() =>
      offlineProxy((jwtKey) => sessionProxy({ publicRoutes: ['/'], trustedHosts: ['https://x/'], jwtKey })),
    ).toThrow(/^sessionProxy: .*trustedHosts must be host names/);
  });

  it('sessionProxy lets the reported user in and keeps others out', async () => {
    const proxy = offlineProxy((jwtKey) => sessionProxy({ publicRoutes: ['/'], forwardUserId: 'x-user-id', jwtKey }));
    const browser = jar();
    browser.take(await report(proxy, ada));
    expect(await outcome(await callProxy(proxy, '/api/me', { headers: { cookie: browser.header() } }))).toEqual({
      kind: 'allowed',
      forwardedUserId: 'user_ada',
    });
    const stranger = signToken(otherKeys, { sub: 'user_ada', sid: 'sess_ada', exp: Date.now() / 1000 + 600 });
    const forged = await outcome(
      await callProxy(proxy, '/api/me', { headers: { cookie: `__session=${stranger}; __client_uat=1` } }),
    );
    expect(forged).toMatchObject({ kind: 'json', status: 401 });
  });

  it('a first page load gets a development browser token instead of a handshake nobody answers', async () => {
    const { proxy, last } = capturing();
    const response = await pageLoad(proxy, '/', '');
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.getSetCookie().some((c) => c.startsWith('__clerk_db_jwt='))).toBe(true);
    expect(last()?.userId).toBeNull();
  });

  it('re-signs an expired token of this project, as Clerk refreshes it, and drops one from another key', async () => {
    const { proxy, last } = capturing();
    const now = Math.floor(Date.now() / 1000);
    const browser = jar();
    browser.take(await report(proxy, ada));
    // Seven hours later (tokens live an hour).
    vi.useFakeTimers({ now: Date.now() + 7 * 3600_000, toFake: ['Date'] });
    try {
      const response = await pageLoad(proxy, '/account', browser.header());
      expect(response.headers.get('location')).toBeNull();
      expect(last()?.userId).toBe('user_ada');
      browser.take(response);
      expect(Number(browser.cookies.get('__client_uat'))).toBeGreaterThan(now + 6 * 3600);
    } finally {
      vi.useRealTimers();
    }
    const stranger = signToken(otherKeys, { sub: 'user_x', sid: 'sess_x', iat: now, exp: now + 600 });
    const dropped = await pageLoad(proxy, '/account', `__session=${stranger}; __client_uat=${now}; __clerk_db_jwt=x`);
    expect(dropped.headers.get('location')).toBeNull();
    expect(last()?.userId).toBeNull();
  });

  it('refuses a report from another origin and a body that is not a session', async () => {
    const { proxy } = capturing();
    expect((await report(proxy, ada, '', 'https://evil.example')).status).toBe(403);
    const bad = await callProxy(proxy, OFFLINE_SESSION_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session: { id: 1 } }),
    });
    expect(bad.status).toBe(400);
  });

  it('refuses to run in a production build and with live keys, naming the fix', async () => {
    const { proxy } = capturing();
    vi.stubEnv('NODE_ENV', 'production');
    await expect(report(proxy, ada)).rejects.toThrow(
      /refuses to run in a production build.*CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD=1/,
    );
    vi.stubEnv('CLERK_OFFLINE_ALLOW_PRODUCTION_BUILD', '1');
    expect((await report(proxy, ada)).status).toBe(200);
    vi.stubEnv('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k');
    await expect(report(proxy, ada)).rejects.toThrow(/production Clerk instance/);
  });
});
