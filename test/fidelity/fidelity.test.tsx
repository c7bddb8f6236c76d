import { isClerkAPIResponseError } from '@clerk/shared/error';
import { act, cleanup, waitFor } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { CLERK_CORE } from '../../src/clerk';
import { toActionError } from '../../src/core/action';
import { clerkFailure } from '../../src/testing/handlers';
import type { Scenario } from '../../src/testing/scenario';
import { scenarios } from '../../src/testing/scenarios';
import type { ObservedSession, Probe } from './observe';
import { type Booted, mockTarget, mount, realTarget, setupTargetServer, type Target } from './targets';

/*
 * Fidelity: the same operations against the REAL @clerk/clerk-js (FAPI answered by MSW from a fake backend in
 * Clerk's JSON shapes) and against the kit's mock, asserting what the REAL @clerk/react hooks expose with each.
 * Each expectation is Clerk's behaviour as observed on clerk-js 6.40; the mock must match it.
 */

// Lenient on purpose: anything not on a Clerk host must fail loudly, Clerk hosts are answered per test.
const { server, requests } = setupTargetServer();

/** The objects a test drives, as an app reaches them through `useClerk()`. */
// biome-ignore lint/suspicious/noExplicitAny: Clerk resources are driven through their public methods only.
type AnyClerk = any;

interface Started {
  booted: Booted;
  probe: Probe;
  clerk: AnyClerk;
  /** Frontend API requests since the instance finished loading. */
  calls(): string[];
  /** Index in `requests.log` where this test's own requests start. */
  mark: number;
  /** What Clerk last handed a listener (registered at start, as an app's own listener would be). */
  emitted(): AnyClerk;
}

/** Boots a target on a scenario; `before` handlers (e.g. `clerkFailure`) take precedence over the target's. */
async function start(target: Target, scenario: Scenario, before: RequestHandler[] = []): Promise<Started> {
  const booted = await target.boot(scenario);
  server.use(...before, ...booted.handlers);
  const probe = mount(booted);
  await waitFor(() => expect(probe.latest?.sessionList).not.toBeNull());
  // <ClerkProvider> keeps the status in React state and gives ClerkInstanceContext a new value when it turns
  // 'ready', re-rendering every hook consumer. That event can trail the first emit: wait for it and flush React,
  // so no boot-time render is mistaken for a reaction to the operation under test.
  await waitFor(() => expect((probe.clerk as AnyClerk)?.status).toBe('ready'));
  await act(async () => {});
  const mark = requests.log.length;
  const clerk = probe.clerk as AnyClerk;
  // A listener, not `__internal_lastEmittedResources`: Core 2 has no such property, and memoizes per listener.
  let last: AnyClerk;
  clerk.addListener((resources: AnyClerk) => {
    last = resources;
  });
  return { booted, probe, clerk, calls: () => requests.since(mark, booted.host), mark, emitted: () => last };
}

/**
 * Where the kit's mock is known to differ from clerk-js (see the report in the commit / hand-over). Those cases
 * run as `it.fails` on the mock only, so the suite stays green AND turns red the day the mock is fixed: then
 * delete the entry. The clerk-js side of every case always runs as a plain `it`. Empty for now: the mock follows
 * clerk-js in every case below; the set stays for the next difference someone finds.
 */
const KNOWN_MOCK_GAPS = new Set<string>([]);

function caseFor(target: Target) {
  return (name: string, fn: () => Promise<void>) =>
    (target.name === 'mock' && KNOWN_MOCK_GAPS.has(name) ? it.fails : it)(name, fn);
}

const list = (sessions: ObservedSession[] | null | undefined) => sessions?.map((s) => `${s.id}:${s.status}`);

const MANY_AT_START = [
  'sess_grace:active',
  'sess_ada:active',
  'sess_alan:active',
  'sess_katherine:pending',
  'sess_edsger:ended',
  'sess_barbara:expired',
];

/**
 * Core 2's clerk-js 5 hands each listener the session and user objects it had unless it judges them changed, and
 * removing ANOTHER account changes neither: no Clerk hook re-renders, so `useSessionList()` keeps showing the
 * removed account even beside `useSession()`. (The kit reads the client on every emit; test/unit/headless proves
 * its lists follow on both Cores.) Core 3 emits new objects every time.
 */
