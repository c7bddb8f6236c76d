import '../helpers/env';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type MemoryRevocationListOptions,
  memoryRevocationList,
  type RevocationList,
  revocationWebhook,
  sessionProxy,
} from '../../../src/nextjs';
import { createTestKeys } from '../helpers/keys';
import { callProxy, ORIGIN, outcome } from '../helpers/proxy';
import { revocationProxy, tokenFor } from './fixture';
import { newSigningSecret, signedDelivery, specEvent } from './webhooks';

const keys = createTestKeys();
// Memory lists of one name share their entries process-wide; each test gets its own.
const freshList = (options: MemoryRevocationListOptions = {}) =>
  memoryRevocationList({ name: randomUUID(), ...options });
const unauthenticated = { kind: 'json', status: 401, code: 'unauthenticated', wwwAuthenticate: 'Bearer' };
const signIn = (path: string) => ({
  kind: 'redirect',
  location: new URL(`/sign-in?redirect_url=${encodeURIComponent(`${ORIGIN}${path}`)}`, ORIGIN),
});

describe('memoryRevocationList', () => {
  it('lists a revoked session and every session of a revoked user, and nothing else', async () => {
    const list = freshList();
    await list.revokeSession('sess_a');
    await list.revokeUser('user_gone');
    expect(await list.isRevoked({ sessionId: 'sess_a', userId: 'user_1' })).toBe(true);
    expect(await list.isRevoked({ sessionId: 'sess_b', userId: 'user_1' })).toBe(false);
    expect(await list.isRevoked({ sessionId: 'sess_c', userId: 'user_gone' })).toBe(true);
  });

  it('forgets an entry once every token minted before it has expired (token lifetime + clock skew)', async () => {
    let t = 1_000_000;
    const list = freshList({ tokenLifetimeMs: 60_000, clockSkewMs: 5_000, now: () => t });
    await list.revokeSession('sess_a');
    t += 64_999;
    expect(await list.isRevoked({ sessionId: 'sess_a', userId: 'u' })).toBe(true);
    t += 1;
    expect(await list.isRevoked({ sessionId: 'sess_a', userId: 'u' })).toBe(false);
    // Revoking again (a redelivered webhook) starts a fresh lifetime.
    await list.revokeSession('sess_a');
    t += 30_000;
    await list.revokeSession('sess_a');
    t += 60_000;
    expect(await list.isRevoked({ sessionId: 'sess_a', userId: 'u' })).toBe(true);
  });

  it('shares entries between lists of the same name (the proxy and the webhook route are separate bundles)', async () => {
    const name = randomUUID();
    const inProxy = memoryRevocationList({ name });
    const inRoute = memoryRevocationList({ name });
    await inRoute.revokeSession('sess_shared');
    expect(await inProxy.isRevoked({ sessionId: 'sess_shared', userId: 'u' })).toBe(true);
    expect(await freshList().isRevoked({ sessionId: 'sess_shared', userId: 'u' })).toBe(false);
  });

  it('refuses bad lifetimes at creation, naming the option', () => {
    expect(() => freshList({ tokenLifetimeMs: 0 })).toThrow(/'tokenLifetimeMs'/);
    expect(() => freshList({ clockSkewMs: -1 })).toThrow(/'clockSkewMs'/);
    expect(() => memoryRevocationList({ name: '' })).toThrow(/'name'/);
  });
});

describe('revoked ids in odd encodings of sid', () => {
  const list = freshList();
  const proxy = revocationProxy(keys, { list });

  it('refuses mangled ids when they are revoked, instead of storing an entry that never matches', async () => {
    for (const id of [' sess_Abc', 'sess_Abc\n', 'sess_Аbc' /* Cyrillic А */, 'sess_Abc\u200b', 'ｓｅｓｓ_Abc', '']) {
      await expect(list.revokeSession(id), JSON.stringify(id)).rejects.toThrow(TypeError);
    }
    await expect(list.revokeUser('user 1')).rejects.toThrow(/userId must be a Clerk id/);
  });

  it('matches the exact id only: the revoked session is refused, sessions spelled alike are not', async () => {
    await list.revokeSession('sess_Abc');
    const visit = async (sid: string) =>
      (await outcome(await callProxy(proxy, '/api/me', { token: tokenFor(keys, sid) }))).kind;
    expect(await visit('sess_Abc')).toBe('json');
    // Clerk ids are case-sensitive base62: these are other sessions (or none Clerk would mint) and stay signed in.
    expect(
      await Promise.all(['sess_abc', 'SESS_ABC', 'sess_Аbc', 'sess_Abc ', 'sess_Abc\u200b', 'ｓｅｓｓ_Abc'].map(visit)),
    ).toEqual(['allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed']);
  });
});

