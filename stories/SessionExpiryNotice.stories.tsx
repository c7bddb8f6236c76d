import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SessionEndedNotice, SessionExpiryNotice } from '../src';
import { type Scenario, scenarios } from '../src/testing';
import { ClockedClerk, clockedStage } from './clockedClerk';

/* A session whose lifetime ends six minutes after the story starts; the notice shows five minutes before. */
const MINUTE = 60_000;
const { stage, ready, advance } = clockedStage();

function endingSoon(): Scenario {
  const base = scenarios.oneAccount();
  return {
    ...base,
    // Six minutes after the moment the scenario describes, which the mock puts where the story's clock starts.
    sessions: base.sessions.map((entry) => ({
      ...entry,
      expireAt: new Date((base.at ?? new Date()).getTime() + 6 * MINUTE),
    })),
  };
}

function Page() {
  return (
    <ClockedClerk stage={stage} scenario={endingSoon()}>
      <SessionExpiryNotice />
      <SessionEndedNotice />
    </ClockedClerk>
  );
}

const meta = {
  title: 'Components/SessionExpiryNotice',
  component: SessionExpiryNotice,
  parameters: { clerk: false },
  render: () => <Page />,
} satisfies Meta<typeof SessionExpiryNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Five minutes before the end the notice appears with the time left, announced once; nothing before. */
export const Expiring: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready();
    await advance(MINUTE - 1000);
    await expect(canvas.queryByRole('region', { name: 'Your session is ending' })).toBeNull();
    await advance(1000);
    const notice = await canvas.findByRole('region', { name: 'Your session is ending' });
    await expect(notice).toHaveTextContent('Your session ends in 5:00.');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Your session ends in 5:00.'));
    await advance(90_000);
    await waitFor(() => expect(notice).toHaveTextContent('Your session ends in 3:30.'));
    // The live region keeps what it said when the notice appeared: the countdown is not read out every second.
    await expect(canvas.getByRole('status')).toHaveTextContent('Your session ends in 5:00.');
  },
};

/** "Sign in again" goes to Clerk's sign-in and back to this page. */
export const SignInAgain: Story = {
  play: async ({ canvasElement }) => {
    await ready();
    await advance(2 * MINUTE);
    const notice = await within(canvasElement).findByRole('region', { name: 'Your session is ending' });
    await userEvent.click(within(notice).getByRole('button', { name: 'Sign in again' }));
    await expect(stage.clerk?.mock.navigations).toEqual([
      `/sign-in?redirect_url=${encodeURIComponent(window.location.href)}`,
    ]);
  },
};

/** At the end Clerk expires the session: the notice gives way to the signed-out reason. */
export const LifetimeEnds: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready();
    await advance(6 * MINUTE);
    await waitFor(() =>
      expect(canvas.getByRole('region', { name: 'Your session is ending' })).toHaveTextContent('0:00'),
    );
    stage.clerk?.mock.update((current) => ({
      ...current,
      sessions: current.sessions.map((entry) => ({ ...entry, status: 'expired' as const })),
      currentSessionId: null,
      devices: undefined,
    }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your session reached its maximum lifetime.');
    await expect(canvas.queryByRole('region', { name: 'Your session is ending' })).toBeNull();
  },
};
