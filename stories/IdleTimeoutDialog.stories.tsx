import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { IdleTimeoutDialog, SessionKitProvider, useKit } from '../src';
import { useClerk } from '../src/clerk';
import {
  type ClerkGate,
  clerkFailure,
  createTestClock,
  MockClerkProvider,
  SCENARIO_NOW,
  scenarios,
  type TestClock,
} from '../src/testing';
import { withClerkGates } from './clerkGates';

/*
 * Every story runs on a frozen clock that the play function steps (`stage.clock.advance`): no sleeps, and the
 * countdown reads the same in every run. Five minutes of inactivity open a one-minute warning.
 */
const MINUTE = 60_000;
const TIMEOUT = 5 * MINUTE;

/** What the play functions reach: the story's clock and the Clerk instances it runs under. */
const stage: { clock: TestClock; clerks: ReturnType<typeof useClerk>[] } = {
  clock: createTestClock(SCENARIO_NOW),
  clerks: [],
};

function ClerkProbe() {
  const clerk = useClerk();
  if (!stage.clerks.includes(clerk)) stage.clerks.push(clerk);
  return null;
}

/** A fresh clock per render of a story, handed to the kit (keeping the story's language) and to the play function. */
function OnTestClock({ children, probe = true }: { children: ReactNode; probe?: boolean }) {
  const { messages } = useKit();
  const [clock] = useState(() => {
    stage.clock = createTestClock(SCENARIO_NOW);
    stage.clerks = [];
    return stage.clock;
  });
  return (
    <SessionKitProvider messages={messages} clock={clock} timeZone="UTC">
      {probe ? <ClerkProbe /> : null}
      {children}
    </SessionKitProvider>
  );
}

/**
 * Moves the story's clock, one second at a time when `stepwise` (as a visible tab's timer would wake it), then lets
 * React commit what that changed (two turns of the event loop, no waiting on the clock), so an assertion that
 * something did NOT appear is not checked before React rendered.
 */
async function advance(ms: number, { stepwise = false } = {}) {
  for (let left = ms; left > 0; left -= stepwise ? 1000 : left) {
    stage.clock.advance(stepwise ? Math.min(1000, left) : left);
    for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const signedIn = (index = 0) => stage.clerks[index]?.session?.id ?? null;

/** Steps the clock to the moment the warning opens and returns the dialog. */
async function openWarning(canvasElement: HTMLElement, name = 'Are you still there?') {
  await advance(TIMEOUT);
  return within(canvasElement.ownerDocument.body).findByRole('alertdialog', { name });
}

const meta = {
  title: 'Components/IdleTimeoutDialog',
  component: IdleTimeoutDialog,
  args: { timeout: TIMEOUT, warningFor: MINUTE },
  // Fresh per story run: the switches (touches) and sign-outs Clerk receives.
  loaders: [withClerkGates({ touches: 'session.touch', signOuts: 'signOut' })],
  render: (args) => (
    <OnTestClock>
      <p>Signed in. Use the page (or not) and the warning opens after five minutes of inactivity.</p>
      <IdleTimeoutDialog {...args} />
    </OnTestClock>
  ),
} satisfies Meta<typeof IdleTimeoutDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Activity keeps the session alive: a key press at 4 minutes moves the warning to 9 minutes. */
export const ActivityKeepsItAlive: Story = {
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    await waitFor(() => expect(signedIn()).toBe('sess_ada'));
    await advance(4 * MINUTE);
    await userEvent.keyboard('{Shift}');
    await advance(4 * MINUTE);
    await expect(body.queryByRole('alertdialog')).toBeNull();
    await advance(MINUTE);
    await body.findByRole('alertdialog', { name: 'Are you still there?' });
  },
};

/**
 * The warning: an alertdialog with "Stay signed in" focused and a countdown, read out at 30 and 10 seconds (not
 * every second). Moving the mouse over it is not an answer: it stays open.
 */
export const Warning: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(signedIn()).toBe('sess_ada'));
    const dialog = await openWarning(canvasElement);
    const inDialog = within(dialog);
    await expect(inDialog.getByRole('button', { name: 'Stay signed in' })).toHaveFocus();
    await waitFor(() => expect(dialog).toHaveTextContent('signed out in 1:00'));
    const status = inDialog.getByRole('status');
    await advance(29_000, { stepwise: true });
    await waitFor(() => expect(dialog).toHaveTextContent('signed out in 0:31'));
    await expect(status).toHaveTextContent('');
    await userEvent.pointer({ target: dialog, coords: { x: 10, y: 10 } });
    await advance(1000);
    await waitFor(() => expect(status).toHaveTextContent('30 seconds left before you are signed out.'));
    await advance(5000, { stepwise: true });
    await waitFor(() => expect(dialog).toHaveTextContent('signed out in 0:25'));
    await expect(status).toHaveTextContent('30 seconds left');
    await expect(dialog).toHaveAttribute('data-state', 'open');
  },
};