describe('sessionProxy({ revocation })', () => {
  it('signs a revoked session out on the next request: pages to sign-in, APIs 401 JSON, admin pages too', async () => {
    const list = freshList();
    const proxy = revocationProxy(keys, { list });
    const laptop = tokenFor(keys, 'sess_laptop');
    const admin = tokenFor(keys, 'sess_admin_laptop', 'user_admin');
    const visit = async (path: string, token: string) => outcome(await callProxy(proxy, path, { token }));
    expect((await visit('/dashboard', laptop)).kind).toBe('allowed');
    await list.revokeSession('sess_laptop');
    await list.revokeSession('sess_admin_laptop');
    expect(await visit('/dashboard', laptop)).toEqual(signIn('/dashboard'));
    expect(await visit('/api/me', laptop)).toEqual(unauthenticated);
    expect(await visit('/admin', admin)).toEqual(signIn('/admin'));
    // The same user's other device keeps working.
    expect(await visit('/api/me', tokenFor(keys, 'sess_phone'))).toEqual({
      kind: 'allowed',
      forwardedUserId: 'user_member',
    });
  });

  it('checks public routes only when listed, and then forwards no user id for a revoked session', async () => {
    const list = freshList();
    await list.revokeSession('sess_laptop');
    const token = tokenFor(keys, 'sess_laptop');
    const byDefault = revocationProxy(keys, { list });
    expect(await outcome(await callProxy(byDefault, '/api/public', { token }))).toEqual({
      kind: 'allowed',
      forwardedUserId: 'user_member',
    });
    const everywhere = revocationProxy(keys, { list, routes: ['/**'] });
    expect(await outcome(await callProxy(everywhere, '/api/public', { token }))).toEqual({
      kind: 'allowed',
      forwardedUserId: null,
    });
    expect(await outcome(await callProxy(everywhere, '/api/me', { token }))).toEqual(unauthenticated);
  });

  it('checks only the listed routes when routes are given', async () => {
    const list = freshList();
    await list.revokeSession('sess_laptop');
    const token = tokenFor(keys, 'sess_laptop');
    const proxy = revocationProxy(keys, { list, routes: ['/api/**'] });
    expect((await outcome(await callProxy(proxy, '/dashboard', { token }))).kind).toBe('allowed');
    expect(await outcome(await callProxy(proxy, '/api/me', { token }))).toEqual(unauthenticated);
  });

  it('asks the list nothing for signed-out requests and public routes', async () => {
    const asked: string[] = [];
    const list: RevocationList = {
      ...freshList(),
      isRevoked: async ({ sessionId }) => {
        asked.push(sessionId);
        return false;
      },
    };
    const proxy = revocationProxy(keys, { list });
    await callProxy(proxy, '/dashboard');
    await callProxy(proxy, '/', { token: tokenFor(keys, 'sess_1') });
    await callProxy(proxy, '/api/me', { token: tokenFor(keys, 'sess_2') });
    expect(asked).toEqual(['sess_2']);
  });

  it("a list that never answers: 'open' lets the token through, 'closed' answers 503; logged once per interval", async () => {
    const hanging: RevocationList = { ...freshList(), isRevoked: () => new Promise(() => {}) };
    const token = tokenFor(keys, 'sess_laptop');
    for (const onError of ['open', 'closed'] as const) {
      const logged: unknown[] = [];
      const proxy = revocationProxy(keys, {
        list: hanging,
        onError,
        timeoutMs: 20,
        log: (message) => logged.push(message),
      });
      const results = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await callProxy(proxy, '/api/me', { token });
        results.push([response.status, response.headers.get('retry-after')]);
      }
      expect(results).toEqual(onError === 'open' ? Array(3).fill([200, null]) : Array(3).fill([503, '1']));
      expect(logged).toEqual([expect.stringContaining(`onError: '${onError}'`)]);
    }
  });

  it('rejects invalid revocation options at startup, naming the option', () => {
    const make = (revocation: unknown) => () => sessionProxy({ jwtKey: keys.jwtKey, revocation: revocation as never });
    expect(make({})).toThrow(/sessionProxy: revocation\.list must be a revocation list/);
    expect(make({ list: freshList(), onError: 'fail' })).toThrow(/revocation\.onError/);
    expect(make({ list: freshList(), timeoutMs: 0 })).toThrow(/revocation\.timeoutMs/);
    expect(make({ list: freshList(), routes: [] })).toThrow(/revocation\.routes/);
    expect(make({ list: freshList(), routes: ['admin'] })).toThrow(/revocation\.routes/);
  });
});

