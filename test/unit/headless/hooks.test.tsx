import { act, waitFor } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { type ReactNode, useMemo } from 'react';
import { describe, expect, it } from 'vitest';
import { type ActiveDevices, useActiveDevices } from '../../../src/headless/useActiveDevices';
import { type RevokeSession, useRevokeSession } from '../../../src/headless/useRevokeSession';
import { type SessionInfo, useSessionInfo } from '../../../src/headless/useSessionInfo';
import { type SessionSwitcher, useSessionSwitcher } from '../../../src/headless/useSessionSwitcher';
import { type SignOutAll, useSignOutAll } from '../../../src/headless/useSignOutAll';
import { clerkFailure, type Scenario, scenarios } from '../../../src/testing';
import {
  type Booted,
  mockTarget,
  realTarget,
  renderUnderClerk,
  setupTargetServer,
  type Target,
} from '../../fidelity/targets';

/*
 * The kit's hooks under the REAL <ClerkProvider>, driven once by the REAL @clerk/clerk-js (FAPI answered over MSW)
 * and once by the kit's mock. Real clerk-js mutates its client in place, so a hook that only read
 * useSessionList() would keep showing a removed account: these tests fail if the hooks stop noticing.
 */

const { server, requests } = setupTargetServer();

interface Hooks {
  info: SessionInfo;
  switcher: SessionSwitcher;
  devices: ActiveDevices;
  signOutAll: SignOutAll;
}

function Probe({ into }: { into: { current: Hooks | null } }) {
  const devices = useActiveDevices();
  into.current = {
    info: useSessionInfo(),
    switcher: useSessionSwitcher(),
    devices,
    signOutAll: useSignOutAll({ scope: 'other-devices' }),
  };
  return null;
}

interface DeviceRevokeHooks {
  info: SessionInfo;
  devices: ActiveDevices;
  revoke: RevokeSession;
}

/** A revoke button's hooks on one row of `useActiveDevices`, wired as useActiveDevices' TSDoc and the README say. */
function DeviceRevokeProbe({ id, into }: { id: string; into: { current: DeviceRevokeHooks | null } }) {
  const devices = useActiveDevices();
  const { revoke } = devices;
  const target = useMemo(() => ({ type: 'device' as const, session: { id, revoke: () => revoke(id) } }), [id, revoke]);
  into.current = { info: useSessionInfo(), devices, revoke: useRevokeSession(target, { allowCurrent: true }) };
  return null;
}

async function mountOn<T extends { info: SessionInfo }>(
  target: Target,
  scenario: Scenario,
  before: RequestHandler[],
  probe: (into: { current: T | null }) => ReactNode,
) {
  const booted: Booted = await target.boot(scenario);
  server.use(...before, ...booted.handlers);
  const hooks: { current: T | null } = { current: null };
  renderUnderClerk(booted, probe(hooks));
  await waitFor(() => expect(hooks.current?.info.status).toBe('active'));
  const mark = requests.log.length;
  const calls = () => requests.since(mark, booted.host);
  const now = () => {
    if (!hooks.current) throw new Error('not rendered');
    return hooks.current;
  };
  return { now, calls, navigations: booted.navigations };
}

function start(target: Target, scenario: Scenario, before: RequestHandler[] = []) {
  return mountOn<Hooks>(target, scenario, before, (into) => <Probe into={into} />);
}

function startDeviceRevoke(target: Target, scenario: Scenario, id: string) {
  return mountOn<DeviceRevokeHooks>(target, scenario, [], (into) => <DeviceRevokeProbe id={id} into={into} />);
}

const ids = (list: { id: string }[]) => list.map((entry) => entry.id);

