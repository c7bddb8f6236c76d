import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type SessionSwitcher, useSessionSwitcher } from '../../../src/headless/useSessionSwitcher';
import { scenarios } from '../../../src/testing';
import { mockTarget, realTarget, renderUnderClerk, setupTargetServer } from '../../fidelity/targets';

/*
 * "Add account" follows the instance's single_session_mode, as clerk-js reads it from the environment it loaded
 * (real clerk-js over MSW) and as the mock answers it from the scenario.
 */

const { server } = setupTargetServer();

function Probe({ into, allow }: { into: { current: SessionSwitcher | null }; allow?: boolean }) {
  into.current = useSessionSwitcher(allow === undefined ? {} : { allowAddAccount: allow });
  return null;
}

describe.each([realTarget, mockTarget])('add account on $name', (target) => {
  it.each([
    ['a multi-session instance', scenarios.oneAccount(), undefined, true],
    ['a single-session instance', scenarios.singleSession(), undefined, false],
    ['a single-session instance when the app says so', scenarios.singleSession(), true, true],
    ['a multi-session instance when the app says no', scenarios.oneAccount(), false, false],
  ])('on %s: canAddAccount is as expected', async (_, scenario, allow, expected) => {
    const booted = await target.boot(scenario);
    server.use(...booted.handlers);
    const hook: { current: SessionSwitcher | null } = { current: null };
    renderUnderClerk(booted, <Probe into={hook} {...(allow === undefined ? {} : { allow })} />);
    await waitFor(() => expect(hook.current?.isLoaded).toBe(true));
    expect(hook.current?.canAddAccount).toBe(expected);
  });
});