const HOOKS_SEE_OTHER_REMOVED = CLERK_CORE === 3;
const MANY_AFTER_GRACE_REMOVED = HOOKS_SEE_OTHER_REMOVED ? MANY_AT_START.slice(1) : MANY_AT_START;

/** Waits until Clerk's client no longer holds `id` (on both Cores, whatever the hooks show). */
const clientDropped = (clerk: AnyClerk, id: string) =>
  waitFor(() => expect(clerk.client.sessions.map((s: AnyClerk) => s.id)).not.toContain(id));

// Real clerk-js 5 sometimes emits a fresh client on its own right after a removal (seen in about one clean CI run in
// three, a different case each time, cause not yet found), which Core 2's hooks then show; a case gets one more try.
describe.each([realTarget, mockTarget])('$name', { retry: 1 }, (target) => {
  const check = caseFor(target);

  it('loads one account: list, current session, user and auth agree', async () => {
    const { probe } = await start(target, scenarios.oneAccount());
    expect(probe.latest).toEqual({
      sessionList: [{ id: 'sess_ada', status: 'active', userId: 'user_ada' }],
      session: { id: 'sess_ada', status: 'active', userId: 'user_ada' },
      user: { id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      auth: {
        isLoaded: true,
        isSignedIn: true,
        sessionId: 'sess_ada',
        userId: 'user_ada',
        orgId: null,
        orgRole: null,
        actor: null,
      },
      clerkSessionId: 'sess_ada',
    });
  });

  it('lists every account of this browser whatever its status, in FAPI order', async () => {
    const { probe } = await start(target, scenarios.manyAccounts());
    expect(list(probe.latest?.sessionList)).toEqual(MANY_AT_START);
    expect(probe.latest?.session?.id).toBe('sess_ada');
  });

  it('exposes signed out as null session and user', async () => {
    const { probe } = await start(target, scenarios.signedOut());
    expect(probe.latest?.sessionList).toEqual([]);
    expect(probe.latest?.session).toBeNull();
    expect(probe.latest?.user).toBeNull();
    expect(probe.latest?.auth).toMatchObject({ isLoaded: true, isSignedIn: false, sessionId: null, userId: null });
  });

  it('exposes the organisation role and the impersonator from the session token', async () => {
    const org = await start(target, scenarios.organizationAdmin());
    expect(org.probe.latest?.auth).toMatchObject({ orgId: 'org_analytical', orgRole: 'org:admin' });
    cleanup();
    const imp = await start(target, scenarios.impersonation());
    expect(imp.probe.latest?.auth.actor).toEqual({ sub: 'user_support_agent' });
  });

  it('session.remove() on another account: one POST .../remove, the account leaves the list, current stays', async () => {
    const { probe, clerk, calls } = await start(target, scenarios.manyAccounts());
    const grace = clerk.client.sessions.find((s: AnyClerk) => s.id === 'sess_grace');
    await grace.remove();
    expect(calls()).toEqual(['POST /v1/client/sessions/sess_grace/remove']);
    await clientDropped(clerk, 'sess_grace');
    await waitFor(() => expect(list(probe.latest?.sessionList)).toEqual(MANY_AFTER_GRACE_REMOVED));
    expect(probe.latest?.session?.id).toBe('sess_ada');
    expect(probe.latest?.auth.isSignedIn).toBe(true);
  });

  it('session.remove() on the current account: current session and user become null, no other account is picked', async () => {
    const { probe, clerk, calls } = await start(target, scenarios.manyAccounts());
    await clerk.session.remove();
    expect(calls()).toEqual(['POST /v1/client/sessions/sess_ada/remove']);
    await waitFor(() => expect(probe.latest?.session).toBeNull());
    expect(probe.latest?.user).toBeNull();
    expect(probe.latest?.auth).toMatchObject({ isSignedIn: false, sessionId: null });
    expect(probe.latest?.clerkSessionId).toBeNull();
    expect(list(probe.latest?.sessionList)).toEqual(MANY_AT_START.filter((s) => !s.startsWith('sess_ada')));
  });

  it('session.end() on the current account: it stays listed as ended and nobody is current', async () => {
    const { probe, clerk, calls } = await start(target, scenarios.manyAccounts());
    await clerk.session.end();
    expect(calls()).toEqual(['POST /v1/client/sessions/sess_ada/end']);
    await waitFor(() => expect(probe.latest?.session).toBeNull());
    expect(list(probe.latest?.sessionList)).toEqual(
      MANY_AT_START.map((s) => (s === 'sess_ada:active' ? 'sess_ada:ended' : s)),
    );
    expect(probe.latest?.auth.isSignedIn).toBe(false);
  });

  it('setActive({ session }) switches account with one POST .../touch and no navigation', async () => {
    const { booted, probe, clerk, calls } = await start(target, scenarios.manyAccounts());
    await clerk.setActive({ session: 'sess_grace' });
    expect(calls()).toEqual(['POST /v1/client/sessions/sess_grace/touch']);
    await waitFor(() => expect(probe.latest?.session?.id).toBe('sess_grace'));
    expect(probe.latest?.user?.id).toBe('user_grace');
    expect(probe.latest?.auth).toMatchObject({ sessionId: 'sess_grace', userId: 'user_grace' });
    expect(list(probe.latest?.sessionList)).toEqual(MANY_AT_START);
    expect(booted.navigations).toEqual([]);
  });

  it('signOut() removes every account of this browser in one DELETE and navigates once', async () => {
    const { booted, probe, clerk, calls } = await start(target, scenarios.manyAccounts());
    await clerk.signOut();
    expect(calls()).toEqual(['DELETE /v1/client/sessions']);
    await waitFor(() => expect(probe.latest?.session).toBeNull());
    expect(probe.latest?.user).toBeNull();
    expect(probe.latest?.auth.isSignedIn).toBe(false);
    // The fake FAPI answers a client with no sessions left; clerk-js shows exactly what FAPI answered.
    expect(probe.latest?.sessionList).toEqual([]);
    expect(booted.navigations).toHaveLength(1);
  });

  it('signOut({ sessionId }) of another account removes only it and keeps the current one', async () => {
    const { booted, probe, clerk, calls } = await start(target, scenarios.manyAccounts());
    await clerk.signOut({ sessionId: 'sess_grace' });
    expect(calls()).toEqual(['POST /v1/client/sessions/sess_grace/remove']);
    await clientDropped(clerk, 'sess_grace');
    await waitFor(() => expect(list(probe.latest?.sessionList)).toEqual(MANY_AFTER_GRACE_REMOVED));
    expect(probe.latest?.session?.id).toBe('sess_ada');
    expect(booted.navigations).toEqual([]);
  });

  it('signOut({ sessionId }) of the current account leaves nobody current and navigates', async () => {
    const { booted, probe, clerk, calls } = await start(target, scenarios.manyAccounts());
    await clerk.signOut({ sessionId: 'sess_ada' });
    expect(calls()).toEqual(['POST /v1/client/sessions/sess_ada/remove']);
    await waitFor(() => expect(probe.latest?.session).toBeNull());
    expect(probe.latest?.auth.isSignedIn).toBe(false);
    expect(list(probe.latest?.sessionList)).toContain('sess_grace:active');
    expect(booted.navigations).toHaveLength(1);
  });

  it("signOut({ sessionId: 'all' }) with two or more accounts does nothing at all", async () => {
    const { booted, probe, clerk, calls } = await start(target, scenarios.manyAccounts());
    const before = probe.latest;
    await clerk.signOut({ sessionId: 'all' });
    expect(calls()).toEqual([]);
    expect(probe.latest).toEqual(before);
    expect(booted.navigations).toEqual([]);
  });

  it("signOut({ sessionId: 'all' }) with ONE account signs it out like signOut()", async () => {
    const { probe, clerk, calls } = await start(target, scenarios.oneAccount());
    await clerk.signOut({ sessionId: 'all' });
    expect(calls()).toEqual(['DELETE /v1/client/sessions']);
    await waitFor(() => expect(probe.latest?.session).toBeNull());
  });

  it('user.getSessions() lists device sessions with latestActivity in one GET, then answers from cache', async () => {
    const { clerk, calls } = await start(target, scenarios.otherDevices());
    const devices = await clerk.user.getSessions();
    expect(calls()).toEqual(['GET /v1/me/sessions/active']);
    const shape = devices.map((d: AnyClerk) => ({ id: d.id, status: d.status, latestActivity: d.latestActivity }));
    expect(shape).toEqual([
      {
        id: 'sess_ada',
        status: 'active',
        latestActivity: {
          id: 'sess_activity_sess_ada',
          browserName: 'Firefox',
          browserVersion: '145.0',
          deviceType: 'Windows',
          ipAddress: '198.51.100.7',
          city: 'Berlin',
          country: 'DE',
          isMobile: false,
        },
      },
      {
        id: 'sess_ada_phone',
        status: 'active',
        latestActivity: {
          id: 'sess_activity_sess_ada_phone',
          browserName: 'Safari',
          browserVersion: '19.1',
          deviceType: 'iPhone',
          ipAddress: '192.0.2.55',
          city: 'Paris',
          country: 'FR',
          isMobile: true,
        },
      },
      {
        id: 'sess_ada_laptop',
        status: 'active',
        latestActivity: {
          id: 'sess_activity_sess_ada_laptop',
          browserName: 'Chrome',
          browserVersion: '142.0.0.0',
          deviceType: 'Macintosh',
          ipAddress: '203.0.113.24',
          city: 'London',
          country: 'GB',
          isMobile: false,
        },
      },
      {
        id: 'sess_ada_unknown',
        status: 'active',
        latestActivity: {
          id: 'sess_activity_sess_ada_unknown',
          browserName: undefined,
          browserVersion: undefined,
          deviceType: undefined,
          ipAddress: undefined,
          city: undefined,
          country: undefined,
          isMobile: false,
        },
      },
    ]);
    expect(devices.every((d: AnyClerk) => d.lastActiveAt instanceof Date)).toBe(true);
    const again = await clerk.user.getSessions();
    expect(again).toBe(devices);
    expect(calls()).toEqual(['GET /v1/me/sessions/active']);
  });

  it('revoke() on a device session: one POST /v1/me/sessions/{id}/revoke answering status revoked', async () => {
    const { probe, clerk, calls } = await start(target, scenarios.otherDevices());
    const devices = await clerk.user.getSessions();
    const phone = devices.find((d: AnyClerk) => d.id === 'sess_ada_phone');
    const revoked = await phone.revoke();
    expect(calls()).toEqual(['GET /v1/me/sessions/active', 'POST /v1/me/sessions/sess_ada_phone/revoke']);
    expect(revoked.status).toBe('revoked');
    // This browser's state is untouched: the phone was never one of its accounts.
    expect(probe.latest?.session?.id).toBe('sess_ada');
    expect(list(probe.latest?.sessionList)).toEqual(['sess_ada:active']);
  });

  check(
    'getToken() is answered from the session token Clerk already has; getToken({ template }) asks FAPI once',
    async () => {
      const { clerk, calls } = await start(target, scenarios.oneAccount());
      const token = await clerk.session.getToken();
      expect(typeof token).toBe('string');
      const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      expect(claims).toMatchObject({ sub: 'user_ada', sid: 'sess_ada' });
      expect(calls()).toEqual([]);
      const templated = await clerk.session.getToken({ template: 'supabase' });
      expect(typeof templated).toBe('string');
      expect(calls()).toEqual(['POST /v1/client/sessions/sess_ada/tokens/supabase']);
      expect(await clerk.session.getToken({ template: 'supabase' })).toBe(templated);
      expect(calls()).toEqual(['POST /v1/client/sessions/sess_ada/tokens/supabase']);
      await clerk.session.getToken({ skipCache: true });
      expect(calls()).toEqual([
        'POST /v1/client/sessions/sess_ada/tokens/supabase',
        'POST /v1/client/sessions/sess_ada/tokens',
      ]);
    },
  );

  it('a component reading ONLY useSessionList() does not re-render after remove(): it shows the stale list', async () => {
    const { probe, clerk } = await start(target, scenarios.manyAccounts());
    const rendersBefore = probe.listOnly.renders;
    const grace = clerk.client.sessions.find((s: AnyClerk) => s.id === 'sess_grace');
    await grace.remove();
    await clientDropped(clerk, 'sess_grace');
    // On Core 3 useSession() sees the change (new session objects are emitted), which proves the emit reached
    // React (on Core 2 nothing re-renders: see HOOKS_SEE_OTHER_REMOVED) ...
    await waitFor(() => expect(list(probe.latest?.sessionList)).toEqual(MANY_AFTER_GRACE_REMOVED));
    // ... but the list-only component was not told: the client object is the same, mutated in place.
    expect(probe.listOnly.renders).toBe(rendersBefore);
    expect(list(probe.listOnly.sessions)).toEqual(MANY_AT_START);
  });

  it('emits the SAME client object after an update; the session and user objects per Core', async () => {
    const { clerk, emitted } = await start(target, scenarios.manyAccounts());
    const before = emitted();
    const rawBefore = clerk.__internal_lastEmittedResources;
    const grace = clerk.client.sessions.find((s: AnyClerk) => s.id === 'sess_grace');
    await grace.remove();
    await waitFor(() => expect(emitted()).not.toBe(before));
    const after = emitted();
    expect(after.client).toBe(before.client);
    expect(after.session.id).toBe(before.session.id);
    if (HOOKS_SEE_OTHER_REMOVED) {
      // Core 3's hooks read the last emitted resources: new session and user objects around the same client.
      const raw = clerk.__internal_lastEmittedResources;
      expect(raw.client).toBe(rawBefore.client);
      expect(raw.session).not.toBe(rawBefore.session);
      expect(raw.user).not.toBe(rawBefore.user);
    } else {
      // Core 2 has no such property: its hooks hear only memoized listeners (see HOOKS_SEE_OTHER_REMOVED).
      expect(rawBefore).toBeUndefined();
    }
  });

  check('a template token emits nothing; a fresh session token re-emits the same data with new objects', async () => {
    const { probe, clerk, calls, emitted: lastEmitted } = await start(target, scenarios.oneAccount());
    const emitted = lastEmitted();
    const renders = probe.renders;
    const listRenders = probe.listOnly.renders;
    await clerk.session.getToken({ template: 'supabase' });
    expect(calls()).toHaveLength(1);
    // FAPI answers a token request with a bare TokenJSON (no piggybacked client): nothing to emit.
    expect(lastEmitted()).toBe(emitted);
    expect(probe.renders).toBe(renders);
    await clerk.session.getToken({ skipCache: true });
    expect(calls()).toHaveLength(2);
    // A new SESSION token does emit (so useAuth() sees the new claims), but with the SAME client, session and
    // user objects in a new wrapper: only useAuth() consumers re-render, useSession()/useUser() ones do not.
    await waitFor(() => expect(lastEmitted()).not.toBe(emitted));
    const now = lastEmitted();
    expect(now.client).toBe(emitted.client);
    expect(now.session).toBe(emitted.session);
    expect(now.user).toBe(emitted.user);
    await waitFor(() => expect(probe.renders).toBe(renders + 1));
    expect(probe.listOnly.renders).toBe(listRenders);
  });

  check('remove() and end() update the session object the caller holds, and return it', async () => {
    const { clerk } = await start(target, scenarios.manyAccounts());
    const grace = clerk.client.sessions.find((s: AnyClerk) => s.id === 'sess_grace');
    const alan = clerk.client.sessions.find((s: AnyClerk) => s.id === 'sess_alan');
    expect(await grace.remove()).toBe(grace);
    expect(grace.status).toBe('removed');
    expect(await alan.end()).toBe(alan);
    expect(alan.status).toBe('ended');
  });

  check('revoke() updates the device object the caller holds, and returns it', async () => {
    const { clerk } = await start(target, scenarios.otherDevices());
    const devices = await clerk.user.getSessions();
    const phone = devices.find((d: AnyClerk) => d.id === 'sess_ada_phone');
    expect(await phone.revoke()).toBe(phone);
    expect(phone.status).toBe('revoked');
  });

  it('after revoke() the next getSessions() asks FAPI again (new User object) and the device is gone', async () => {
    const { probe, clerk, calls } = await start(target, scenarios.otherDevices());
    const userBefore = clerk.user;
    const devices = await clerk.user.getSessions();
    await devices.find((d: AnyClerk) => d.id === 'sess_ada_phone').revoke();
    // The revoke answer piggybacks the client, so Clerk emits new session and user objects ...
    await waitFor(() => expect(clerk.user).not.toBe(userBefore));
    expect(probe.latest?.user?.id).toBe('user_ada');
    // ... and the getSessions() cache lived on the old User object.
    const after = await clerk.user.getSessions();
    expect(after.map((d: AnyClerk) => d.id)).toEqual(['sess_ada', 'sess_ada_laptop', 'sess_ada_unknown']);
    expect(calls()).toEqual([
      'GET /v1/me/sessions/active',
      'POST /v1/me/sessions/sess_ada_phone/revoke',
      'GET /v1/me/sessions/active',
    ]);
  });

  check('a failed getSessions() is cached as [] on the User object until the next emit', async () => {
    const { clerk, calls } = await start(target, scenarios.otherDevices(), [
      clerkFailure('user.getSessions', { status: 500 }),
    ]);
    const first = await clerk.user.getSessions();
    expect(first).toEqual([]);
    expect(await clerk.user.getSessions()).toBe(first);
    expect(calls()).toEqual(['GET /v1/me/sessions/active']);
  });

  it('a failed remove() rejects with a ClerkAPIResponseError and changes nothing', async () => {
    const { probe, clerk, calls } = await start(target, scenarios.manyAccounts(), [
      clerkFailure('session.remove', { status: 422, code: 'form_param_invalid', message: 'nope' }),
    ]);
    const before = probe.latest;
    const error = await clerk.session.remove().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isClerkAPIResponseError(error)).toBe(true);
    expect(error).toMatchObject({ status: 422, errors: [{ code: 'form_param_invalid' }] });
    expect(calls()).toEqual(['POST /v1/client/sessions/sess_ada/remove']);
    expect(probe.latest).toEqual(before);
    expect(clerk.session.status).toBe('active');
  });

  it('a dropped connection: remove() rejects with what the kit reports as a network error, and changes nothing', async () => {
    const { probe, clerk, calls } = await start(target, scenarios.manyAccounts(), [
      clerkFailure('session.remove', 'network'),
    ]);
    const before = probe.latest;
    // clerk-js resolves a failed request with null instead of rejecting when the browser looks offline or driven
    // by automation, and happy-dom's navigator says `webdriver: true`: look like a person's browser, online, for
    // this one call only (longer, and clerk-js would also start sending telemetry).
    Object.defineProperty(navigator, 'webdriver', { value: false, configurable: true });
    const error = await clerk.session
      .remove()
      .then(
        () => null,
        (e: unknown) => e,
      )
      .finally(() => {
        // The own property shadowed happy-dom's getter on Navigator.prototype; deleting it restores the getter.
        delete (navigator as { webdriver?: boolean }).webdriver;
      });
    expect((error as Error).message).toMatch(
      /^ClerkJS: Network error at "https:\/\/[^"]+\/v1\/client\/sessions\/sess_ada\/remove[^"]*" - TypeError: .+\. Please try again\.$/,
    );
    expect(toActionError(error)).toMatchObject({ code: 'network_error', retryable: true });
    expect(calls()).toEqual(['POST /v1/client/sessions/sess_ada/remove']);
    expect(probe.latest).toEqual(before);
  });

  check('setActive() sends intent=select_session and the active organisation in the touch body', async () => {
    const { clerk, mark } = await start(target, scenarios.manyAccounts());
    await clerk.setActive({ session: 'sess_grace' });
    await waitFor(() => expect(requests.log[mark]?.body).toBeDefined());
    expect({ call: requests.log[mark]?.call, body: requests.log[mark]?.body }).toEqual({
      call: 'POST /v1/client/sessions/sess_grace/touch',
      body: { active_organization_id: '', intent: 'select_session' },
    });
  });

  it('signOut() hands the after-sign-out URL to the router ("/" by default)', async () => {
    const { booted, clerk } = await start(target, scenarios.oneAccount());
    await clerk.signOut();
    expect(booted.navigations).toEqual(['/']);
  });
});
