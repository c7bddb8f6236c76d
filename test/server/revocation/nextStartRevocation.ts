import { expect, it } from 'vitest';
import type { TestKeys } from '../helpers/keys';
import { EXAMPLE_WEBHOOK_SECRET, type RunningApp, rawRequest } from '../helpers/nextApp';
import { tokenFor } from './fixture';
import { newSigningSecret, signedDelivery, specEvent } from './webhooks';

/** Sends a signed (or forged) Clerk webhook to the running example, byte for byte. */
async function deliver(app: RunningApp, secret: string, sessionId: string) {
  const request = signedDelivery(secret, specEvent('session.revoked', sessionId));
  return rawRequest(app.port, '/api/webhooks/clerk', {
    method: 'POST',
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
  });
}

/**
 * Revocation on `next start`, registered inside the examples/nextjs e2e suite: the example's webhook route and its
 * proxy share one memoryRevocationList (lib/revocations.ts).
 */
export function nextStartRevocationTests(getApp: () => RunningApp, keys: TestKeys) {
  it('a signed Clerk webhook signs the session out on the next request; a forged one changes nothing', async () => {
    const app = getApp();
    const authorization = `Bearer ${tokenFor(keys, 'sess_e2e_laptop', 'user_e2e')}`;
    const me = () => rawRequest(app.port, '/api/me', { headers: { authorization } });
    expect((await me()).status).toBe(200);
    const forged = await deliver(app, newSigningSecret(), 'sess_e2e_laptop');
    expect([forged.status, JSON.parse(forged.body)]).toEqual([400, { error: 'invalid_signature' }]);
    expect((await me()).status).toBe(200);
    const genuine = await deliver(app, EXAMPLE_WEBHOOK_SECRET, 'sess_e2e_laptop');
    expect([genuine.status, JSON.parse(genuine.body)]).toEqual([
      200,
      { received: 'session.revoked', revoked: 'sess_e2e_laptop' },
    ]);
    const refused = await me();
    expect([refused.status, JSON.parse(refused.body).error.code]).toEqual([401, 'unauthenticated']);
    const page = await rawRequest(app.port, '/dashboard', { headers: { authorization } });
    expect(page.status).toBe(307);
  });
}
