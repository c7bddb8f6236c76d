import { isClerkAPIResponseError } from '@clerk/react/errors';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import {
  type ClerkEndpoint,
  type ClerkFailure,
  clerkDelay,
  clerkEndpoints,
  clerkFailure,
  type Scenario,
  scenarios,
} from '../../../src/testing';
import { listedIds, rejectionOf, renderMock } from './harness';
import { setupClerkServer } from './setup';

const { server, requests } = setupClerkServer();

type Mock = ReturnType<typeof renderMock>;

async function loaded(s: Scenario) {
  const mock = renderMock(s);
  await waitFor(() => expect(mock.seen.session.isLoaded).toBe(true));
  return mock;
}

const listed = (mock: Mock, id: string) => mock.seen.list.sessions?.find((entry) => entry.id === id);

/** For every endpoint: a scenario and the user action that sends it (all but getSessions must reject on failure). */
const operations: Record<
  Exclude<ClerkEndpoint, 'user.getSessions'>,
  { from: () => Scenario; run: (m: Mock) => Promise<unknown> }
> = {
  'session.touch': { from: scenarios.manyAccounts, run: (m) => m.clerk.setActive({ session: 'sess_grace' }) },
  'session.remove': { from: scenarios.manyAccounts, run: (m) => listed(m, 'sess_grace')?.remove() as Promise<unknown> },
  'session.end': { from: scenarios.manyAccounts, run: (m) => listed(m, 'sess_grace')?.end() as Promise<unknown> },
  // A plain getToken() is answered from the session's own token without a request (as clerk-js): force one.
  'session.getToken': {
    from: scenarios.oneAccount,
    run: (m) => m.seen.session.session?.getToken({ skipCache: true }) as Promise<unknown>,
  },
  signOut: { from: scenarios.manyAccounts, run: (m) => m.clerk.signOut() },
  'session.revoke': {
    from: scenarios.otherDevices,
    run: async (m) => {
      const devices = (await m.seen.user.user?.getSessions()) ?? [];
      return devices.find((d) => d.id === 'sess_ada_phone')?.revoke();
    },
  },
};

const failing = Object.keys(operations) as (keyof typeof operations)[];

test('the operation table covers every endpoint the mock sends', () => {
  expect([...failing, 'user.getSessions'].sort()).toEqual(Object.keys(clerkEndpoints).sort());
});

/** Runs an operation under a failing handler and proves it changed nothing a user of the mock could see. */
async function failWithoutChange(endpoint: keyof typeof operations, failure: ClerkFailure) {
  const mock = await loaded(operations[endpoint].from());
  const before = {
    scenario: mock.clerk.mock.scenario,
    current: mock.seen.session.session?.id,
    ids: listedIds(mock.seen),
    statuses: mock.seen.list.sessions?.map((entry) => entry.status),
    renders: mock.seen.renders,
  };
  server.use(clerkFailure(endpoint, failure));
  let error: unknown;
  await act(async () => {
    error = await rejectionOf(operations[endpoint].run(mock));
  });
  expect(mock.clerk.mock.scenario).toEqual(before.scenario);
  expect(mock.seen.session.session?.id).toBe(before.current);
  expect(listedIds(mock.seen)).toEqual(before.ids);
  expect(mock.seen.list.sessions?.map((entry) => entry.status)).toEqual(before.statuses);
  expect(mock.seen.renders).toBe(before.renders);
  expect(mock.clerk.mock.navigations).toEqual([]);
  const { method, path } = clerkEndpoints[endpoint];
  const pattern = new RegExp(`^${path.replace(/\/:\w+\?/g, '(/[^/]+)?').replace(/:\w+/g, '[^/]+')}$`);
  expect(requests.some((r) => r.method === method && pattern.test(r.path))).toBe(true);
  return error;
}

describe('clerkFailure with an HTTP status', () => {
  test.each(failing)('%s: rejects with a ClerkAPIResponseError and changes no state', async (endpoint) => {
    const error = await failWithoutChange(endpoint, { status: 500 });
    expect(isClerkAPIResponseError(error)).toBe(true);
    if (!isClerkAPIResponseError(error)) return;
    expect(error.status).toBe(500);
    expect(error.errors[0]?.code).toBe('internal_clerk_error');
    expect(error.errors[0]?.longMessage).toBe('Something went wrong on our side. Try again.');
    expect(error.clerkTraceId).toBe('mock-trace');
  });

  test.each(failing)('%s: a 4xx carries the given code, message and Retry-After', async (endpoint) => {
    const error = await failWithoutChange(endpoint, {
      status: 429,
      code: 'rate_limited',
      message: 'Slow down.',
      retryAfter: 30,
    });
    expect(isClerkAPIResponseError(error)).toBe(true);
    if (!isClerkAPIResponseError(error)) return;
    expect(error.status).toBe(429);
    expect(error.errors[0]).toMatchObject({ code: 'rate_limited', message: 'Slow down.' });
    expect(error.retryAfter).toBe(30);
    expect(error.message).toContain('Slow down.');
  });

  test.each([
    [401, 'authentication_invalid'],
    [403, 'authorization_invalid'],
    [404, 'resource_not_found'],
    [422, 'form_param_invalid'],
    [429, 'too_many_requests'],
    [502, 'internal_clerk_error'],
  ])('status %i defaults to the Clerk code %s and no retryAfter', async (status, code) => {
    const error = await failWithoutChange('session.remove', { status });
    if (!isClerkAPIResponseError(error)) throw new Error('expected a ClerkAPIResponseError');
    expect(error.status).toBe(status);
    expect(error.errors[0]?.code).toBe(code);
    expect(error.retryAfter).toBeUndefined();
  });

  test('with no failure argument the endpoint answers 500', async () => {
    const mock = await loaded(scenarios.oneAccount());
    server.use(clerkFailure('session.getToken'));
    const error = await rejectionOf(mock.seen.session.session?.getToken({ template: 'supabase' }) as Promise<unknown>);
    expect(isClerkAPIResponseError(error) && error.status).toBe(500);
  });
});

