import { waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import {
  clerkFailure,
  createMockClerk,
  SCENARIO_NOW,
  type Scenario,
  scenario,
  scenarios,
  session,
} from '../../../src/testing';
import { decodeClaims, listedIds, renderMock } from './harness';
import { setupClerkServer } from './setup';

const { server, requests, bodies } = setupClerkServer();

const LATER = SCENARIO_NOW.getTime() + 5 * 60_000;

async function loaded(s: Scenario, options: Parameters<typeof renderMock>[1] = {}) {
  const mock = renderMock(s, { now: () => LATER, ...options });
  await waitFor(() => expect(mock.seen.session.isLoaded).toBe(true));
  return mock;
}

describe('setActive', () => {
  test('switches the current account after touching it, and updates its lastActiveAt', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    await mock.run((clerk) => clerk.setActive({ session: 'sess_grace' }));
    expect(requests).toEqual([{ method: 'POST', path: '/v1/client/sessions/sess_grace/touch' }]);
    expect(mock.seen.session.session?.id).toBe('sess_grace');
    expect(mock.seen.auth).toMatchObject({ userId: 'user_grace', sessionId: 'sess_grace' });
    expect(mock.seen.user.user?.fullName).toBe('Grace Hopper');
    expect(mock.seen.session.session?.lastActiveAt.getTime()).toBe(LATER);
    // The previous account stays signed in, in the same place of the list.
    expect(listedIds(mock.seen)).toContain('sess_ada');
    expect(mock.clerk.mock.scenario.currentSessionId).toBe('sess_grace');
  });

  test('the touch carries intent=select_session and the session organisation as a form body, like clerk-js', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    await mock.run((clerk) => clerk.setActive({ session: 'sess_grace' }));
    expect(await bodies()).toEqual([{ active_organization_id: '', intent: 'select_session' }]);

    const org = await loaded(scenarios.organizationAdmin());
    const id = org.seen.session.session?.id ?? '';
    await org.run((clerk) => clerk.setActive({ session: id }));
    await org.run((clerk) => clerk.setActive({ session: id, organization: null }));
    await org.run((clerk) => clerk.setActive({ session: id, organization: 'analytical-engines' }));
    expect((await bodies()).slice(1)).toEqual([
      { active_organization_id: 'org_analytical', intent: 'select_session' },
      { active_organization_id: '', intent: 'select_org' },
      { active_organization_id: 'org_analytical', intent: 'select_org' },
    ]);
  });

  test('accepts a session resource and a pending session', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    const katherine = mock.seen.clerk.client?.signedInSessions.find((entry) => entry.id === 'sess_katherine');
    expect(katherine?.status).toBe('pending');
    await mock.run((clerk) => clerk.setActive({ session: katherine }));
    expect(mock.seen.session.session?.id).toBe('sess_katherine');
  });

  test('follows redirectUrl after switching', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    await mock.run((clerk) => clerk.setActive({ session: 'sess_alan', redirectUrl: '/dashboard' }));
    expect(mock.clerk.mock.navigations).toEqual(['/dashboard']);
  });

  test('refuses an ended session without sending anything', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    await expect(mock.run((clerk) => clerk.setActive({ session: 'sess_edsger' }))).rejects.toThrow(
      /"sess_edsger" is not signed in/,
    );
    expect(requests).toEqual([]);
    expect(mock.seen.session.session?.id).toBe('sess_ada');
  });

  test('setActive({ session: null }) signs out here without a request and keeps the accounts listed', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    await mock.run((clerk) => clerk.setActive({ session: null }));
    expect(requests).toEqual([]);
    expect(mock.seen.session.session).toBeNull();
    expect(listedIds(mock.seen)).toHaveLength(6);
  });

  test('switching to another account drops the previous user devices', async () => {
    const two = scenarios.otherDevices();
    const other = session({ id: 'sess_other' });
    const s = scenario({ ...two, sessions: [...two.sessions, other] });
    const mock = await loaded(s);
    await mock.run((clerk) => clerk.setActive({ session: 'sess_other' }));
    const devices = await mock.run(() => mock.seen.user.user?.getSessions() ?? Promise.resolve([]));
    expect(devices.map((d) => d.id)).toEqual(['sess_other']);
  });
});