describe('revocationWebhook', () => {
  const secret = newSigningSecret();

  function setUp() {
    const list = freshList();
    const logged: string[] = [];
    const handler = revocationWebhook({ list, signingSecret: secret, log: (message) => logged.push(message) });
    const revoked = (sessionId: string, userId = 'user_x') => list.isRevoked({ sessionId, userId });
    return { list, handler, revoked, logged };
  }

  it.each(['session.revoked', 'session.removed', 'session.ended'])(
    '%s (Clerk spec example, Svix-signed) puts the session on the list',
    async (type) => {
      const { handler, revoked } = setUp();
      const response = await handler(signedDelivery(secret, specEvent(type, 'sess_stolen')));
      expect([response.status, await response.json()]).toEqual([200, { received: type, revoked: 'sess_stolen' }]);
      expect(await revoked('sess_stolen')).toBe(true);
      expect(await revoked('sess_other')).toBe(false);
    },
  );

  it('user.deleted puts every session of the user on the list', async () => {
    const { handler, list } = setUp();
    const response = await handler(signedDelivery(secret, specEvent('user.deleted', 'user_gone')));
    expect(response.status).toBe(200);
    expect(await list.isRevoked({ sessionId: 'sess_any', userId: 'user_gone' })).toBe(true);
    expect(await list.isRevoked({ sessionId: 'sess_any', userId: 'user_kept' })).toBe(false);
  });

  it('other events are acknowledged and change nothing', async () => {
    const { handler, revoked } = setUp();
    const response = await handler(signedDelivery(secret, specEvent('session.created', 'sess_new')));
    expect([response.status, await response.json()]).toEqual([200, { received: 'session.created', revoked: null }]);
    expect(await revoked('sess_new')).toBe(false);
  });

  it('answers 400 and adds nothing for a forged, tampered, unsigned, stale or foreign-secret delivery', async () => {
    const { handler, revoked } = setUp();
    const event = specEvent('session.revoked', 'sess_victim');
    const genuine = signedDelivery(secret, event);
    const forged: Request[] = [
      signedDelivery(newSigningSecret(), event),
      // The signature of a genuine delivery over another body.
      new Request(genuine.url, {
        method: 'POST',
        headers: genuine.headers,
        body: JSON.stringify(specEvent('session.revoked', 'sess_someone_else')),
      }),
      new Request(genuine.url, { method: 'POST', body: JSON.stringify(event) }),
      // A replay of a delivery signed ten minutes ago (Standard Webhooks allows five).
      signedDelivery(secret, event, { at: new Date(Date.now() - 10 * 60_000) }),
      signedDelivery(secret, event, { body: 'not json' }),
    ];
    for (const request of forged) {
      const response = await handler(request);
      expect([response.status, await response.json()]).toEqual([400, { error: 'invalid_signature' }]);
    }
    expect(await revoked('sess_victim')).toBe(false);
    expect(await revoked('sess_someone_else')).toBe(false);
  });

  it('is idempotent under redelivery: the same message twice answers 200 twice and lists the id once', async () => {
    const { handler, revoked } = setUp();
    const event = specEvent('session.revoked', 'sess_twice');
    const first = await handler(signedDelivery(secret, event, { id: 'msg_1' }));
    const again = await handler(signedDelivery(secret, event, { id: 'msg_1' }));
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await revoked('sess_twice')).toBe(true);
  });

  it('answers 400 to a signed event whose id the list would refuse, and 503 (Clerk retries) when the store fails', async () => {
    const { handler } = setUp();
    const odd = await handler(signedDelivery(secret, specEvent('session.revoked', 'sess_x y')));
    expect([odd.status, await odd.json()]).toEqual([400, { error: 'invalid_event', type: 'session.revoked' }]);
    const logged: string[] = [];
    const broken: RevocationList = {
      ...freshList(),
      revokeSession: async () => {
        throw new Error('connection refused');
      },
    };
    const failing = revocationWebhook({ list: broken, signingSecret: secret, log: (message) => logged.push(message) });
    const response = await failing(signedDelivery(secret, specEvent('session.revoked', 'sess_y')));
    expect([response.status, await response.json()]).toEqual([503, { error: 'store_unavailable' }]);
    expect(logged).toEqual([expect.stringContaining('sess_y')]);
  });

  it('without a signing secret answers 500 and says which variable to set; a bad list throws at creation', async () => {
    const previous = process.env.CLERK_WEBHOOK_SIGNING_SECRET;
    delete process.env.CLERK_WEBHOOK_SIGNING_SECRET;
    const logged: string[] = [];
    const handler = revocationWebhook({ list: freshList(), log: (message) => logged.push(message) });
    const response = await handler(signedDelivery(secret, specEvent('session.revoked', 'sess_z')));
    if (previous !== undefined) process.env.CLERK_WEBHOOK_SIGNING_SECRET = previous;
    expect(response.status).toBe(500);
    expect(logged).toEqual([expect.stringContaining('CLERK_WEBHOOK_SIGNING_SECRET')]);
    expect(() => revocationWebhook({ list: {} as RevocationList })).toThrow(/'list' must be a revocation list/);
  });

  it('a webhook delivered to the route makes the proxy refuse the still-valid token on its next request', async () => {
    const { handler, list } = setUp();
    const proxy = revocationProxy(keys, { list });
    const token = tokenFor(keys, 'sess_laptop');
    expect((await outcome(await callProxy(proxy, '/api/me', { token }))).kind).toBe('allowed');
    await handler(signedDelivery(secret, specEvent('session.revoked', 'sess_laptop')));
    expect(await outcome(await callProxy(proxy, '/api/me', { token }))).toEqual(unauthenticated);
  });
});
