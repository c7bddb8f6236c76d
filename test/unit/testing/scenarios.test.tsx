import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMockClerk, scenarios } from '../../../src/testing';
import { decodeClaims, listedIds, renderMock } from './harness';
import { setupClerkServer } from './setup';

const { requests } = setupClerkServer();

afterEach(() => {
  vi.useRealTimers();
});

describe('ready-made scenarios as the real @clerk/react hooks see them', () => {
  test('signedOut: loaded, signed out, no accounts', async () => {
    const mock = renderMock(scenarios.signedOut());
    await waitFor(() => expect(mock.seen.session.isLoaded).toBe(true));
    const s = mock.seen;
    expect(s.session).toMatchObject({ isSignedIn: false, session: null });
    expect(s.user).toMatchObject({ isLoaded: true, isSignedIn: false, user: null });
    expect(s.auth).toMatchObject({ isLoaded: true, isSignedIn: false, userId: null, sessionId: null });
    expect(s.list.sessions).toEqual([]);
  });

  test('loading: never loads, so every hook stays isLoaded false', async () => {
    const mock = renderMock(scenarios.loading());
    // Give a loading mock every chance to finish: flush microtasks and a macrotask.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(mock.seen.session).toMatchObject({ isLoaded: false, session: undefined });
    expect(mock.seen.list.isLoaded).toBe(false);
    expect(mock.seen.user.isLoaded).toBe(false);
    expect(mock.seen.auth.isLoaded).toBe(false);
    expect(mock.clerk.loaded).toBe(false);
  });

  test('slowLoading: not loaded before 1.5 s, loaded and signed in as Ada after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const mock = renderMock(scenarios.slowLoading());
    await act(() => vi.advanceTimersByTimeAsync(1400));
    expect(mock.seen.session.isLoaded).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(mock.seen.session.isLoaded).toBe(true);
    expect(mock.seen.session.session?.id).toBe('sess_ada');
    expect(mock.seen.user.user?.fullName).toBe('Ada Lovelace');
  });

  test('oneAccount: Ada signed in with one session in the list', async () => {
    const mock = renderMock(scenarios.oneAccount());
    await waitFor(() => expect(mock.seen.session.isLoaded).toBe(true));
    const { seen } = mock;
    expect(seen.session.isSignedIn).toBe(true);
    expect(seen.session.session?.id).toBe('sess_ada');
    expect(listedIds(seen)).toEqual(['sess_ada']);
    expect(seen.user.user).toMatchObject({
      id: 'user_ada',
      firstName: 'Ada',
      lastName: 'Lovelace',
      fullName: 'Ada Lovelace',
      username: 'ada',
    });
    expect(seen.user.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
    expect(seen.auth).toMatchObject({ userId: 'user_ada', sessionId: 'sess_ada', actor: null, orgId: null });
    expect(seen.clerk.session?.id).toBe('sess_ada');
  });

  test('manyAccounts: six accounts with their statuses, Ada current', async () => {
    const mock = renderMock(scenarios.manyAccounts());
    await waitFor(() => expect(mock.seen.session.isLoaded).toBe(true));
    const statuses = Object.fromEntries(mock.seen.list.sessions?.map((entry) => [entry.id, entry.status]) ?? []);
    expect(statuses).toEqual({
      sess_grace: 'active',
      sess_ada: 'active',
      sess_alan: 'active',
      sess_katherine: 'pending',
      sess_edsger: 'ended',
      sess_barbara: 'expired',
    });
    expect(listedIds(mock.seen)).toEqual([
      'sess_grace',
      'sess_ada',
      'sess_alan',
      'sess_katherine',
      'sess_edsger',
      'sess_barbara',
    ]);
    expect(mock.seen.session.session?.id).toBe('sess_ada');
    expect(mock.seen.auth.userId).toBe('user_ada');
    const grace = mock.seen.list.sessions?.find((entry) => entry.id === 'sess_grace');
    expect(grace?.user?.fullName).toBe('Grace Hopper');
    expect(grace?.publicUserData.identifier).toBe('grace@navy.example');
    // The client's derived lists follow Clerk: signed in = active or pending.
    const client = mock.seen.clerk.client;
    expect(client?.signedInSessions.map((entry) => entry.id)).toEqual([
      'sess_grace',
      'sess_ada',
      'sess_alan',
      'sess_katherine',
    ]);
  });

  test('otherDevices: getSessions lists this browser, a phone, a laptop and an unknown device', async () => {
    const mock = renderMock(scenarios.otherDevices());
    await waitFor(() => expect(mock.seen.user.isLoaded).toBe(true));
    const devices = (await mock.seen.user.user?.getSessions()) ?? [];
    expect(devices.map((d) => d.id)).toEqual(['sess_ada', 'sess_ada_phone', 'sess_ada_laptop', 'sess_ada_unknown']);
    const byId = Object.fromEntries(devices.map((d) => [d.id, d]));
    expect(byId.sess_ada?.latestActivity).toMatchObject({
      browserName: 'Firefox',
      deviceType: 'Windows',
      city: 'Berlin',
      isMobile: false,
    });
    expect(byId.sess_ada_phone?.latestActivity).toMatchObject({
      browserName: 'Safari',
      deviceType: 'iPhone',
      isMobile: true,
      city: 'Paris',
      country: 'FR',
    });
    expect(byId.sess_ada_laptop?.latestActivity).toMatchObject({ browserName: 'Chrome', deviceType: 'Macintosh' });
    const unknown = byId.sess_ada_unknown?.latestActivity;
    expect(unknown?.browserName).toBeUndefined();
    expect(unknown?.deviceType).toBeUndefined();
    expect(typeof unknown?.id).toBe('string');
    expect(byId.sess_ada_phone?.lastActiveAt).toBeInstanceOf(Date);
    expect(requests).toContainEqual({ method: 'GET', path: '/v1/me/sessions/active' });
    // Other devices never show up in this browser's session list.
    expect(listedIds(mock.seen)).toEqual(['sess_ada']);
  });

  test('impersonation: useAuth reports the actor, and the token carries the act claim', async () => {
    const mock = renderMock(scenarios.impersonation());
    await waitFor(() => expect(mock.seen.auth.isLoaded).toBe(true));
    expect(mock.seen.auth.actor).toEqual({ sub: 'user_support_agent' });
    expect(mock.seen.session.session?.actor).toEqual({ sub: 'user_support_agent' });
    const token = await mock.run(() => mock.seen.session.session?.getToken() ?? Promise.resolve(null));
    expect(decodeClaims(token ?? '')).toMatchObject({ act: { sub: 'user_support_agent' } });
  });

  test('organizationAdmin: useAuth reports org:admin and has() agrees', async () => {
    const mock = renderMock(scenarios.organizationAdmin());
    await waitFor(() => expect(mock.seen.auth.isLoaded).toBe(true));
    expect(mock.seen.auth).toMatchObject({
      orgId: 'org_analytical',
      orgRole: 'org:admin',
      orgSlug: 'analytical-engines',
    });
    expect(mock.seen.auth.has?.({ role: 'org:admin' })).toBe(true);
    expect(mock.seen.auth.has?.({ role: 'org:member' })).toBe(false);
    expect(mock.seen.clerk.organization?.name).toBe('Analytical Engines');
  });

  test('a scenario without organisation has no orgRole and has({role}) is false', async () => {
    const mock = renderMock(scenarios.oneAccount());
    await waitFor(() => expect(mock.seen.auth.isLoaded).toBe(true));
    expect(mock.seen.auth.orgRole).toBeNull();
    expect(mock.seen.auth.has?.({ role: 'org:admin' })).toBe(false);
  });

  test('each call returns fresh objects, so one test cannot leak into the next', () => {
    const first = scenarios.manyAccounts();
    first.sessions.pop();
    expect(scenarios.manyAccounts().sessions).toHaveLength(6);
  });

  test('createMockClerk: not loaded until load(), listeners get the state once loaded', async () => {
    const clerk = createMockClerk(scenarios.oneAccount());
    const listener = vi.fn();
    clerk.addListener(listener);
    expect(clerk.loaded).toBe(false);
    expect(listener).not.toHaveBeenCalled();
    await clerk.load();
    expect(clerk.loaded).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0].session.id).toBe('sess_ada');
    // A listener added after loading is called at once, unless it asks not to be.
    const late = vi.fn();
    clerk.addListener(late);
    expect(late).toHaveBeenCalledTimes(1);
    const quiet = vi.fn();
    clerk.addListener(quiet, { skipInitialEmit: true });
    expect(quiet).not.toHaveBeenCalled();
  });
});