describe('signOut', () => {
  test('signOut() removes every account in this browser with one DELETE and navigates', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    await mock.run((clerk) => clerk.signOut());
    expect(requests).toEqual([{ method: 'DELETE', path: '/v1/client/sessions' }]);
    expect(mock.seen.session).toMatchObject({ isLoaded: true, isSignedIn: false, session: null });
    expect(mock.seen.auth.userId).toBeNull();
    expect(mock.seen.list.sessions).toEqual([]);
    expect(mock.clerk.mock.navigations).toEqual(['/']);
  });

  test('signOut() goes to redirectUrl, then afterSignOutUrl, and a callback replaces navigation', async () => {
    const a = await loaded(scenarios.oneAccount(), { afterSignOutUrl: '/bye' });
    await a.run((clerk) => clerk.signOut());
    expect(a.clerk.mock.navigations).toEqual(['/bye']);
    a.view.unmount();

    const b = await loaded(scenarios.oneAccount(), { afterSignOutUrl: '/bye' });
    await b.run((clerk) => clerk.signOut({ redirectUrl: '/signed-out' }));
    expect(b.clerk.mock.navigations).toEqual(['/signed-out']);
    b.view.unmount();

    const c = await loaded(scenarios.oneAccount());
    let called = 0;
    await c.run((clerk) =>
      clerk.signOut(() => {
        called += 1;
      }),
    );
    expect(called).toBe(1);
    expect(c.clerk.mock.navigations).toEqual([]);
  });

  test('signOut() when signed out does nothing', async () => {
    const mock = await loaded(scenarios.signedOut());
    await mock.run((clerk) => clerk.signOut());
    expect(requests).toEqual([]);
    expect(mock.clerk.mock.navigations).toEqual([]);
  });

  test('signOut({ sessionId: current }) removes only it; the session becomes null, with no auto switch', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    await mock.run((clerk) => clerk.signOut({ sessionId: 'sess_ada' }));
    expect(requests).toEqual([{ method: 'POST', path: '/v1/client/sessions/sess_ada/remove' }]);
    expect(mock.seen.session.session).toBeNull();
    expect(mock.seen.auth.isSignedIn).toBe(false);
    expect(listedIds(mock.seen)).toEqual(['sess_grace', 'sess_alan', 'sess_katherine', 'sess_edsger', 'sess_barbara']);
    expect(mock.clerk.mock.navigations).toEqual(['/']);
  });

  test('signOut({ sessionId: other }) removes that account and keeps the current one, without navigating', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    await mock.run((clerk) => clerk.signOut({ sessionId: 'sess_grace' }));
    expect(requests).toEqual([{ method: 'POST', path: '/v1/client/sessions/sess_grace/remove' }]);
    expect(mock.seen.session.session?.id).toBe('sess_ada');
    expect(listedIds(mock.seen)).not.toContain('sess_grace');
    expect(mock.clerk.mock.navigations).toEqual([]);
  });

  test("signOut({ sessionId: 'all' }) with two or more accounts does NOTHING and sends nothing", async () => {
    const mock = await loaded(scenarios.manyAccounts());
    const before = mock.clerk.mock.scenario;
    await mock.run((clerk) => clerk.signOut({ sessionId: 'all' }));
    expect(requests).toEqual([]);
    expect(mock.seen.session.session?.id).toBe('sess_ada');
    expect(listedIds(mock.seen)).toHaveLength(6);
    expect(mock.clerk.mock.scenario).toEqual(before);
    expect(mock.clerk.mock.navigations).toEqual([]);
  });

  test("signOut({ sessionId: 'all' }) with exactly one signed-in account signs out everything", async () => {
    const mock = await loaded(scenarios.oneAccount());
    await mock.run((clerk) => clerk.signOut({ sessionId: 'all' }));
    expect(requests).toEqual([{ method: 'DELETE', path: '/v1/client/sessions' }]);
    expect(mock.seen.session.session).toBeNull();
    expect(mock.seen.list.sessions).toEqual([]);
  });
});