/** A tab the browser throttled wakes 50 seconds later: it shows the right time and announces only where it is. */
export const ThrottledTabCatchesUp: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(signedIn()).toBe('sess_ada'));
    const dialog = await openWarning(canvasElement);
    await advance(52_000);
    await waitFor(() => expect(dialog).toHaveTextContent('signed out in 0:08'));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('8 seconds left'));
  },
};

/** "Stay signed in" closes the warning, tells Clerk the user is here (touch) and starts a new five minutes. */
export const StaySignedIn: Story = {
  play: async ({ loaded, canvasElement }) => {
    const touches: ClerkGate = loaded.touches;
    const body = within(canvasElement.ownerDocument.body);
    await waitFor(() => expect(signedIn()).toBe('sess_ada'));
    const dialog = await openWarning(canvasElement);
    await advance(40_000);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay signed in' }));
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'closed'));
    await waitFor(() => expect(touches.count).toBe(1));
    await advance(TIMEOUT - 1000);
    await expect(body.queryByRole('alertdialog')).toBeNull();
    await expect(signedIn()).toBe('sess_ada');
  },
};

/** Escape means "Stay signed in" too: one key press extends the session (WCAG 2.2.1). */
export const EscapeStays: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(signedIn()).toBe('sess_ada'));
    const dialog = await openWarning(canvasElement);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'closed'));
    await expect(signedIn()).toBe('sess_ada');
  },
};

/** "Sign out now" signs this session out with one request. */
export const SignOutNow: Story = {
  play: async ({ loaded, canvasElement }) => {
    const signOuts: ClerkGate = loaded.signOuts;
    await waitFor(() => expect(signedIn()).toBe('sess_ada'));
    const dialog = await openWarning(canvasElement);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out now' }));
    await waitFor(() => expect(signedIn()).toBeNull());
    await expect(signOuts.count).toBe(1);
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'closed'));
  },
};

/** At zero the session is signed out. */
export const TimedOut: Story = {
  play: async ({ loaded, canvasElement }) => {
    const signOuts: ClerkGate = loaded.signOuts;
    await waitFor(() => expect(signedIn()).toBe('sess_ada'));
    const dialog = await openWarning(canvasElement);
    await advance(MINUTE, { stepwise: true });
    await waitFor(() => expect(signedIn()).toBeNull());
    await expect(signOuts.count).toBe(1);
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'closed'));
  },
};

/** With `onTimeout` the app decides what zero means (here: nothing is signed out, the app is told). */
export const CustomTimeout: Story = {
  args: { onTimeout: fn() },
  play: async ({ loaded, args, canvasElement }) => {
    const signOuts: ClerkGate = loaded.signOuts;
    await waitFor(() => expect(signedIn()).toBe('sess_ada'));
    await openWarning(canvasElement);
    await advance(MINUTE);
    await waitFor(() => expect(args.onTimeout).toHaveBeenCalledTimes(1));
    await expect(signedIn()).toBe('sess_ada');
    await expect(signOuts.count).toBe(0);
  },
};

