import { describe, expect, test } from 'vitest';
import { clerkFailure, clerkGate, createMockClerk, scenarios } from '../../../src/testing';
import { setupClerkServer } from './setup';

const { server } = setupClerkServer();

/** A loaded mock on the otherDevices scenario (Ada with a phone, a laptop and an unknown device). */
async function loadedMock() {
  const clerk = createMockClerk(scenarios.otherDevices());
  await clerk.load();
  return clerk;
}

/** Lets MSW hand pending requests to the handlers. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Ada's phone, as `user.getSessions()` lists it. */
const phoneOf = async (clerk: Awaited<ReturnType<typeof loadedMock>>) =>
  ((await clerk.user?.getSessions()) ?? []).find((device) => device.id === 'sess_ada_phone');

const devices = async (clerk: Awaited<ReturnType<typeof loadedMock>>) =>
  (clerk.mock.scenario.devices ?? []).map((device) => device.id);

describe('clerkGate', () => {
  test('counts the requests of its endpoint and lets them through to the normal answer', async () => {
    const revokes = clerkGate('session.revoke');
    server.use(...revokes.handlers);
    const clerk = await loadedMock();
    const phone = await phoneOf(clerk);
    await phone?.revoke();
    expect(revokes.count).toBe(1);
    expect(revokes.requests).toEqual([{ endpoint: 'session.revoke', sessionId: 'sess_ada_phone' }]);
    expect(await devices(clerk)).not.toContain('sess_ada_phone');
  });

  test('holds a request after hold() until release(): nothing changes while it waits', async () => {
    const revokes = clerkGate('session.revoke');
    server.use(...revokes.handlers);
    const clerk = await loadedMock();
    const phone = await phoneOf(clerk);
    revokes.hold();
    let settled = false;
    const revoking = phone?.revoke().then(() => {
      settled = true;
    });
    await settle();
    expect(revokes.waiting).toBe(1);
    expect(settled).toBe(false);
    expect(await devices(clerk)).toContain('sess_ada_phone');
    revokes.release();
    await revoking;
    expect(revokes.waiting).toBe(0);
    expect(await devices(clerk)).not.toContain('sess_ada_phone');
  });

  test('release() stops holding: a later request goes straight through', async () => {
    const signOuts = clerkGate('signOut');
    server.use(...signOuts.handlers);
    const clerk = await loadedMock();
    signOuts.hold();
    signOuts.release();
    await clerk.signOut();
    expect(signOuts.count).toBe(1);
    expect(clerk.mock.scenario.currentSessionId).toBeNull();
  });

  test('a held request gets the answer of the handler behind it once released (here a failure)', async () => {
    const revokes = clerkGate('session.revoke');
    server.use(...revokes.handlers, clerkFailure('session.revoke', { status: 500 }));
    const clerk = await loadedMock();
    const phone = await phoneOf(clerk);
    revokes.hold();
    const revoking = phone?.revoke();
    await settle();
    revokes.release();
    await expect(revoking).rejects.toMatchObject({ status: 500 });
    expect(await devices(clerk)).toContain('sess_ada_phone');
  });

  test('a gate on several endpoints records their requests in the order they were sent', async () => {
    const log = clerkGate(['session.touch', 'session.remove']);
    server.use(...log.handlers);
    const clerk = createMockClerk(scenarios.manyAccounts());
    await clerk.load();
    await clerk.setActive({ session: 'sess_grace' });
    await clerk.client?.sessions.find((session) => session.id === 'sess_ada')?.remove();
    expect(log.requests).toEqual([
      { endpoint: 'session.touch', sessionId: 'sess_grace' },
      { endpoint: 'session.remove', sessionId: 'sess_ada' },
    ]);
  });

  test('a gate on sign-out does not count the other requests to the same path', async () => {
    const signOuts = clerkGate('signOut');
    server.use(...signOuts.handlers);
    const clerk = createMockClerk(scenarios.manyAccounts());
    await clerk.load();
    // Switching POSTs to /v1/client/sessions/…/touch; signing out is DELETE /v1/client/sessions.
    await clerk.setActive({ session: 'sess_grace' });
    expect(signOuts.count).toBe(0);
  });
});
