import { useSessionList } from '@clerk/react';
import { act, render, waitFor } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { createMockClerk, type MockClerk, MockClerkProvider, ScenarioError, scenarios } from '../../../src/testing';
import { listedIds, renderMock } from './harness';
import { setupClerkServer } from './setup';

setupClerkServer();

type Emitted = { client: unknown; session: { id: string; status: string; lastActiveAt: Date } | null; user: unknown };

async function loadedInstance() {
  const clerk = createMockClerk(scenarios.manyAccounts());
  await clerk.load();
  const emitted: Emitted[] = [];
  clerk.addListener((resources) => emitted.push(resources as unknown as Emitted), { skipInitialEmit: true });
  return { clerk, emitted };
}

describe('re-render contract (as clerk-js)', () => {
  test('the client keeps its identity across emits and is mutated in place; sessions are new objects', async () => {
    const { clerk, emitted } = await loadedInstance();
    const client = clerk.client;
    const sessionsBefore = client?.sessions;
    const adaBefore = clerk.session;
    const grace = client?.sessions.find((entry) => entry.id === 'sess_grace');
    await grace?.remove();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]?.client).toBe(client);
    expect(clerk.client).toBe(client);
    expect(client?.sessions.map((entry) => entry.id)).not.toContain('sess_grace');
    expect(client?.sessions).not.toBe(sessionsBefore);
    expect(emitted[0]?.session).not.toBe(adaBefore);
    expect(emitted[0]?.session?.id).toBe('sess_ada');
    expect(clerk.__internal_lastEmittedResources).toBe(emitted[0]);
  });

  test('emitUnchanged() emits new session and user objects with equal data', async () => {
    const { clerk, emitted } = await loadedInstance();
    const before = clerk.session;
    const userBefore = clerk.user;
    clerk.mock.emitUnchanged();
    expect(emitted).toHaveLength(1);
    const after = emitted[0]?.session;
    expect(after).not.toBe(before);
    expect(emitted[0]?.user).not.toBe(userBefore);
    expect(after).toMatchObject({ id: before?.id, status: before?.status, lastActiveAt: before?.lastActiveAt });
    expect(emitted[0]?.client).toBe(clerk.client);
  });

  test('update(recipe) applies the new state and emits', async () => {
    const { clerk, emitted } = await loadedInstance();
    clerk.mock.update((s) => ({
      ...s,
      sessions: s.sessions.map((entry) => (entry.id === 'sess_grace' ? { ...entry, status: 'ended' } : entry)),
    }));
    expect(emitted).toHaveLength(1);
    expect(clerk.client?.sessions.find((entry) => entry.id === 'sess_grace')?.status).toBe('ended');
    expect(clerk.mock.scenario.sessions.find((entry) => entry.id === 'sess_grace')?.status).toBe('ended');
  });

  test('update() with an impossible state throws a ScenarioError, emits nothing and keeps the old state', async () => {
    const { clerk, emitted } = await loadedInstance();
    const before = clerk.mock.scenario;
    expect(() => clerk.mock.update((s) => ({ ...s, currentSessionId: 'sess_nobody' }))).toThrow(ScenarioError);
    expect(emitted).toHaveLength(0);
    expect(clerk.mock.scenario).toEqual(before);
    expect(clerk.session?.id).toBe('sess_ada');
  });

  test('mock.scenario is a copy: changing it does not change the mock', async () => {
    const { clerk } = await loadedInstance();
    const copy = clerk.mock.scenario;
    copy.sessions.pop();
    const first = copy.sessions[0];
    if (first) first.status = 'ended';
    expect(clerk.mock.scenario.sessions).toHaveLength(6);
    expect(clerk.mock.scenario.sessions[0]?.status).toBe('active');
  });

  test('the scenario passed in is not mutated by operations', async () => {
    const input = scenarios.manyAccounts();
    const clerk = createMockClerk(input);
    await clerk.load();
    await clerk.signOut();
    expect(input.sessions).toHaveLength(6);
    expect(input.currentSessionId).toBe('sess_ada');
  });

  test('an unsubscribed listener hears nothing more', async () => {
    const clerk = createMockClerk(scenarios.oneAccount());
    await clerk.load();
    const listener = vi.fn();
    const unsubscribe = clerk.addListener(listener, { skipInitialEmit: true });
    unsubscribe();
    clerk.mock.emitUnchanged();
    expect(listener).not.toHaveBeenCalled();
  });
});

/** Reads nothing but `useSessionList()`, like a naive session list component. */
function OnlyList({ report }: { report: (ids: string[]) => void }) {
  const { sessions } = useSessionList();
  report(sessions?.map((entry) => entry.id) ?? []);
  return null;
}

describe('what the real hooks do with it', () => {
  test('useSession re-renders on emitUnchanged() with a new session object carrying the same data', async () => {
    const mock = renderMock(scenarios.oneAccount());
    await waitFor(() => expect(mock.seen.session.isLoaded).toBe(true));
    const before = mock.seen.session.session;
    const renders = mock.seen.renders;
    await act(async () => mock.clerk.mock.emitUnchanged());
    expect(mock.seen.renders).toBeGreaterThan(renders);
    expect(mock.seen.session.session).not.toBe(before);
    expect(mock.seen.session.session?.id).toBe(before?.id);
  });

  test('update() reaches the hooks: a session ended elsewhere shows as ended', async () => {
    const mock = renderMock(scenarios.manyAccounts());
    await waitFor(() => expect(mock.seen.session.isLoaded).toBe(true));
    await act(async () =>
      mock.clerk.mock.update((s) => ({
        ...s,
        sessions: s.sessions.map((entry) => (entry.id === 'sess_alan' ? { ...entry, status: 'ended' } : entry)),
      })),
    );
    expect(mock.seen.list.sessions?.find((entry) => entry.id === 'sess_alan')?.status).toBe('ended');
    expect(listedIds(mock.seen)).toHaveLength(6);
  });

  test('a component that reads ONLY useSessionList() does not re-render after remove(), as with clerk-js', async () => {
    let instance: MockClerk | undefined;
    const seen: string[][] = [];
    render(
      <MockClerkProvider
        scenario={scenarios.manyAccounts()}
        onReady={(clerk) => {
          instance = clerk;
        }}
      >
        <OnlyList report={(ids) => seen.push(ids)} />
      </MockClerkProvider>,
    );
    await waitFor(() => expect(seen.at(-1)).toHaveLength(6));
    const renders = seen.length;
    await act(async () => {
      await instance?.client?.sessions.find((entry) => entry.id === 'sess_grace')?.remove();
    });
    // Same client object, so the list context does not change: the component still shows six accounts. The
    // kit's hooks must subscribe to something that does change (see DESIGN.md, "Clerk facts").
    expect(seen.length).toBe(renders);
    expect(instance?.client?.sessions).toHaveLength(5);
  });
});