describe('session.remove() and session.end()', () => {
  test('remove() of another account drops it from the list and keeps the current one', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    const alan = mock.seen.list.sessions?.find((entry) => entry.id === 'sess_alan');
    await mock.run(async () => {
      await alan?.remove();
    });
    expect(requests).toEqual([{ method: 'POST', path: '/v1/client/sessions/sess_alan/remove' }]);
    expect(listedIds(mock.seen)).not.toContain('sess_alan');
    expect(mock.seen.session.session?.id).toBe('sess_ada');
  });

  test('remove() of the current session signs out here with no auto switch', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    await mock.run(async () => {
      await mock.seen.session.session?.remove();
    });
    expect(mock.seen.session.session).toBeNull();
    expect(listedIds(mock.seen)).toHaveLength(5);
  });

  test("end() marks the session 'ended' and it stays listed", async () => {
    const mock = await loaded(scenarios.manyAccounts());
    const grace = mock.seen.list.sessions?.find((entry) => entry.id === 'sess_grace');
    await mock.run(async () => {
      await grace?.end();
    });
    expect(requests).toEqual([{ method: 'POST', path: '/v1/client/sessions/sess_grace/end' }]);
    expect(mock.seen.list.sessions?.find((entry) => entry.id === 'sess_grace')?.status).toBe('ended');
    expect(listedIds(mock.seen)).toHaveLength(6);
    expect(mock.seen.session.session?.id).toBe('sess_ada');
    expect(mock.clerk.client?.signedInSessions.map((entry) => entry.id)).not.toContain('sess_grace');
  });

  test('remove() and end() update the object the caller holds and resolve with it, as clerk-js', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    const grace = mock.seen.list.sessions?.find((entry) => entry.id === 'sess_grace');
    const alan = mock.seen.list.sessions?.find((entry) => entry.id === 'sess_alan');
    expect(await mock.run(() => grace?.remove() ?? Promise.resolve(null))).toBe(grace);
    expect(grace?.status).toBe('removed');
    expect(await mock.run(() => alan?.end() ?? Promise.resolve(null))).toBe(alan);
    expect(alan?.status).toBe('ended');
  });

  test('a failed remove() leaves the status of the object the caller holds alone', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    server.use(clerkFailure('session.remove', { status: 500 }));
    const grace = mock.seen.list.sessions?.find((entry) => entry.id === 'sess_grace');
    await expect(mock.run(() => grace?.remove() ?? Promise.resolve(null))).rejects.toThrow();
    expect(grace?.status).toBe('active');
  });

  test('end() of the current session signs out here; the ended session stays listed', async () => {
    const mock = await loaded(scenarios.oneAccount());
    await mock.run(async () => {
      await mock.seen.session.session?.end();
    });
    expect(mock.seen.session.session).toBeNull();
    expect(mock.seen.list.sessions?.map((entry) => [entry.id, entry.status])).toEqual([['sess_ada', 'ended']]);
  });
});