describe.each([realTarget, mockTarget])('hooks on $name', (target) => {
  it('useSessionSwitcher lists signed-in accounts, current first, then most recently active', async () => {
    const { now } = await start(target, scenarios.manyAccounts());
    expect(ids(now().switcher.accounts)).toEqual(['sess_ada', 'sess_katherine', 'sess_grace', 'sess_alan']);
    expect(now().switcher.current?.name).toBe('Ada Lovelace');
  });

  it('signOutOf removes a non-current account and the list updates after the in-place client mutation', async () => {
    const { now, calls } = await start(target, scenarios.manyAccounts());
    let ok: boolean | undefined;
    await act(async () => {
      ok = await now().switcher.signOutOf('sess_grace');
    });
    expect(ok).toBe(true);
    await waitFor(() => expect(ids(now().switcher.accounts)).not.toContain('sess_grace'));
    expect(calls()).toEqual(['POST /v1/client/sessions/sess_grace/remove']);
    expect(now().info.session?.id).toBe('sess_ada');
  });

  it('signing out of the current account switches to the most recent other one first, then removes it', async () => {
    const { now, calls } = await start(target, scenarios.manyAccounts());
    await act(async () => {
      await now().switcher.signOutOf('sess_ada');
    });
    await waitFor(() => expect(now().info.session?.id).toBe('sess_grace'));
    await waitFor(() => expect(ids(now().switcher.accounts)).not.toContain('sess_ada'));
    // Never "signed out" in between: the switch is confirmed before the account goes.
    expect(calls().filter((call) => /\/(touch|remove)$/.test(call))).toEqual([
      'POST /v1/client/sessions/sess_grace/touch',
      'POST /v1/client/sessions/sess_ada/remove',
    ]);
  });

  it('a double signOutOf sends one request', async () => {
    const { now, calls } = await start(target, scenarios.manyAccounts());
    await act(async () => {
      await Promise.all([now().switcher.signOutOf('sess_alan'), now().switcher.signOutOf('sess_alan')]);
    });
    expect(calls().filter((call) => call.endsWith('/remove'))).toHaveLength(1);
  });

  it('switches one at a time: a second switch while one runs sends nothing and resolves false', async () => {
    const { now, calls } = await start(target, scenarios.manyAccounts());
    let results: boolean[] = [];
    await act(async () => {
      results = await Promise.all([now().switcher.switchTo('sess_grace'), now().switcher.switchTo('sess_alan')]);
    });
    expect(results).toEqual([true, false]);
    expect(calls().filter((call) => call.endsWith('/touch'))).toEqual(['POST /v1/client/sessions/sess_grace/touch']);
    expect(now().info.session?.id).toBe('sess_grace');
    expect(now().switcher.switching).toBeNull();
  });

  it('a failed signOutOf keeps the account listed and reports the error on it', async () => {
    const { now } = await start(target, scenarios.manyAccounts(), [clerkFailure('session.remove', { status: 500 })]);
    let ok: boolean | undefined;
    await act(async () => {
      ok = await now().switcher.signOutOf('sess_grace');
    });
    expect(ok).toBe(false);
    expect(ids(now().switcher.accounts)).toContain('sess_grace');
    expect(now().switcher.stateOf('sess_grace')).toMatchObject({
      status: 'error',
      kind: 'sign-out',
      error: { status: 500 },
    });
  });

  it('useActiveDevices lists every device, this one first, and drops a revoked one only after Clerk confirms', async () => {
    const { now, calls } = await start(target, scenarios.otherDevices());
    await waitFor(() => expect(now().devices.status).toBe('ready'));
    expect(ids(now().devices.devices)).toEqual(['sess_ada', 'sess_ada_phone', 'sess_ada_laptop', 'sess_ada_unknown']);
    expect(now().devices.devices[1]).toMatchObject({
      kind: 'mobile',
      browser: 'Safari 19',
      os: 'iOS',
      location: 'Paris, FR',
    });
    await act(async () => {
      await now().devices.revoke('sess_ada_phone');
    });
    await waitFor(() => expect(ids(now().devices.devices)).not.toContain('sess_ada_phone'));
    expect(calls()).toContain('POST /v1/me/sessions/sess_ada_phone/revoke');
  });

  it('useActiveDevices reports a failed getSessions() as an error, never as "no other devices", and recovers on refresh', async () => {
    const { now } = await start(target, scenarios.otherDevices(), [
      clerkFailure('user.getSessions', { status: 503 }, { once: true }),
    ]);
    await waitFor(() => expect(now().devices.status).toBe('error'));
    expect(now().devices.others).toEqual([]);
    await act(async () => {
      await now().devices.refresh();
    });
    await waitFor(() => expect(now().devices.status).toBe('ready'));
    expect(now().devices.others).toHaveLength(3);
  });

  it('useSignOutAll revokes every other device and reports exactly which one failed', async () => {
    const { now } = await start(target, scenarios.otherDevices(), [
      clerkFailure('session.revoke', { status: 500 }, { sessionId: 'sess_ada_laptop' }),
    ]);
    await waitFor(() => expect(now().signOutAll.deviceCount).toBe(3));
    let result: Awaited<ReturnType<SignOutAll['confirm']>> | undefined;
    await act(async () => {
      result = await now().signOutAll.confirm();
    });
    expect(result?.succeeded.sort()).toEqual(['sess_ada_phone', 'sess_ada_unknown']);
    expect(result?.failed.map((entry) => entry.sessionId)).toEqual(['sess_ada_laptop']);
    expect(now().signOutAll.status).toBe('partial');
    await waitFor(() => expect(ids(now().devices.others)).toEqual(['sess_ada_laptop']));
  });

  it("useRevokeSession on a device row wired to useActiveDevices' revoke drops the row once Clerk confirms", async () => {
    const { now, calls } = await startDeviceRevoke(target, scenarios.otherDevices(), 'sess_ada_phone');
    await waitFor(() => expect(ids(now().devices.devices)).toContain('sess_ada_phone'));
    let ok: boolean | undefined;
    await act(async () => {
      ok = await now().revoke.confirm();
    });
    expect(ok).toBe(true);
    expect(calls()).toContain('POST /v1/me/sessions/sess_ada_phone/revoke');
    await waitFor(() => expect(ids(now().devices.devices)).not.toContain('sess_ada_phone'));
    expect(ids(now().devices.devices)).toEqual(['sess_ada', 'sess_ada_laptop', 'sess_ada_unknown']);
  });

  it('useRevokeSession on the device row of THIS session (allowCurrent) signs out here and Clerk navigates', async () => {
    const { now, calls, navigations } = await startDeviceRevoke(target, scenarios.otherDevices(), 'sess_ada');
    await waitFor(() => expect(now().devices.status).toBe('ready'));
    expect(now().revoke).toMatchObject({ isCurrent: true, refusal: null });
    let ok: boolean | undefined;
    await act(async () => {
      ok = await now().revoke.confirm();
    });
    expect(ok).toBe(true);
    // signOut({ sessionId }), never POST /v1/me/sessions/sess_ada/revoke, which would leave this tab holding a
    // revoked session with no navigation.
    expect(calls().filter((call) => call.includes('/revoke'))).toEqual([]);
    await waitFor(() => expect(now().info.status).toBe('signed-out'));
    expect(navigations).toEqual(['/']);
  });
});
