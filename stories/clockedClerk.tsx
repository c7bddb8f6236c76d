import { type ReactNode, useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { SessionKitProvider, useKit } from '../src';
import {
  createTestClock,
  type MockClerk,
  MockClerkProvider,
  SCENARIO_NOW,
  type Scenario,
  type TestClock,
} from '../src/testing';

/** The mock Clerk and the clock of the story on screen, for its play function. */
export interface ClockedStage {
  clerk: MockClerk | null;
  clock: TestClock;
}

/**
 * For the session notices' stories: a `stage` for the story on screen, `ready()` waits for Ada's session,
 * `advance(ms)` steps the frozen clock and lets React commit what it scheduled. Render with {@link ClockedClerk}.
 */
export function clockedStage() {
  const stage: ClockedStage = { clerk: null, clock: createTestClock(SCENARIO_NOW) };
  const ready = () => waitFor(() => expect(stage.clerk?.session?.id).toBe('sess_ada'));
  async function advance(ms: number) {
    stage.clock.advance(ms);
    for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { stage, ready, advance };
}

/**
 * One mock Clerk on a fresh frozen clock (a new pair per mount), both put on `stage`. The mock runs on that clock
 * too, so it shows the scenario as of the clock's start.
 */
export function ClockedClerk({
  stage,
  scenario,
  children,
}: {
  stage: ClockedStage;
  scenario: Scenario;
  children?: ReactNode;
}) {
  const { messages } = useKit();
  const [clock] = useState(() => {
    stage.clock = createTestClock(SCENARIO_NOW);
    stage.clerk = null;
    return stage.clock;
  });
  return (
    <SessionKitProvider messages={messages} clock={clock} timeZone="UTC">
      <MockClerkProvider
        scenario={scenario}
        now={clock.now}
        onReady={(clerk) => {
          stage.clerk = clerk;
        }}
      >
        {children}
      </MockClerkProvider>
    </SessionKitProvider>
  );
}