describe('session.getToken()', () => {
  test('the first call is answered from the session token Clerk already has, with no request', async () => {
    const mock = await loaded(scenarios.oneAccount());
    const token = await mock.run(() => mock.seen.session.session?.getToken() ?? Promise.resolve(null));
    expect(requests).toEqual([]);
    expect(token).toBe(mock.seen.session.session?.lastActiveToken?.getRawString());
    const claims = decodeClaims(token ?? '');
    expect(claims).toMatchObject({ sub: 'user_ada', sid: 'sess_ada', sts: 'active', v: 2 });
    expect(claims.iat).toBe(Math.floor(LATER / 1000));
    expect(claims.exp).toBe(Math.floor(LATER / 1000) + 60);
  });

  test('skipCache sends POST .../tokens with the active organisation, and returns a new token', async () => {
    const mock = await loaded(scenarios.organizationAdmin());
    const session = mock.seen.session.session;
    const own = session?.lastActiveToken?.getRawString();
    const token = await mock.run(() => session?.getToken({ skipCache: true }) ?? Promise.resolve(null));
    expect(requests).toEqual([{ method: 'POST', path: `/v1/client/sessions/${session?.id}/tokens` }]);
    expect(await bodies()).toEqual([{ organization_id: 'org_analytical' }]);
    expect(token).not.toBe(own);
    expect(decodeClaims(token ?? '')).toMatchObject({ sid: session?.id, o: { id: 'org_analytical' } });
  });

  test('with a template the path ends in /tokens/<template>, with no body, and the claims carry no sid', async () => {
    const mock = await loaded(scenarios.oneAccount());
    const token = await mock.run(
      () => mock.seen.session.session?.getToken({ template: 'supabase' }) ?? Promise.resolve(null),
    );
    expect(requests).toEqual([{ method: 'POST', path: '/v1/client/sessions/sess_ada/tokens/supabase' }]);
    expect(await bodies()).toEqual([{}]);
    const claims = decodeClaims(token ?? '');
    expect(claims).toMatchObject({ sub: 'user_ada', tpl: 'supabase' });
    expect(claims.sid).toBeUndefined();
  });

  test('a second call is answered from the cache; skipCache asks again; templates are cached apart', async () => {
    const mock = await loaded(scenarios.oneAccount());
    const get = (options?: { template?: string; skipCache?: boolean }) =>
      mock.run(() => mock.seen.session.session?.getToken(options) ?? Promise.resolve(null));
    const first = await get();
    expect(await get()).toBe(first);
    expect(requests).toHaveLength(0);
    const fresh = await get({ skipCache: true });
    expect(requests).toHaveLength(1);
    expect(fresh).not.toBe(first);
    expect(await get()).toBe(fresh);
    const templated = await get({ template: 'supabase' });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.path).toBe('/v1/client/sessions/sess_ada/tokens/supabase');
    expect(await get({ template: 'supabase' })).toBe(templated);
    expect(requests).toHaveLength(2);
  });

  test('a cached token is used only until it expires (60 s), then a new one is fetched', async () => {
    let clock = LATER;
    const mock = await loaded(scenarios.oneAccount(), { now: () => clock });
    const get = () => mock.run(() => mock.seen.session.session?.getToken() ?? Promise.resolve(null));
    const first = await get();
    clock += 59_000;
    expect(await get()).toBe(first);
    expect(requests).toHaveLength(0);
    clock += 2_000;
    const renewed = await get();
    expect(requests).toHaveLength(1);
    expect(decodeClaims(renewed ?? '').iat).toBe(Math.floor(clock / 1000));
  });

  test('remove() or end() of any session clears the token cache, as clerk-js does', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    // Template tokens show it: the session token is seeded again from the sessions the next emit brings.
    const get = () =>
      mock.run(() => mock.seen.session.session?.getToken({ template: 'supabase' }) ?? Promise.resolve(null));
    await get();
    await mock.run(async () => {
      await mock.seen.list.sessions?.find((entry) => entry.id === 'sess_grace')?.end();
    });
    await get();
    await mock.run(async () => {
      await mock.seen.list.sessions?.find((entry) => entry.id === 'sess_alan')?.remove();
    });
    await get();
    expect(requests.filter((r) => r.path.endsWith('/tokens/supabase'))).toHaveLength(3);
    expect(requests.filter((r) => r.path.endsWith('/tokens'))).toHaveLength(0);
  });

  test('a template token emits nothing', async () => {
    const mock = await loaded(scenarios.oneAccount());
    const emitted = mock.clerk.__internal_lastEmittedResources;
    const renders = mock.seen.renders;
    await mock.run(() => mock.seen.session.session?.getToken({ template: 'supabase' }) ?? Promise.resolve(null));
    expect(mock.clerk.__internal_lastEmittedResources).toBe(emitted);
    expect(mock.seen.renders).toBe(renders);
  });

  test('a fresh session token goes on the session object and emits a new wrapper around the same objects', async () => {
    const mock = await loaded(scenarios.oneAccount());
    const emitted = mock.clerk.__internal_lastEmittedResources;
    const session = mock.seen.session.session;
    const user = mock.seen.user.user;
    const token = await mock.run(() => session?.getToken({ skipCache: true }) ?? Promise.resolve(null));
    const now = mock.clerk.__internal_lastEmittedResources;
    expect(now).not.toBe(emitted);
    expect(now?.client).toBe(emitted?.client);
    expect(now?.session).toBe(session);
    expect(now?.user).toBe(user);
    expect(session?.lastActiveToken?.getRawString()).toBe(token);
    // useSession() and useUser() hand out the very same objects: nothing for them to re-render on.
    expect(mock.seen.session.session).toBe(session);
    expect(mock.seen.user.user).toBe(user);
  });

  test('a token for another signed-in account carries that account in sub and sid', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    const grace = mock.seen.list.sessions?.find((entry) => entry.id === 'sess_grace');
    const token = await mock.run(() => grace?.getToken() ?? Promise.resolve(null));
    expect(decodeClaims(token ?? '')).toMatchObject({ sub: 'user_grace', sid: 'sess_grace' });
  });

  test('after signing out, a session answers getToken() with null', async () => {
    const mock = await loaded(scenarios.oneAccount());
    const ada = mock.seen.session.session;
    await mock.run(() => ada?.getToken() ?? Promise.resolve(null));
    await mock.run((clerk) => clerk.signOut());
    expect(await mock.run(() => ada?.getToken() ?? Promise.resolve('no session'))).toBeNull();
  });
});