/** Clerk could not sign out at zero: the dialog stays with the error, and "Sign out now" tries again. */
export const SignOutFails: Story = {
  parameters: { msw: [clerkFailure('signOut', 'network', { once: true })] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(signedIn()).toBe('sess_ada'));
    const dialog = await openWarning(canvasElement);
    await advance(MINUTE);
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('Could not sign you out.'));
    await expect(signedIn()).toBe('sess_ada');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out now' }));
    await waitFor(() => expect(signedIn()).toBeNull());
  },
};

const TWO_TABS_CHANNEL = 'idle-story-two-tabs';

/** Two tabs of one app: two Clerk instances on one channel, each watching activity in its own half. */
function TwoTabs(args: { timeout: number; warningFor?: number }) {
  const [targets, setTargets] = useState<{ a: HTMLElement | null; b: HTMLElement | null }>({ a: null, b: null });
  const channel = TWO_TABS_CHANNEL;
  return (
    <OnTestClock probe={false}>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
        {(['a', 'b'] as const).map((tab) => (
          <section
            key={tab}
            aria-label={`Tab ${tab.toUpperCase()}`}
            ref={(element) => {
              if (element && targets[tab] !== element) setTargets((prev) => ({ ...prev, [tab]: element }));
            }}
            style={{ border: '1px dashed currentColor', padding: 12 }}
          >
            <label>
              Notes in tab {tab.toUpperCase()} <input />
            </label>
            <MockClerkProvider scenario={scenarios.oneAccount()}>
              <ClerkProbe />
              {targets[tab] ? (
                <IdleTimeoutDialog {...args} channel={channel} target={targets[tab] ?? undefined} />
              ) : null}
            </MockClerkProvider>
          </section>
        ))}
      </div>
    </OnTestClock>
  );
}

/**
 * Typing in tab A keeps tab B signed in; the warning opens in both; "Stay signed in" in one closes both; "Sign out
 * now" in one closes the other's too.
 */
export const AcrossTabs: Story = {
  // Two mock Clerks on one page: Core 2 allows only one <ClerkProvider> per page (vitest.config.ts).
  tags: ['several-providers'],
  parameters: { clerk: false },
  render: (args) => <TwoTabs {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await waitFor(() => expect(stage.clerks.filter((clerk) => clerk.session).length).toBe(2));
    await advance(4 * MINUTE);
    // BroadcastChannel delivers through the browser, which can take longer than a few turns on a busy machine: step
    // the clock only once tab A's activity is on the channel, or tab B would count four more idle minutes first.
    const listener = new BroadcastChannel(TWO_TABS_CHANNEL);
    const heard = new Promise((resolve) => {
      listener.onmessage = (event: MessageEvent<{ type?: string }>) => {
        if (event.data.type === 'activity') resolve(undefined);
      };
    });
    await userEvent.type(within(canvas.getByRole('region', { name: 'Tab A' })).getByRole('textbox'), 'x');
    await heard;
    listener.close();
    await advance(4 * MINUTE);
    await expect(body.queryAllByRole('alertdialog')).toEqual([]);
    await advance(MINUTE);
    await waitFor(() => expect(body.getAllByRole('alertdialog')).toHaveLength(2));
    // The dialog opened last is the one on top (the other is inert behind it, as in a real second tab).
    const [first, second] = body.getAllByRole('alertdialog');
    await userEvent.click(within(second as HTMLElement).getByRole('button', { name: 'Stay signed in' }));
    await waitFor(() => expect(body.queryAllByRole('alertdialog')).toEqual([]));
    await expect(first).toHaveAttribute('data-state', 'closed');
    await advance(TIMEOUT);
    await waitFor(() => expect(body.getAllByRole('alertdialog')).toHaveLength(2));
    const top = body.getAllByRole('alertdialog')[1] as HTMLElement;
    await userEvent.click(within(top).getByRole('button', { name: 'Sign out now' }));
    await waitFor(() => expect(body.queryAllByRole('alertdialog')).toEqual([]));
    // One tab signed out (the mock has no clerk-js cross-tab sync; real clerk-js then signs the other out too).
    await waitFor(() => expect(stage.clerks.filter((clerk) => clerk.session).length).toBe(1));
  },
};
