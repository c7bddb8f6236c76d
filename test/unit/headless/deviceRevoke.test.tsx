import { act, waitFor } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { type ActiveDevices, useActiveDevices } from '../../../src/headless/useActiveDevices';
import { type SessionInfo, useSessionInfo } from '../../../src/headless/useSessionInfo';
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
 * Revoking devices through the shared device list, under the REAL <ClerkProvider>, driven once by the REAL
 * @clerk/clerk-js (FAPI answered over MSW) and once by the kit's mock: the requests Clerk receives are counted.
 */

const { server, requests } = setupTargetServer();

interface Hooks {
  info: SessionInfo;
  devices: ActiveDevices;
  signOutAll: SignOutAll;
}

/** The device list and a standalone sign-out-all button's hook, as ActiveDevices and SignOutAllButton use them. */
function Probe({ into }: { into: { current: Hooks | null } }) {
  into.current = {
    info: useSessionInfo(),
    devices: useActiveDevices(),
    signOutAll: useSignOutAll({ scope: 'other-devices' }),
  };
  return null;
}

async function start(target: Target, scenario: Scenario, before: RequestHandler[] = []) {
  const booted: Booted = await target.boot(scenario);
  server.use(...before, ...booted.handlers);
  const hooks: { current: Hooks | null } = { current: null };
  renderUnderClerk(booted, <Probe into={hooks} />);
  await waitFor(() => expect(hooks.current?.info.status).toBe('active'));
  await waitFor(() => expect(hooks.current?.devices.status).toBe('ready'));
  const mark = requests.log.length;
  const now = () => {
    if (!hooks.current) throw new Error('not rendered');
    return hooks.current;
  };
  const revokes = () => requests.since(mark, booted.host).filter((call) => call.endsWith('/revoke'));
  return { now, revokes };
}

const ids = (list: { id: string }[]) => list.map((entry) => entry.id);

describe.each([realTarget, mockTarget])('device revokes on $name', (target) => {
  it("a row's retry still on its way when sign-out-all runs: each session is POSTed to /revoke once", async () => {
    const { now, revokes } = await start(target, scenarios.otherDevices());
    let outcomes: PromiseSettledResult<unknown>[] = [];
    await act(async () => {
      // The row's Try again, then "Sign out of all other devices" confirmed before Clerk answered it.
      outcomes = await Promise.allSettled([now().devices.revoke('sess_ada_phone'), now().signOutAll.confirm()]);
    });
    expect(outcomes.map((entry) => entry.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(revokes().sort()).toEqual([
      'POST /v1/me/sessions/sess_ada_laptop/revoke',
      'POST /v1/me/sessions/sess_ada_phone/revoke',
      'POST /v1/me/sessions/sess_ada_unknown/revoke',
    ]);
    expect(now().signOutAll.result?.succeeded.sort()).toEqual([
      'sess_ada_laptop',
      'sess_ada_phone',
      'sess_ada_unknown',
    ]);
    await waitFor(() => expect(ids(now().devices.devices)).toEqual(['sess_ada']));
  });

  it('a 404 (the session no longer exists) drops the device and resolves already-signed-out', async () => {
    const { now, revokes } = await start(target, scenarios.otherDevices(), [
      clerkFailure('session.revoke', { status: 404 }, { sessionId: 'sess_ada_phone' }),
    ]);
    let outcome: unknown;
    await act(async () => {
      outcome = await now().devices.revoke('sess_ada_phone');
    });
    expect(outcome).toBe('already-signed-out');
    expect(revokes()).toEqual(['POST /v1/me/sessions/sess_ada_phone/revoke']);
    await waitFor(() => expect(ids(now().devices.others)).toEqual(['sess_ada_laptop', 'sess_ada_unknown']));
    expect(now().signOutAll.deviceCount).toBe(2);
  });

  it('any other failure rejects and keeps the device listed', async () => {
    const { now } = await start(target, scenarios.otherDevices(), [
      clerkFailure('session.revoke', { status: 403 }, { sessionId: 'sess_ada_phone' }),
    ]);
    let caught: unknown;
    await act(async () => {
      caught = await now()
        .devices.revoke('sess_ada_phone')
        .catch((error: unknown) => error);
    });
    expect(caught).toMatchObject({ status: 403 });
    expect(ids(now().devices.others)).toContain('sess_ada_phone');
  });
});
