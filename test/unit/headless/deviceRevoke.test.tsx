import { useClerk } from '@clerk/react';
import { isReverificationCancelledError } from '@clerk/react/errors';
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

/**
 * How the "verify it's you" step is answered. With the kit's mock, its own stand-in prompt (a `<dialog>`) is
 * clicked like a user would. With real clerk-js the modal lives in @clerk/ui, which is not loaded offline (its
 * `__internal_openReverification` would wait for components that never come): a stand-in replaces that method of
 * the real instance and does what the modal's success leaves behind, a fresh verification on the server, before
 * calling Clerk's `afterVerification` (or `afterVerificationCancelled`). Everything else is clerk-js's own:
 * the 403 it parses into a ClerkAPIResponseError, `useReverification`'s handler, its retry.
 */
function answerPrompts(target: Target, booted: Booted, clerk: unknown, answer: 'verify' | 'cancel') {
  const opened: (string | undefined)[] = [];
  if (target.name === 'clerk-js') {
    const backend = booted.backend;
    Object.assign(clerk as object, {
      __internal_openReverification: (props: {
        level?: string;
        afterVerification?: () => void;
        afterVerificationCancelled?: () => void;
      }) => {
        opened.push(props.level);
        if (answer === 'cancel') return props.afterVerificationCancelled?.();
        backend?.recordVerification();
        props.afterVerification?.();
      },
    });
    return opened;
  }
  const mock = clerk as { __internal_openReverification: (props: object) => void };
  const open = mock.__internal_openReverification;
  mock.__internal_openReverification = (props: { level?: string }) => {
    opened.push(props.level);
    open(props);
    const button = [...document.querySelectorAll<HTMLButtonElement>('[data-slot="mock-reverification"] button')].find(
      (entry) => entry.value === answer,
    );
    button?.click();
  };
  return opened;
}

/** {@link Probe}, also keeping what `useClerk()` returns (Clerk's wrapper around the instance). */
function ProbeWithClerk({ into, clerk }: { into: { current: Hooks | null }; clerk: { current: unknown } }) {
  clerk.current = useClerk();
  return <Probe into={into} />;
}

async function startStale(target: Target, answer: 'verify' | 'cancel') {
  const booted: Booted = await target.boot(scenarios.staleVerification());
  server.use(...booted.handlers);
  const hooks: { current: Hooks | null } = { current: null };
  const clerkBox: { current: unknown } = { current: null };
  renderUnderClerk(booted, <ProbeWithClerk into={hooks} clerk={clerkBox} />);
  await waitFor(() => expect(hooks.current?.info.status).toBe('active'));
  await waitFor(() => expect(hooks.current?.devices.status).toBe('ready'));
  // The instance behind <ClerkProvider>: real clerk-js, or the mock.
  const instance = (clerkBox.current as { clerkjs?: unknown }).clerkjs ?? booted.instance;
  const opened = answerPrompts(target, booted, instance, answer);
  const mark = requests.log.length;
  const now = () => {
    if (!hooks.current) throw new Error('not rendered');
    return hooks.current;
  };
  const revokes = () => requests.since(mark, booted.host).filter((call) => call.endsWith('/revoke'));
  return { now, revokes, opened };
}

/**
 * Confirms a sign-out-all. Not awaited inside one act(): the prompt opens only after React rendered the
 * 'verifying' state (the button's dialog closes first), which an act() still waiting for the run would hold back.
 */
async function signOutAllOtherDevices(now: () => Hooks, opened: unknown[]) {
  let run: Promise<unknown> = Promise.resolve();
  act(() => {
    run = now().signOutAll.confirm();
  });
  await waitFor(() => expect(opened).toHaveLength(1));
  await act(async () => {
    await run;
  });
}

describe.each([realTarget, mockTarget])('device revokes with a stale verification on $name', (target) => {
  // FAPI answers 403 session_reverification_required first; the mock refuses the same way before sending.
  const refusedFirst = (ids: string[]) =>
    target.name === 'clerk-js' ? ids.map((id) => `POST /v1/me/sessions/${id}/revoke`) : [];

  it('asks to verify once, then revokes the device', async () => {
    const { now, revokes, opened } = await startStale(target, 'verify');
    let outcome: unknown;
    await act(async () => {
      outcome = await now().devices.revoke('sess_ada_phone');
    });
    expect(outcome).toBe('revoked');
    expect(opened).toHaveLength(1);
    expect(revokes()).toEqual([...refusedFirst(['sess_ada_phone']), 'POST /v1/me/sessions/sess_ada_phone/revoke']);
    await waitFor(() => expect(ids(now().devices.others)).toEqual(['sess_ada_laptop', 'sess_ada_unknown']));
  });

  it('a cancelled verification rejects as cancelled and keeps the device listed', async () => {
    const { now, revokes, opened } = await startStale(target, 'cancel');
    let caught: unknown;
    await act(async () => {
      caught = await now()
        .devices.revoke('sess_ada_phone')
        .catch((error: unknown) => error);
    });
    expect(isReverificationCancelledError(caught)).toBe(true);
    expect(opened).toHaveLength(1);
    expect(revokes()).toEqual(refusedFirst(['sess_ada_phone']));
    expect(ids(now().devices.others)).toEqual(['sess_ada_phone', 'sess_ada_laptop', 'sess_ada_unknown']);
  });

  it('sign-out-all of 3 devices asks to verify ONCE, then revokes all 3', async () => {
    const { now, revokes, opened } = await startStale(target, 'verify');
    await signOutAllOtherDevices(now, opened);
    expect(opened).toHaveLength(1);
    expect(now().signOutAll.status).toBe('done');
    expect(now().signOutAll.result?.succeeded.sort()).toEqual([
      'sess_ada_laptop',
      'sess_ada_phone',
      'sess_ada_unknown',
    ]);
    const all = ['sess_ada_laptop', 'sess_ada_phone', 'sess_ada_unknown'];
    expect(revokes().sort()).toEqual(
      [...refusedFirst(all), ...all.map((id) => `POST /v1/me/sessions/${id}/revoke`)].sort(),
    );
    await waitFor(() => expect(ids(now().devices.devices)).toEqual(['sess_ada']));
  });

  it('sign-out-all cancelled at the verification: all 3 devices stay, nothing is reported as failed', async () => {
    const { now, opened } = await startStale(target, 'cancel');
    await signOutAllOtherDevices(now, opened);
    expect(opened).toHaveLength(1);
    expect(now().signOutAll.status).toBe('idle');
    expect(now().signOutAll.error).toBeNull();
    expect(now().signOutAll.deviceCount).toBe(3);
    expect(ids(now().devices.others)).toEqual(['sess_ada_phone', 'sess_ada_laptop', 'sess_ada_unknown']);
  });
});
