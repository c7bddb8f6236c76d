import { useAuth } from '@clerk/react';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignedOutError, useAuthFetch } from '../../../src/headless/useAuthFetch';
import { type RevokeSession, useRevokeSession } from '../../../src/headless/useRevokeSession';
import { type SessionFreshness, useSessionFreshness } from '../../../src/headless/useSessionFreshness';
import { useSessionInfo } from '../../../src/headless/useSessionInfo';
import { type SignOutResult, type SignOutScope, useSignOutAll } from '../../../src/headless/useSignOutAll';
import {
  clerkDelay,
  clerkFailure,
  clerkHandlers,
  type MockClerk,
  MockClerkProvider,
  type Scenario,
  scenarios,
} from '../../../src/testing';

const server = setupServer(...clerkHandlers);
const calls: string[] = [];
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  calls.push(`${url.searchParams.get('_method') ?? request.method} ${url.pathname}`);
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  calls.length = 0;
});
afterAll(() => server.close());

/** Renders `run` (which calls hooks) as a component body and keeps its latest return value. */
function HookProbe({ run, into }: { run: () => unknown; into: { current: unknown } }) {
  into.current = run();
  return null;
}

function mountHook<T>(scenario: Scenario, useHook: () => T) {
  const box: { current: unknown } = { current: null };
  render(
    <MockClerkProvider scenario={scenario}>
      <HookProbe run={useHook} into={box} />
    </MockClerkProvider>,
  );
  return () => {
    if (box.current === null) throw new Error('not rendered');
    return box.current as T;
  };
}

/**
 * The mock has no reverification UI: stands in for Clerk's modal, which verifies the first factor (fva [0, -1]),
 * refreshes the session and calls afterVerification(); Clerk then calls the fetcher it was given once more.
 */
function standInForReverificationModal() {
  const opened: string[] = [];
  const onReady = (clerk: MockClerk) => {
    Object.assign(clerk, {
      __internal_openReverification: ({ level, afterVerification }: { level?: string; afterVerification(): void }) => {
        opened.push(level ?? '');
        clerk.mock.update((current) => ({
          ...current,
          sessions: current.sessions.map((s) => ({ ...s, factorVerificationAge: [0, -1] as [number, number] })),
        }));
        afterVerification();
      },
    });
  };
  return { opened, onReady };
}

/** Mounts useSessionFreshness(options) on oneAccount (fva [5, -1]) with the stand-in modal; waits for 'stale'. */
async function staleWithReverification(options: Parameters<typeof useSessionFreshness>[0]) {
  const { opened, onReady } = standInForReverificationModal();
  const box: { current: SessionFreshness | null } = { current: null };
  render(
    <MockClerkProvider scenario={scenarios.oneAccount()} onReady={onReady}>
      <HookProbe run={() => useSessionFreshness(options)} into={box as { current: unknown }} />
    </MockClerkProvider>,
  );
  const hook = () => box.current as SessionFreshness;
  await waitFor(() => expect(hook()?.status).toBe('stale'));
  const reverify = async () => {
    let verified: boolean | null = null;
    await act(async () => {
      verified = await hook().reverify();
    });
    return verified;
  };
  return { opened, hook, reverify };
}

describe('useRevokeSession', () => {
  it('goes idle → confirming → pending → done and sends one request for a double confirm', async () => {
    server.use(clerkDelay('session.remove', 50));
    const hook = mountHook<RevokeSession>(scenarios.manyAccounts(), () =>
      useRevokeSession({ type: 'account', sessionId: 'sess_grace' }),
    );
    await waitFor(() => expect(hook().accountLabel).toBe('Grace Hopper'));
    act(() => hook().openConfirmation());
    expect(hook().status).toBe('confirming');
    let results: boolean[] = [];
    await act(async () => {
      const first = hook().confirm();
      const second = hook().confirm();
      results = await Promise.all([first, second]);
    });
    expect(results).toEqual([true, false]);
    expect(hook().status).toBe('done');
    expect(calls.filter((call) => call.endsWith('/remove'))).toEqual(['POST /v1/client/sessions/sess_grace/remove']);
  });

  it('refuses the session in use unless a sign-out is asked for', async () => {
    const hook = mountHook<RevokeSession>(scenarios.manyAccounts(), () =>
      useRevokeSession({ type: 'account', sessionId: 'sess_ada' }),
    );
    await waitFor(() => expect(hook().isCurrent).toBe(true));
    expect(hook().refusal).toBe('current-session');
    act(() => hook().openConfirmation());
    expect(hook().status).toBe('idle');
    await act(async () => {
      expect(await hook().confirm()).toBe(false);
    });
    expect(calls).toEqual([]);
  });

  it('keeps the error, and a retry succeeds', async () => {
    server.use(clerkFailure('session.remove', 'network', { once: true }));
    const hook = mountHook<RevokeSession>(scenarios.manyAccounts(), () =>
      useRevokeSession({ type: 'account', sessionId: 'sess_alan' }),
    );
    await waitFor(() => expect(hook().accountLabel).toBe('Alan Turing'));
    await act(async () => {
      await hook().confirm();
    });
    expect(hook()).toMatchObject({ status: 'error', error: { code: 'network_error', retryable: true } });
    await act(async () => {
      await hook().confirm();
    });
    expect(hook().status).toBe('done');
  });
});

