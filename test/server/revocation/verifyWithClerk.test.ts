import '../helpers/env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKeys, SECRET_KEY } from '../helpers/keys';
import { callProxy, outcome } from '../helpers/proxy';
import { startBackendApiStandIn } from './backendApiStandIn';
import { revocationProxy, tokenFor } from './fixture';

const keys = createTestKeys();
const unauthenticated = { kind: 'json', status: 401, code: 'unauthenticated', wwwAuthenticate: 'Bearer' };

describe("revocation.verifyWithClerk against a stand-in for Clerk's Backend API", () => {
  let api: Awaited<ReturnType<typeof startBackendApiStandIn>>;
  beforeAll(async () => {
    api = await startBackendApiStandIn(SECRET_KEY, {
      sess_active: 'active',
      sess_revoked: 'revoked',
      sess_ended: 'ended',
      sess_removed: 'removed',
    });
  });
  afterAll(async () => {
    await api?.close();
  });
  const verifyWithClerk = (cacheMs = 60_000) => ({ apiUrl: api.url, secretKey: SECRET_KEY, cacheMs });

  it('signs out sessions Clerk reports revoked, ended, removed or unknown; active ones pass', async () => {
    const proxy = revocationProxy(keys, { verifyWithClerk: verifyWithClerk() });
    const results: Record<string, string> = {};
    for (const sid of ['sess_active', 'sess_revoked', 'sess_ended', 'sess_removed', 'sess_unknown']) {
      results[sid] = (await outcome(await callProxy(proxy, '/api/me', { token: tokenFor(keys, sid) }))).kind;
    }
    expect(results).toEqual({
      sess_active: 'allowed',
      sess_revoked: 'json',
      sess_ended: 'json',
      sess_removed: 'json',
      sess_unknown: 'json',
    });
    expect(await outcome(await callProxy(proxy, '/api/me', { token: tokenFor(keys, 'sess_revoked') }))).toEqual(
      unauthenticated,
    );
  });

  it('asks once per session per cacheMs, and only on the listed routes', async () => {
    const proxy = revocationProxy(keys, {
      verifyWithClerk: verifyWithClerk(1000),
      routes: ['/api/admin/**', '/api/me'],
    });
    const token = tokenFor(keys, 'sess_active');
    api.asked.length = 0;
    for (let i = 0; i < 5; i += 1) await callProxy(proxy, '/api/me', { token });
    await callProxy(proxy, '/dashboard', { token });
    expect(api.asked).toEqual(['sess_active']);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await callProxy(proxy, '/api/me', { token });
    expect(api.asked).toEqual(['sess_active', 'sess_active']);
  });

  it('rejects an invalid verifyWithClerk at startup, naming the option', () => {
    expect(() => revocationProxy(keys, { verifyWithClerk: 'yes' as never })).toThrow(
      /revocation\.verifyWithClerk must be/,
    );
    expect(() => revocationProxy(keys, { verifyWithClerk: { cacheMs: -1 } })).toThrow(/verifyWithClerk\.cacheMs/);
  });

  it("Backend API failures follow onError: 'open' passes on the token, 'closed' answers 503", async () => {
    api.state.failing = true;
    try {
      for (const onError of ['open', 'closed'] as const) {
        const proxy = revocationProxy(keys, { verifyWithClerk: verifyWithClerk(0), onError, log: () => {} });
        const response = await callProxy(proxy, '/api/me', { token: tokenFor(keys, 'sess_active') });
        expect([onError, response.status]).toEqual([onError, onError === 'open' ? 200 : 503]);
      }
    } finally {
      api.state.failing = false;
    }
  });
});
