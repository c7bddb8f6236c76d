import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { IdleTimeoutDialog, SessionEndedNotice } from '../src';
import { type Scenario, scenarios } from '../src/testing';
import { ClockedClerk, clockedStage } from './clockedClerk';

/*
 * Each story signs this tab out the way Clerk reports it (see test/fidelity/sessionEnded.test.tsx for what real
 * clerk-js does): the session's final status after a refused token refresh, clerk-js's cross-tab 'signout'
 * message, or the kit's own inactivity timeout.
 */
const { stage, ready } = clockedStage();

function Tab({ idle = false }: { idle?: boolean }) {
  return (
    <ClockedClerk stage={stage} scenario={scenarios.oneAccount()}>
      <SessionEndedNotice />
      {idle ? <IdleTimeoutDialog timeout={5 * 60_000} warningFor={60_000} /> : null}
    </ClockedClerk>
  );
}

/** Clerk ends the session: the re-read client lists it with `status` and no current session. */
function endedByClerk(status: 'revoked' | 'expired' | 'abandoned') {
  stage.clerk?.mock.update((current: Scenario) => ({
    ...current,
    sessions: current.sessions.map((entry) => ({ ...entry, status })),
    currentSessionId: null,
    devices: undefined,
  }));
}

const meta = {
  title: 'Components/SessionEndedNotice',
  component: SessionEndedNotice,
  parameters: { clerk: false },
  render: () => <Tab />,
} satisfies Meta<typeof SessionEndedNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Signed out from another device (the device list there revoked this session). "Sign in again" comes back here. */
export const RevokedElsewhere: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready();
    await expect(canvas.queryByRole('alert')).toBeNull();
    endedByClerk('revoked');
    const notice = await canvas.findByRole('alert');
    await expect(notice).toHaveTextContent('This device was signed out from another device.');
    await userEvent.click(within(notice).getByRole('button', { name: 'Sign in again' }));
    await expect(stage.clerk?.mock.navigations).toEqual([
      `/sign-in?redirect_url=${encodeURIComponent(window.location.href)}`,
    ]);
  },
};

/** The session reached its maximum lifetime. */
export const LifetimeReached: Story = {
  play: async ({ canvasElement }) => {
    await ready();
    endedByClerk('expired');
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'Your session reached its maximum lifetime.',
    );
  },
};

/** Clerk's own inactivity timeout abandoned the session. Dismiss removes the notice. */
export const ClerkInactivity: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready();
    endedByClerk('abandoned');
    const notice = await canvas.findByRole('alert');
    await expect(notice).toHaveTextContent('You were signed out after a period of inactivity.');
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/**
 * Signed out in another tab: that tab's clerk-js posts `{ type: 'signout' }` on BroadcastChannel 'clerk', this
 * tab re-reads its client and the session is gone.
 */
export const OtherTab: Story = {
  play: async ({ canvasElement }) => {
    await ready();
    const otherTab = new BroadcastChannel('clerk');
    const here = new BroadcastChannel('clerk');
    // Receivers get the message in the order they were created: once `here` has it, the notice's listener has too.
    const delivered = new Promise((resolve) => {
      here.onmessage = resolve;
    });
    otherTab.postMessage({ type: 'signout' });
    await delivered;
    otherTab.close();
    here.close();
    stage.clerk?.mock.update((current) => ({ ...current, sessions: [], currentSessionId: null, devices: undefined }));
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'You signed out in another tab or window of this browser.',
    );
  },
};

/** Signed out here (by the app's own button): the user knows why, so nothing is shown. */
export const SignedOutHere: Story = {
  play: async ({ canvasElement }) => {
    await ready();
    await stage.clerk?.signOut();
    await waitFor(() => expect(stage.clerk?.session).toBeNull());
    for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

/** The kit's inactivity timeout signed this tab out (or another tab of the app, which tells every tab). */
export const AfterIdleTimeout: Story = {
  render: () => <Tab idle />,
  play: async ({ canvasElement }) => {
    await ready();
    stage.clock.advance(5 * 60_000);
    await within(canvasElement.ownerDocument.body).findByRole('alertdialog');
    stage.clock.advance(60_000);
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'You were signed out after a period of inactivity.',
    );
  },
};
