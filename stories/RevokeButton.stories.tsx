import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RevokeButton } from '../src';
import { useClerk } from '../src/clerk';
import { useActiveDevices } from '../src/headless';
import { type ClerkGate, clerkDelay, clerkFailure, scenarios } from '../src/testing';
import { withClerkGates } from './clerkGates';

/** Fresh gates per story run on the requests a sign-out sends: one account's remove, and the browser's sign-out. */
const gateRequests = withClerkGates({ removes: 'session.remove', signOuts: 'signOut' });

/** The Clerk instance the story runs under, to check what Clerk itself holds after an action. */
const clerkInStory: { current: ReturnType<typeof useClerk> | null } = { current: null };
function ClerkProbe() {
  clerkInStory.current = useClerk();
  return null;
}

const meta = {
  title: 'Components/RevokeButton',
  component: RevokeButton,
  args: { target: { type: 'account', sessionId: 'sess_grace' } },
  parameters: { clerk: scenarios.manyAccounts() },
} satisfies Meta<typeof RevokeButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Opens the confirmation and confirms it. */
async function confirmSignOut(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const body = within(canvasElement.ownerDocument.body);
  const trigger = await canvas.findByRole('button', { name: 'Sign out' });
  await userEvent.click(trigger);
  await userEvent.click(within(await body.findByRole('alertdialog')).getByRole('button', { name: 'Sign out' }));
  return trigger;
}

