import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ActiveDevices, SessionInfoCard, SessionKitProvider } from '../../../src';
import {
  createMockClerk,
  MockClerkProvider,
  SCENARIO_NOW,
  type Scenario,
  scenario,
  scenarios,
  session,
} from '../../../src/testing';
import { setupClerkServer } from './setup';

setupClerkServer();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/**
 * A scenario built `ms` ago on a clock that stands still while it builds (so its instants are exact to the
 * millisecond), as a story file's scenarios are built when it loads.
 */
function builtAgo<T>(ms: number, build: () => T): T {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - ms });
  try {
    return build();
  } finally {
    vi.useRealTimers();
  }
}

async function loaded(input: Scenario, now?: () => number) {
  const clerk = createMockClerk(input, now ? { now } : {});
  await clerk.load();
  return clerk;
}

describe("the mock on today's clock (live use: the examples, Storybook, your own tests)", () => {
  test('a ready-made scenario reads as of today: last active a minute ago, this device first, on the real clock', async () => {
    render(
      <MockClerkProvider scenario={scenarios.otherDevices()}>
        <SessionInfoCard />
        <ActiveDevices />
      </MockClerkProvider>,
    );
    const card = within(await screen.findByRole('region', { name: 'Ada Lovelace' }));
    expect(card.getByText('1 minute ago').tagName).toBe('TIME');
    expect(await screen.findByText('Safari 19 · iPhone')).toBeTruthy();
    expect(screen.getByText('2 hours ago')).toBeTruthy();
  });

  test('a scenario built an hour ago is shown as of now: the mock moves every instant by the time since', async () => {
    const built = builtAgo(HOUR, () => scenarios.otherDevices());
    const clerk = await loaded(built);
    const now = Date.now();
    const [ada] = clerk.mock.scenario.sessions;
    expect(now - (ada?.lastActiveAt.getTime() ?? 0)).toBeGreaterThanOrEqual(MINUTE);
    expect(now - (ada?.lastActiveAt.getTime() ?? 0)).toBeLessThan(MINUTE + 1000);
    expect((ada?.expireAt.getTime() ?? 0) - now).toBeGreaterThan(7 * DAY - 1000);
    const phone = clerk.mock.scenario.devices?.find((entry) => entry.id === 'sess_ada_phone');
    expect(now - (phone?.lastActiveAt.getTime() ?? 0)).toBeLessThan(2 * HOUR + 1000);
    expect(now - (phone?.lastActiveAt.getTime() ?? 0)).toBeGreaterThanOrEqual(2 * HOUR);
  });

  test('a mock and kit on a clock standing at SCENARIO_NOW show any scenario at that instant: text that never changes', async () => {
    const frozen = () => SCENARIO_NOW.getTime();
    const clerk = await loaded(scenarios.oneAccount(), frozen);
    expect(clerk.mock.scenario.sessions[0]?.lastActiveAt.getTime()).toBe(SCENARIO_NOW.getTime() - MINUTE);
    render(
      <SessionKitProvider now={frozen} timeZone="UTC">
        <MockClerkProvider scenario={scenarios.oneAccount()} now={frozen}>
          <SessionInfoCard />
        </MockClerkProvider>
      </SessionKitProvider>,
    );
    const lastActive = await screen.findByText('1 minute ago');
    expect(lastActive.getAttribute('title')).toBe('Nov 26, 2026, 11:59 AM');
  });

  test('instants without `at` (not from scenario()) are taken as they are', async () => {
    const explicit = new Date('2030-01-02T03:04:05.000Z');
    const { at: _at, ...plain } = scenario({ sessions: [session({ id: 'sess_x', lastActiveAt: explicit })] });
    const clerk = await loaded(plain);
    expect(clerk.mock.scenario.sessions[0]?.lastActiveAt).toEqual(explicit);
    expect(clerk.mock.scenario).not.toHaveProperty('at');
  });

  test("update(): the current state keeps its instants; a scenario built afresh is shown as of the mock's clock", async () => {
    const later = SCENARIO_NOW.getTime() + DAY;
    const clerk = await loaded(scenarios.oneAccount(), () => later);
    const before = clerk.mock.scenario.sessions[0]?.lastActiveAt;
    clerk.mock.update((current) => ({ ...current, instance: { singleSessionMode: true, reverification: true } }));
    expect(clerk.mock.scenario.sessions[0]?.lastActiveAt).toEqual(before);
    clerk.mock.update(() => builtAgo(0, () => scenarios.manyAccounts()));
    const grace = clerk.mock.scenario.sessions.find((entry) => entry.id === 'sess_grace');
    expect(grace?.lastActiveAt.getTime()).toBe(later - 45 * MINUTE);
  });
});
