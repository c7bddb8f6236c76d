import '../helpers/env';
import { describe, expect, it } from 'vitest';
import { ActionAuthError, protectAction } from '../../../src/nextjs';

// Behaviour inside a running app (member refused, admin allowed, stale admin prompted and retried) is tested on
// `next start` in test/server/nextjs/nextStart.e2e.test.ts (see serverActions.ts): auth() needs Next's request.
describe('protectAction', () => {
  const action = async () => 'done';

  it('refuses an invalid rule when the module loads, naming the field', () => {
    expect(() => protectAction({ role: '' }, action)).toThrow(/protectAction\.role/);
    expect(() => protectAction({ permission: [] }, action)).toThrow(/protectAction\.permission/);
    expect(() => protectAction({ maxAuthAge: { afterMinutes: 0 } }, action)).toThrow(/protectAction\.maxAuthAge/);
    expect(() => protectAction(null as never, action)).toThrow(/rule must be an object/);
    expect(() => protectAction({}, 'not a function' as never)).toThrow(/action must be an async function/);
  });

  it('accepts a rule-less guard (any signed-in session) and returns an async function', () => {
    expect(protectAction({}, action)).toBeTypeOf('function');
  });

  it('ActionAuthError carries a code a server-side caller can branch on', () => {
    const error = new ActionAuthError('forbidden');
    expect([error.name, error.code, error instanceof Error]).toEqual(['ActionAuthError', 'forbidden', true]);
  });
});