/** Clerk could not load (`status` `'error'`): the button stays disabled and an alert says why, with a page reload. */
export const ClerkFailed: Story = {
  // Clerk's provider logs its own load failure; the smoke test expects exactly that message here.
  tags: ['clerk-load-error'],
  parameters: { clerk: { ...scenarios.manyAccounts(), load: 'error' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Your session could not be loaded.');
    await expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeVisible();
    const trigger = canvas.getByRole('button', { name: 'Sign out' });
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(trigger);
    await expect(body.queryByRole('alertdialog')).toBeNull();
  },
};

/** Clerk runs on partial data (`status` `'degraded'`): the button signs the account out as usual. */
export const ClerkDegraded: Story = {
  parameters: { clerk: { ...scenarios.manyAccounts(), load: 'degraded' } },
  play: async ({ canvasElement }) => {
    await confirmSignOut(canvasElement);
    await waitFor(() => expect(within(canvasElement).getByRole('status')).toHaveTextContent(/Grace Hopper/));
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

export const Account: Story = {
  loaders: [gateRequests],
  render: (args) => (
    <>
      <ClerkProbe />
      <RevokeButton {...args} />
    </>
  ),
  play: async ({ canvasElement, loaded }) => {
    const removes: ClerkGate = loaded.removes;
    const signOuts: ClerkGate = loaded.signOuts;
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const trigger = await canvas.findByRole('button', { name: 'Sign out' });
    await expect(clerkInStory.current?.client?.sessions.map((entry) => entry.id)).toContain('sess_grace');
    // Closed by the browser without a `cancel` event (Chrome, a second Escape): the same as Cancel.
    await userEvent.click(trigger);
    (await body.findByRole<HTMLDialogElement>('alertdialog')).close();
    await waitFor(() => expect(trigger).toHaveAttribute('aria-expanded', 'false'));
    await expect(trigger).toHaveFocus();
    await userEvent.click(trigger);
    const dialog = await body.findByRole('alertdialog', { name: 'Sign out of Grace Hopper?' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Grace Hopper was signed out.'));
    // The trigger and the dialog are gone: focus lands on the status line, not on <body>.
    await waitFor(() => expect(canvas.getByRole('status')).toHaveFocus());
    // One remove request (the browser's close sent none), and the account has left Clerk; the others stay.
    await expect(removes.count).toBe(1);
    await expect(signOuts.count).toBe(0);
    const left = clerkInStory.current?.client?.sessions.map((entry) => entry.id) ?? [];
    await expect(left).not.toContain('sess_grace');
    await expect(left).toContain('sess_ada');
  },
};

export const Failure: Story = {
  parameters: { msw: [clerkFailure('session.remove', { status: 500 })] },
  play: async ({ canvasElement }) => {
    const trigger = await confirmSignOut(canvasElement);
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Could not sign out Grace Hopper.');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
    // The dialog closed and gave focus back to the trigger; the alert is announced where it is.
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/**
 * Try again removes the notice while the retry runs: focus waits on the trigger, which shows it pending, and
 * moves to the new notice's Try again when the retry fails too.
 */
export const FailureRetryFailsAgain: Story = {
  parameters: { msw: [clerkFailure('session.remove', { status: 503 })] },
  loaders: [gateRequests],
  play: async ({ canvasElement, loaded }) => {
    const removes: ClerkGate = loaded.removes;
    const canvas = within(canvasElement);
    const trigger = await confirmSignOut(canvasElement);
    const first = await canvas.findByRole('alert');
    removes.hold();
    await userEvent.click(within(first).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(removes.count).toBe(2));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(trigger).toHaveAttribute('aria-busy', 'true');
    await expect(trigger).toHaveFocus();
    removes.release();
    const second = await canvas.findByRole('alert');
    await expect(second).toHaveTextContent('Could not sign out Grace Hopper.');
    await waitFor(() => expect(within(second).getByRole('button', { name: 'Try again' })).toHaveFocus());
    await expect(trigger).not.toHaveAttribute('aria-busy');
  },
};

/** Dismiss removes the notice it sits in: focus goes back to the trigger. */
export const FailureDismissed: Story = {
  parameters: { msw: [clerkFailure('session.remove', { status: 500 })] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = await confirmSignOut(canvasElement);
    const alert = await canvas.findByRole('alert');
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(trigger).toHaveFocus();
    await expect(trigger).toHaveAttribute('data-state', 'idle');
  },
};

/** A 4xx answer would only fail again: the notice keeps its text and Dismiss, without Try again. */
export const FailureForbidden: Story = {
  parameters: { msw: [clerkFailure('session.remove', { status: 403 })] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = await confirmSignOut(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(
      'Could not sign out Grace Hopper. You are not authorized to perform this request.',
    );
    await expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(trigger).toHaveFocus();
  },
};

export const Pending: Story = {
  parameters: { msw: [clerkDelay('session.remove')] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }));
    const dialog = await body.findByRole<HTMLDialogElement>('alertdialog');
    const confirm = within(dialog).getByRole('button', { name: 'Sign out' });
    await userEvent.click(confirm);
    await waitFor(() => expect(confirm).toHaveAttribute('aria-busy', 'true'));
    // Closed by the browser while the sign-out runs (no cancelable `cancel`): it opens again, focus on the busy button.
    dialog.close();
    await waitFor(() => expect(dialog).toHaveAttribute('open'));
    await expect(confirm).toHaveFocus();
  },
};

/** The session in use, without `current="sign-out"`: disabled with the reason, and a click does nothing. */
export const CurrentSessionRefused: Story = {
  args: { target: { type: 'account', sessionId: 'sess_ada' } },
  loaders: [gateRequests],
  play: async ({ canvasElement, loaded }) => {
    const removes: ClerkGate = loaded.removes;
    const signOuts: ClerkGate = loaded.signOuts;
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const trigger = await canvas.findByRole('button', { name: 'Sign out' });
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
    // aria-disabled, not `disabled`: it stays focusable, so the reason it points at can be read out.
    const reasonId = trigger.getAttribute('aria-describedby');
    await expect(reasonId).toBeTruthy();
    const reason = canvasElement.ownerDocument.getElementById(reasonId ?? '');
    await expect(reason).toBeVisible();
    await expect(reason?.textContent).toBeTruthy();
    await expect(trigger).toHaveAccessibleDescription(reason?.textContent ?? '');
    await userEvent.click(trigger);
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    // Give a request that was sent time to reach the handlers before counting none.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await expect(body.queryByRole('alertdialog')).toBeNull();
    await expect(removes.count).toBe(0);
    await expect(signOuts.count).toBe(0);
    // The picture shows the button at rest, as a page shows it.
    trigger.blur();
  },
};

/**
 * A device target: the shared device list's `revoke`, so the revoked device leaves every list (see
 * `useActiveDevices`). Renders nothing until the list is there.
 */
function DeviceRevoke({ id, label }: { id: string; label: string }) {
  const { status, revoke } = useActiveDevices();
  if (status !== 'ready') return null;
  return <RevokeButton target={{ type: 'device', session: { id, revoke: () => revoke(id) } }} label={label} />;
}

/** Signs out another device (a `user.getSessions()` session: `revoke()`), after a confirmation that names it. */
export const Device: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  render: () => <DeviceRevoke id="sess_ada_phone" label="Safari 19 · iPhone" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const trigger = await canvas.findByRole('button', { name: 'Sign out device' });
    await userEvent.click(trigger);
    const dialog = await body.findByRole('alertdialog', { name: 'Sign out Safari 19 · iPhone?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    const done = await canvas.findByRole('status');
    await waitFor(() => expect(done).toHaveTextContent('Safari 19 · iPhone was signed out.'));
    await waitFor(() => expect(done).toHaveFocus());
    await expect(canvas.queryByRole('button', { name: 'Sign out device' })).toBeNull();
  },
};

/** The device trigger in the dark theme, at rest. */
export const DeviceDark: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  globals: { theme: 'dark' },
  render: () => <DeviceRevoke id="sess_ada_phone" label="Safari 19 · iPhone" />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('button', { name: 'Sign out device' });
    await expect(canvasElement.ownerDocument.documentElement).toHaveClass('dark');
  },
};

/** The device trigger and its confirmation in Arabic (right to left). */
export const DeviceRightToLeft: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  globals: { locale: 'ar' },
  render: () => <DeviceRevoke id="sess_ada_phone" label="Safari 19 · iPhone" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const trigger = await canvas.findByRole('button');
    await expect(canvasElement.ownerDocument.documentElement).toHaveAttribute('dir', 'rtl');
    await userEvent.click(trigger);
    const dialog = await body.findByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await expect(within(dialog).getAllByRole('button')[0]).toHaveFocus();
  },
};

/**
 * Before Clerk has loaded, whether the target is the session in use is unknown: the trigger is not offered
 * (aria-disabled, `data-state="loading"`), and a click opens nothing.
 */
export const CurrentSessionWhileLoading: Story = {
  args: { target: { type: 'account', sessionId: 'sess_ada' } },
  parameters: { clerk: { ...scenarios.manyAccounts(), load: 'never' } },
  loaders: [gateRequests],
  play: async ({ canvasElement, loaded }) => {
    const removes: ClerkGate = loaded.removes;
    const signOuts: ClerkGate = loaded.signOuts;
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const trigger = await canvas.findByRole('button');
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
    await expect(canvasElement.querySelector('[data-slot="revoke-button"]')).toHaveAttribute('data-state', 'loading');
    await userEvent.click(trigger);
    await expect(body.queryByRole('alertdialog')).toBeNull();
    await expect(removes.count).toBe(0);
    await expect(signOuts.count).toBe(0);
    trigger.blur();
  },
};