describe('the confirmation dialog the hooks own', () => {
  it('useRevokeSession: open while confirming and while a confirmed revoke runs; a retry runs without it', async () => {
    server.use(clerkDelay('session.remove', 50), clerkFailure('session.remove', { status: 503 }, { once: true }));
    const hook = mountHook<RevokeSession>(scenarios.manyAccounts(), () =>
      useRevokeSession({ type: 'account', sessionId: 'sess_grace' }),
    );
    await waitFor(() => expect(hook().accountLabel).toBe('Grace Hopper'));
    expect(hook().isDialogOpen).toBe(false);
    act(() => hook().getTriggerProps().onClick());
    expect(hook().isDialogOpen).toBe(true);
    const dialog = hook().getDialogProps();
    expect(dialog).toMatchObject({ open: true, pending: false });
    expect(hook().getTriggerProps()).toMatchObject({ 'aria-expanded': true, 'aria-controls': dialog.id });
    // Closing it revokes nothing.
    act(() => hook().closeConfirmation());
    expect(hook()).toMatchObject({ status: 'idle', isDialogOpen: false });
    act(() => hook().openConfirmation());
    let confirmed: Promise<boolean> = Promise.resolve(false);
    act(() => {
      confirmed = hook().confirm();
    });
    expect(hook()).toMatchObject({ status: 'pending', isDialogOpen: true });
    expect(hook().getDialogProps().pending).toBe(true);
    await act(async () => {
      await confirmed;
    });
    // The failure closes the dialog: it is reported beside the trigger, and stays after a close.
    expect(hook()).toMatchObject({ status: 'error', isDialogOpen: false });
    act(() => hook().closeConfirmation());
    expect(hook().status).toBe('error');
    let retried: Promise<boolean> = Promise.resolve(false);
    act(() => {
      retried = hook().retry();
    });
    expect(hook()).toMatchObject({ status: 'pending', isDialogOpen: false });
    expect(hook().getTriggerProps()).toMatchObject({ 'aria-busy': true, 'aria-expanded': false });
    await act(async () => {
      expect(await retried).toBe(true);
    });
    expect(hook().status).toBe('done');
  });

  it('useRevokeSession: dismissError() clears a failure back to idle', async () => {
    server.use(clerkFailure('session.remove', { status: 503 }));
    const hook = mountHook<RevokeSession>(scenarios.manyAccounts(), () =>
      useRevokeSession({ type: 'account', sessionId: 'sess_grace' }),
    );
    await waitFor(() => expect(hook().accountLabel).toBe('Grace Hopper'));
    await act(async () => {
      await hook().confirm();
    });
    expect(hook().error).not.toBeNull();
    act(() => hook().dismissError());
    expect(hook()).toMatchObject({ status: 'idle', error: null });
  });

  it.each([
    ['notice', false, 'error'],
    ['dialog', true, 'idle'],
  ] as const)(
    "useSignOutAll reporting a failure in the %s: the dialog open after it is %s, and closing it leaves '%s'",
    async (reportErrorIn, openAfterFailure, afterClose) => {
      server.use(clerkFailure('signOut', { status: 503 }));
      const hook = mountHook(scenarios.manyAccounts(), () => useSignOutAll({ scope: 'this-browser', reportErrorIn }));
      await waitFor(() => expect(hook().accountCount).toBe(4));
      expect(hook().getTriggerProps()).toMatchObject({ 'aria-disabled': undefined, 'aria-expanded': false });
      act(() => hook().getTriggerProps().onClick?.());
      expect(hook()).toMatchObject({ status: 'confirming', isDialogOpen: true });
      await act(async () => {
        await hook().confirm();
      });
      expect(hook()).toMatchObject({ status: 'error', isErrorShown: true, isDialogOpen: openAfterFailure });
      act(() => hook().closeConfirmation());
      expect(hook().status).toBe(afterClose);
      expect(hook().isDialogOpen).toBe(false);
    },
  );

  it('useSignOutAll: a trigger with nothing to sign out is disabled and opens nothing', async () => {
    const hook = mountHook(scenarios.oneAccount(), () => useSignOutAll({ scope: 'other-devices' }));
    await waitFor(() => expect(hook().nothingToDo).toBe(true));
    expect(hook().isDisabled).toBe(true);
    expect(hook().getTriggerProps()).toMatchObject({ 'aria-disabled': true, onClick: undefined });
  });
});