describe('user.getSessions() and revoke()', () => {
  test('lists the devices with one GET, and the same User object answers again from its cache', async () => {
    const mock = await loaded(scenarios.otherDevices());
    const user = mock.seen.user.user;
    const first = await mock.run(() => user?.getSessions() ?? Promise.resolve([]));
    expect(first).toHaveLength(4);
    const second = await mock.run(() => user?.getSessions() ?? Promise.resolve([]));
    expect(second).toBe(first);
    expect(requests).toEqual([{ method: 'GET', path: '/v1/me/sessions/active' }]);
  });

  test('a new User object (after any emit) asks the server again', async () => {
    const mock = await loaded(scenarios.otherDevices());
    await mock.run(() => mock.seen.user.user?.getSessions() ?? Promise.resolve([]));
    await mock.run(async (clerk) => clerk.mock.emitUnchanged());
    await mock.run(() => mock.seen.user.user?.getSessions() ?? Promise.resolve([]));
    expect(requests).toHaveLength(2);
  });

  test('without devices in the scenario, getSessions() lists just the current session', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    const devices = await mock.run(() => mock.seen.user.user?.getSessions() ?? Promise.resolve([]));
    expect(devices.map((d) => d.id)).toEqual(['sess_ada']);
  });

  test('revoke() of another device sends POST /v1/me/sessions/<id>/revoke and the device is gone after', async () => {
    const mock = await loaded(scenarios.otherDevices());
    const devices = await mock.run(() => mock.seen.user.user?.getSessions() ?? Promise.resolve([]));
    const phone = devices.find((d) => d.id === 'sess_ada_phone');
    const revoked = await mock.run(() => phone?.revoke() ?? Promise.resolve(null));
    // The same object the caller holds, updated in place (clerk-js applies the answer to `this`).
    expect(revoked).toBe(phone);
    expect(phone?.status).toBe('revoked');
    expect(requests.at(-1)).toEqual({ method: 'POST', path: '/v1/me/sessions/sess_ada_phone/revoke' });
    const after = await mock.run(() => mock.seen.user.user?.getSessions() ?? Promise.resolve([]));
    expect(after.map((d) => d.id)).toEqual(['sess_ada', 'sess_ada_laptop', 'sess_ada_unknown']);
    expect(mock.seen.session.session?.id).toBe('sess_ada');
    expect(mock.clerk.mock.scenario.devices?.map((d) => d.id)).not.toContain('sess_ada_phone');
  });

  test('revoke() of the current session signs out here', async () => {
    const mock = await loaded(scenarios.otherDevices());
    const devices = await mock.run(() => mock.seen.user.user?.getSessions() ?? Promise.resolve([]));
    const here = devices.find((d) => d.id === 'sess_ada');
    await mock.run(() => here?.revoke() ?? Promise.resolve(null));
    expect(mock.seen.session.session).toBeNull();
    expect(mock.seen.auth.isSignedIn).toBe(false);
    expect(mock.seen.list.sessions).toEqual([]);
    expect(mock.clerk.mock.scenario.devices).toBeUndefined();
  });
});

describe('navigation helpers', () => {
  test('redirectToSignIn and openSignIn are recorded in navigations, with the configured sign-in URL', async () => {
    const clerk = createMockClerk(scenarios.signedOut(), { signInUrl: '/login' });
    await clerk.load();
    await clerk.redirectToSignIn({ redirectUrl: '/after' });
    await clerk.openSignIn();
    expect(clerk.mock.navigations).toEqual(['/login?redirect_url=%2Fafter', '/login']);
  });

  test('the navigate option receives every navigation', async () => {
    const seen: string[] = [];
    const clerk = createMockClerk(scenarios.oneAccount(), { navigate: (to) => seen.push(to) });
    await clerk.load();
    await clerk.signOut();
    expect(seen).toEqual(['/']);
  });
});