describe("clerkFailure 'network'", () => {
  test.each(failing)("%s: rejects with clerk-js's network Error and changes no state", async (endpoint) => {
    const error = await failWithoutChange(endpoint, 'network');
    expect((error as Error).message).toMatch(
      /^ClerkJS: Network error at "https:\/\/[^"]+" - TypeError: .+\. Please try again\.$/,
    );
    expect(isClerkAPIResponseError(error)).toBe(false);
  });
});

describe('user.getSessions failures', () => {
  test.each([{ status: 500 }, { status: 401 }, 'network'] as ClerkFailure[])(
    'answers [] on %o, like Clerk, and the same User object keeps that [] without asking again',
    async (failure) => {
      const mock = await loaded(scenarios.otherDevices());
      server.use(clerkFailure('user.getSessions', failure, { once: true }));
      const user = mock.seen.user.user;
      await expect(user?.getSessions()).resolves.toEqual([]);
      await expect(user?.getSessions()).resolves.toEqual([]);
      expect(requests).toEqual([{ method: 'GET', path: '/v1/me/sessions/active' }]);
      expect(mock.clerk.mock.scenario.devices).toHaveLength(4);
      // The next emit brings a new User object, which asks again and now gets the devices.
      await act(async () => mock.clerk.mock.emitUnchanged());
      await expect(mock.seen.user.user?.getSessions()).resolves.toHaveLength(4);
    },
  );

  test('clearing cachedSessionsWithActivities (as clerk-js stores it) makes the same User object ask again', async () => {
    const mock = await loaded(scenarios.otherDevices());
    server.use(clerkFailure('user.getSessions', { status: 500 }, { once: true }));
    const user = mock.seen.user.user as unknown as {
      cachedSessionsWithActivities?: unknown;
      getSessions(): Promise<unknown[]>;
    };
    await expect(user.getSessions()).resolves.toEqual([]);
    user.cachedSessionsWithActivities = undefined;
    await expect(user.getSessions()).resolves.toHaveLength(4);
    expect(requests).toHaveLength(2);
  });
});

describe('clerkFailure options', () => {
  test('sessionId narrows the failure to one session', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    server.use(clerkFailure('session.remove', { status: 500 }, { sessionId: 'sess_grace' }));
    await act(() => listed(mock, 'sess_alan')?.remove() as Promise<unknown>);
    expect(listedIds(mock.seen)).not.toContain('sess_alan');
    await act(async () => {
      await expect(listed(mock, 'sess_grace')?.remove()).rejects.toSatisfy(isClerkAPIResponseError);
    });
    expect(listedIds(mock.seen)).toContain('sess_grace');
  });

  test('once: true fails only the first request, so a retry succeeds', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    server.use(clerkFailure('session.end', { status: 503 }, { once: true }));
    const grace = listed(mock, 'sess_grace');
    await act(async () => {
      await expect(grace?.end()).rejects.toSatisfy(isClerkAPIResponseError);
    });
    expect(listed(mock, 'sess_grace')?.status).toBe('active');
    await act(() => grace?.end() as Promise<unknown>);
    expect(listed(mock, 'sess_grace')?.status).toBe('ended');
  });

  test('once with sessionId: a request for another session does not use up the failure', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    server.use(clerkFailure('session.remove', { status: 500 }, { sessionId: 'sess_grace', once: true }));
    await act(() => listed(mock, 'sess_alan')?.remove() as Promise<unknown>);
    await act(async () => {
      await expect(listed(mock, 'sess_grace')?.remove()).rejects.toSatisfy(isClerkAPIResponseError);
    });
    await act(() => listed(mock, 'sess_grace')?.remove() as Promise<unknown>);
    expect(listedIds(mock.seen)).not.toContain('sess_grace');
  });

  test('a failure for one endpoint leaves the others answering', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    server.use(clerkFailure('session.end', { status: 500 }));
    await act(() => listed(mock, 'sess_grace')?.remove() as Promise<unknown>);
    expect(listedIds(mock.seen)).not.toContain('sess_grace');
  });
});

describe('clerkDelay', () => {
  test('state changes only once the delayed request is answered', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    server.use(clerkDelay('session.remove', 150));
    let settled = false;
    const pending = listed(mock, 'sess_grace')
      ?.remove()
      .then(() => {
        settled = true;
      });
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(settled).toBe(false);
    expect(listedIds(mock.seen)).toContain('sess_grace');
    await act(() => pending as Promise<void>);
    expect(settled).toBe(true);
    expect(listedIds(mock.seen)).not.toContain('sess_grace');
  });

  test('a delay before a failure still fails, and still changes nothing', async () => {
    const mock = await loaded(scenarios.manyAccounts());
    server.use(clerkDelay('signOut', 50), clerkFailure('signOut', { status: 500 }));
    const started = Date.now();
    await act(async () => {
      await expect(mock.clerk.signOut()).rejects.toSatisfy(isClerkAPIResponseError);
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(listedIds(mock.seen)).toHaveLength(6);
  });

  test("'infinite' keeps the request pending", async () => {
    const mock = await loaded(scenarios.oneAccount());
    server.use(clerkDelay('session.touch'));
    let settled = false;
    void mock.clerk.setActive({ session: 'sess_ada' }).finally(() => {
      settled = true;
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(settled).toBe(false);
    expect(requests).toEqual([{ method: 'POST', path: '/v1/client/sessions/sess_ada/touch' }]);
  });
});