describe('useAuthFetch', () => {
  it('sends the session token as a Bearer header and retries once with a fresh token on 401', async () => {
    const seen: string[] = [];
    server.use(
      http.get('https://api.example.test/me', ({ request }) => {
        seen.push(request.headers.get('authorization') ?? '');
        return seen.length === 1 ? new HttpResponse(null, { status: 401 }) : HttpResponse.json({ ok: true });
      }),
    );
    const hook = mountHook(scenarios.oneAccount(), () => useAuthFetch());
    await waitFor(() => expect(hook()).toBeTypeOf('function'));
    let status = 0;
    await act(async () => {
      status = (await hook()('https://api.example.test/me')).status;
    });
    expect(status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen.every((header) => /^Bearer [\w-]+\.[\w-]+\./.test(header))).toBe(true);
    expect(calls).toContain('POST /v1/client/sessions/sess_ada/tokens');
  });

  it("keeps a Request's own headers and body on the first try and on the 401 retry", async () => {
    const seen: { method: string; type: string | null; custom: string | null; auth: string | null; body: string }[] =
      [];
    server.use(
      http.post('https://api.example.test/items', async ({ request }) => {
        seen.push({
          method: request.method,
          type: request.headers.get('content-type'),
          custom: request.headers.get('x-trace'),
          auth: request.headers.get('authorization'),
          body: await request.text(),
        });
        return seen.length === 1 ? new HttpResponse(null, { status: 401 }) : HttpResponse.json({ ok: true });
      }),
    );
    const hook = mountHook(scenarios.oneAccount(), () => useAuthFetch());
    await waitFor(() => expect(hook()).toBeTypeOf('function'));
    const body = JSON.stringify({ name: 'Ada' });
    const request = new Request('https://api.example.test/items', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 't1' },
      body,
    });
    let status = 0;
    await act(async () => {
      status = (await hook()(request)).status;
    });
    expect(status).toBe(200);
    expect(seen).toHaveLength(2);
    for (const attempt of seen) {
      expect(attempt).toMatchObject({ method: 'POST', type: 'application/json', custom: 't1', body });
      expect(attempt.auth).toMatch(/^Bearer [\w-]+\.[\w-]+\./);
    }
  });

  it('rejects with SignedOutError and sends nothing when signed out', async () => {
    const hook = mountHook(scenarios.signedOut(), () => useAuthFetch());
    await expect(hook()('https://api.example.test/me')).rejects.toBeInstanceOf(SignedOutError);
    expect(calls.filter((call) => call.includes('example.test'))).toEqual([]);
  });
});

describe('useSessionFreshness', () => {
  it('reads factorVerificationAge, not the token age', async () => {
    // oneAccount verified its first factor 5 minutes ago.
    const fresh = mountHook<SessionFreshness>(scenarios.oneAccount(), () => useSessionFreshness({ maxAge: 10 }));
    await waitFor(() => expect(fresh().status).toBe('fresh'));
    expect(fresh().ageMinutes).toBe(5);
  });

  it('reverify() resolves true once the user verified again (Clerk re-runs the same fetcher)', async () => {
    const { opened, hook, reverify } = await staleWithReverification({ maxAge: 1 });
    expect(await reverify()).toBe(true);
    expect(opened).toEqual(['first_factor']);
    expect(hook().status).toBe('fresh');
    // Already fresh: no second prompt.
    expect(await reverify()).toBe(true);
    expect(opened).toHaveLength(1);
  });

  it('is stale past maxAge; a user with no second factor is judged on the first, as Clerk does', async () => {
    const stale = mountHook<SessionFreshness>(scenarios.oneAccount(), () => useSessionFreshness({ maxAge: 1 }));
    await waitFor(() => expect(stale().status).toBe('stale'));
    // oneAccount: first factor 5 minutes ago, no second factor (fva [5, -1]).
    for (const level of ['second_factor', 'multi_factor'] as const) {
      cleanup(); // one mounted <ClerkProvider> at a time, as Clerk Core 2 requires
      const noSecondFactor = mountHook<SessionFreshness>(scenarios.oneAccount(), () =>
        useSessionFreshness({ maxAge: 60, level }),
      );
      await waitFor(() => expect(noSecondFactor().status).toBe('fresh'));
      expect(noSecondFactor().ageMinutes).toBe(5);
    }
  });

  it.each([
    { level: 'first_factor', maxAge: 5 },
    { level: 'first_factor', maxAge: 6 },
    { level: 'second_factor', maxAge: 5 },
    { level: 'second_factor', maxAge: 6 },
    { level: 'multi_factor', maxAge: 5 },
  ] as const)(
    "says what Clerk's has({ reverification }) says: $level within $maxAge minutes",
    async ({ level, maxAge }) => {
      // oneAccount verified its first factor 5 minutes ago: at exactly maxAge = 5 Clerk already asks again.
      const hook = mountHook(scenarios.oneAccount(), () => ({
        freshness: useSessionFreshness({ maxAge, level }),
        // Core 2's has is undefined until Clerk loaded.
        clerkSays: useAuth().has?.({ reverification: { level, afterMinutes: maxAge } }),
      }));
      await waitFor(() => expect(hook().freshness.status).not.toBe('loading'));
      expect(hook().freshness.status).toBe(hook().clerkSays ? 'fresh' : 'stale');
      expect(hook().freshness.status).toBe(maxAge > 5 ? 'fresh' : 'stale');
    },
  );

  it('reverify() for a second factor resolves true once a user with no second factor verified again', async () => {
    const { opened, hook, reverify } = await staleWithReverification({ maxAge: 5, level: 'second_factor' });
    const verified = await reverify();
    expect(opened).toEqual(['second_factor']);
    expect(verified).toBe(true);
    expect(hook()).toMatchObject({ status: 'fresh', ageMinutes: 0 });
  });
});

describe('useSignOutAll', () => {
  const probe = (scope: SignOutScope) => () => ({ all: useSignOutAll({ scope }), info: useSessionInfo() });

  it.each(['everywhere', 'other-devices'] as const)(
    'with scope %s and a failed device list, confirm() sends nothing and keeps this browser signed in',
    async (scope) => {
      server.use(clerkFailure('user.getSessions', { status: 503 }));
      const hook = mountHook(scenarios.otherDevices(), probe(scope));
      await waitFor(() => expect(hook().all.error).not.toBeNull());
      const before = calls.length;
      let result: SignOutResult | undefined;
      await act(async () => {
        result = await hook().all.confirm();
      });
      expect(result).toEqual({ succeeded: [], failed: [] });
      expect(calls.slice(before)).toEqual([]);
      expect(hook().all).toMatchObject({ status: 'error', error: { code: 'sessions_unavailable' } });
      expect(hook().info.status).toBe('active');
    },
  );

  it('refuses while the device list is still loading, then runs once it is ready', async () => {
    server.use(clerkDelay('user.getSessions', 150));
    const hook = mountHook(scenarios.otherDevices(), probe('everywhere'));
    await waitFor(() => expect(hook().info.status).toBe('active'));
    expect(hook().all.status).toBe('loading');
    await act(async () => {
      await hook().all.confirm();
    });
    expect(calls.filter((call) => call.includes('/revoke') || call.startsWith('DELETE'))).toEqual([]);
    expect(hook().info.status).toBe('active');
    await waitFor(() => expect(hook().all.deviceCount).toBe(3));
    await act(async () => {
      await hook().all.confirm();
    });
    expect(hook().all.status).toBe('done');
    expect(calls.filter((call) => call.includes('/revoke'))).toHaveLength(3);
    expect(calls).toContain('DELETE /v1/client/sessions');
  });
});
