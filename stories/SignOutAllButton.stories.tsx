import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SignOutAllButton } from '../src/components/SignOutAllButton';
import { type ClerkGate, clerkDelay, clerkFailure, scenarios } from '../src/testing';
import { withClerkGates } from './clerkGates';

/** Fresh gates per story run that count the device revokes and the browser sign-outs Clerk receives. */
const countRequests = withClerkGates({ revokes: 'session.revoke', signOuts: 'signOut' });

const meta = {
  title: 'Components/SignOutAllButton',
  component: SignOutAllButton,
  args: { scope: 'other-devices' },
  parameters: {
    docs: {
      description: {
        component: [
          'Signs out of many sessions at once, after a confirmation that states the exact count.',
          '',
          '- `scope="other-devices"`: revokes every session of the user on other devices; this one stays signed in.',
          '- `scope="this-browser"`: `signOut()`, every account signed in in this browser; other devices stay.',
          '- `scope="everywhere"`: other devices first, then this browser, only once every device is confirmed.',
          '',
          'Never `signOut({ sessionId: "all" })`, which is not a Clerk API. Disabled with a visible reason when there',
          'is nothing to sign out; a partial failure says how many could not be signed out and retries just those.',
          '',
          '```tsx',
          "import { SignOutAllButton } from 'clerk-session-kit';",
          '',
          '<SignOutAllButton scope="other-devices" />',
          '```',
          '',
          'Slots (`classNames` key = `data-slot`): `root` (`sign-out-all`), `trigger`, `reason`, `dialog`, `error`.',
          '`data-state` on the root: `loading | idle | confirming | pending | done | partial | error`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof SignOutAllButton>;

export default meta;
type Story = StoryObj<typeof meta>;

const screen = (canvasElement: HTMLElement) => ({
  canvas: within(canvasElement),
  body: within(canvasElement.ownerDocument.body),
  root: () => canvasElement.querySelector<HTMLElement>('[data-slot="sign-out-all"]'),
});

/** Waits until the button is usable (the device list loaded), clicks it and returns the dialog it opens. */
async function openDialog(canvasElement: HTMLElement, action: string, title?: string) {
  const { canvas, body } = screen(canvasElement);
  const trigger = await canvas.findByRole('button', { name: action });
  await waitFor(() => expect(trigger).not.toHaveAttribute('aria-disabled'));
  await userEvent.click(trigger);
  const dialog = await body.findByRole('alertdialog', title ? { name: title } : {});
  return { trigger, dialog };
}

/** Opens the dialog, checks its title, confirms with the mouse. */
async function confirmWithMouse(canvasElement: HTMLElement, action: string, title: string) {
  const { trigger, dialog } = await openDialog(canvasElement, action, title);
  await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
  return { trigger, dialog };
}

export const OtherDevices: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  play: async ({ canvasElement }) => {
    const { canvas, root } = screen(canvasElement);
    const { trigger } = await confirmWithMouse(
      canvasElement,
      'Sign out of all other devices',
      'Sign out of 3 other devices?',
    );
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Signed out of 3 sessions.'));
    await expect(root()).toHaveAttribute('data-state', 'done');
    // Nothing is left: the button says so, and keeps focus.
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
    await expect(trigger).toHaveAccessibleDescription('No other device is signed in.');
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/** Clerk could not load (`status` `'error'`): the button stays disabled and an alert says why, with a page reload. */
export const ClerkFailed: Story = {
  // Clerk's provider logs its own load failure; the smoke test expects exactly that message here.
  tags: ['clerk-load-error'],
  parameters: { clerk: { ...scenarios.otherDevices(), load: 'error' } },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Your session could not be loaded.');
    await expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Sign out of all other devices' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** Clerk runs on partial data (`status` `'degraded'`): signing out of the other devices works as usual. */
export const ClerkDegraded: Story = {
  parameters: { clerk: scenarios.clerkDegraded() },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    await confirmWithMouse(canvasElement, 'Sign out of all other devices', 'Sign out of 3 other devices?');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Signed out of 3 sessions.'));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

export const ThisBrowser: Story = {
  args: { scope: 'this-browser' },
  parameters: { clerk: scenarios.manyAccounts() },
  loaders: [countRequests],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const signOuts: ClerkGate = loaded.signOuts;
    const { canvas } = screen(canvasElement);
    // Grace, Ada and Alan are active, Katherine pending; the ended and expired sessions are not counted.
    const { trigger } = await confirmWithMouse(
      canvasElement,
      'Sign out of all accounts',
      'Sign out of 4 accounts in this browser?',
    );
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Signed out of 4 sessions.'));
    // One sign-out of this browser, and no device revoked: other devices stay signed in.
    await expect(revokes.count).toBe(0);
    await expect(signOuts.count).toBe(1);
    await expect(trigger).toHaveAccessibleDescription('No account is signed in in this browser.');
  },
};

export const Everywhere: Story = {
  args: { scope: 'everywhere' },
  parameters: { clerk: scenarios.otherDevices() },
  loaders: [countRequests],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const signOuts: ClerkGate = loaded.signOuts;
    const { canvas } = screen(canvasElement);
    const { trigger } = await confirmWithMouse(
      canvasElement,
      'Sign out everywhere',
      'Sign out of 3 other devices and 1 account here?',
    );
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Signed out of 4 sessions.'));
    await expect(revokes.count).toBe(3);
    await expect(signOuts.count).toBe(1);
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
    await expect(trigger).toHaveAccessibleDescription('Nothing is signed in.');
  },
};

/** A device fails: this browser is NOT signed out, so the failed device can still be retried from here. */
export const EverywherePartialFailure: Story = {
  args: { scope: 'everywhere' },
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('session.revoke', { status: 500 }, { sessionId: 'sess_ada_phone' })],
  },
  loaders: [countRequests],
  play: async ({ canvasElement, loaded }) => {
    const signOuts: ClerkGate = loaded.signOuts;
    const { canvas, root } = screen(canvasElement);
    await confirmWithMouse(canvasElement, 'Sign out everywhere', 'Sign out of 3 other devices and 1 account here?');
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('1 of 3 could not be signed out.');
    await expect(root()).toHaveAttribute('data-state', 'partial');
    await expect(signOuts.count).toBe(0);
    await expect(canvas.getByRole('status')).toHaveTextContent('');
  },
};

export const NothingToDo: Story = {
  parameters: { clerk: scenarios.oneAccount() },
  play: async ({ canvasElement }) => {
    const { canvas, body } = screen(canvasElement);
    const reason = await canvas.findByText('No other device is signed in.');
    const trigger = canvas.getByRole('button', { name: 'Sign out of all other devices' });
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
    await expect(trigger).toHaveAttribute('aria-describedby', reason.id);
    await userEvent.click(trigger);
    await expect(body.queryByRole('alertdialog')).toBeNull();
  },
};

export const SignedOut: Story = {
  args: { scope: 'this-browser' },
  parameters: { clerk: scenarios.signedOut() },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Sign out of all accounts' });
    await waitFor(() => expect(trigger).toHaveAccessibleDescription('No account is signed in in this browser.'));
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
  },
};

export const LoadingDevices: Story = {
  parameters: { clerk: scenarios.otherDevices(), msw: [clerkDelay('user.getSessions', 'infinite')] },
  play: async ({ canvasElement }) => {
    const { canvas, body, root } = screen(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Sign out of all other devices' });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'loading'));
    // The count is unknown yet: no dialog that could state a wrong number.
    await expect(trigger).toHaveAttribute('aria-busy', 'true');
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(trigger);
    await expect(body.queryByRole('alertdialog')).toBeNull();
  },
};

export const DeviceListFailure: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('user.getSessions', { status: 500 }, { once: true })],
  },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load your devices.');
    const trigger = canvas.getByRole('button', { name: 'Sign out of all other devices' });
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
    // Never "No other device is signed in." for a request that failed.
    await expect(canvas.queryByText('No other device is signed in.')).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(trigger).not.toHaveAttribute('aria-disabled'));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

export const Pending: Story = {
  parameters: { clerk: scenarios.otherDevices(), msw: [clerkDelay('session.revoke', 'infinite')] },
  play: async ({ canvasElement }) => {
    const { root } = screen(canvasElement);
    const { dialog } = await confirmWithMouse(
      canvasElement,
      'Sign out of all other devices',
      'Sign out of 3 other devices?',
    );
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Sign out' })).toHaveAttribute('aria-busy', 'true'),
    );
    await expect(root()).toHaveAttribute('data-state', 'pending');
    await userEvent.keyboard('{Escape}');
    await expect(dialog).toBeVisible();
  },
};

export const PartialFailure: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('session.revoke', { status: 500 }, { sessionId: 'sess_ada_laptop', once: true })],
  },
  play: async ({ canvasElement }) => {
    const { canvas, root } = screen(canvasElement);
    const { trigger } = await confirmWithMouse(
      canvasElement,
      'Sign out of all other devices',
      'Sign out of 3 other devices?',
    );
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('1 of 3 could not be signed out. They are still listed; try again.');
    await expect(alert).toHaveTextContent('Something went wrong on our side.');
    await expect(root()).toHaveAttribute('data-state', 'partial');
    // The dialog gave focus back to the trigger; the failure is announced where it is.
    await waitFor(() => expect(canvasElement.ownerDocument.activeElement).toBe(trigger));
    // Only the one that failed is left to do.
    await userEvent.click(trigger);
    const body = within(canvasElement.ownerDocument.body);
    await expect(await body.findByRole('alertdialog', { name: 'Sign out of 1 other device?' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('alertdialog')).toBeNull());
    // Cancelling the new confirmation does not hide the failure that is still unresolved.
    await expect(root()).toHaveAttribute('data-state', 'partial');
    await userEvent.click(within(canvas.getByRole('alert')).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Signed out of 1 session.'));
    await expect(canvas.queryByRole('alert')).toBeNull();
    // Try again went away with the notice: focus is back on the trigger, not on the page.
    await waitFor(() => expect(canvasElement.ownerDocument.activeElement).toBe(trigger));
  },
};

/** Two devices fail, one with a 403 (retrying cannot help) and one with a 503 (it can): Try again is offered. */
export const MixedFailures: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [
      clerkFailure('session.revoke', { status: 403 }, { sessionId: 'sess_ada_phone' }),
      clerkFailure('session.revoke', { status: 503 }, { sessionId: 'sess_ada_laptop' }),
    ],
  },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    await confirmWithMouse(canvasElement, 'Sign out of all other devices', 'Sign out of 3 other devices?');
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('2 of 3 could not be signed out.');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** A partial failure dismissed: the notice goes, the one device left can still be signed out from the trigger. */
export const PartialFailureDismissed: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('session.revoke', { status: 500 }, { sessionId: 'sess_ada_laptop', once: true })],
  },
  play: async ({ canvasElement }) => {
    const { canvas, body, root } = screen(canvasElement);
    const { trigger } = await confirmWithMouse(
      canvasElement,
      'Sign out of all other devices',
      'Sign out of 3 other devices?',
    );
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('1 of 3 could not be signed out.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(root()).toHaveAttribute('data-state', 'idle');
    await expect(canvasElement.ownerDocument.activeElement).toBe(trigger);
    await userEvent.keyboard('{Enter}');
    await expect(await body.findByRole('alertdialog', { name: 'Sign out of 1 other device?' })).toBeVisible();
  },
};

export const AllFailed: Story = {
  parameters: { clerk: scenarios.otherDevices(), msw: [clerkFailure('session.revoke', 'network')] },
  loaders: [countRequests],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const { canvas, root } = screen(canvasElement);
    await confirmWithMouse(canvasElement, 'Sign out of all other devices', 'Sign out of 3 other devices?');
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('3 of 3 could not be signed out.');
    await expect(alert).toHaveTextContent('Could not reach Clerk.');
    await expect(root()).toHaveAttribute('data-state', 'error');
    await expect(canvas.getByRole('status')).toHaveTextContent('');
    // Try again fails again: the notice stays (with its count) and so does focus, on its Try again.
    const retry = within(alert).getByRole('button', { name: 'Try again' });
    await userEvent.click(retry);
    await waitFor(() => expect(revokes.count).toBe(6));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('3 of 3 could not be signed out.');
    await expect(canvasElement.ownerDocument.activeElement).toBe(retry);
    // Dismissed, the notice goes; focus goes to the trigger, and the devices are still there to sign out.
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(root()).toHaveAttribute('data-state', 'idle');
    const trigger = canvas.getByRole('button', { name: 'Sign out of all other devices' });
    await expect(trigger).not.toHaveAttribute('aria-disabled');
    await expect(canvasElement.ownerDocument.activeElement).toBe(trigger);
  },
};

/** Keyboard only: Tab to the button, Enter, focus on Cancel, Escape, Enter again, Tab, Enter. */
export const KeyboardOnly: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  play: async ({ canvasElement }) => {
    const { canvas, body } = screen(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Sign out of all other devices' });
    await waitFor(() => expect(trigger).not.toHaveAttribute('aria-disabled'));
    await userEvent.tab();
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    let dialog = await body.findByRole('alertdialog', { name: 'Sign out of 3 other devices?' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('alertdialog')).toBeNull());
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    dialog = await body.findByRole('alertdialog', { name: 'Sign out of 3 other devices?' });
    await userEvent.tab();
    await expect(within(dialog).getByRole('button', { name: 'Sign out' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Signed out of 3 sessions.'));
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/** A double click on the confirmation revokes each device once: 3 requests, not 6. */
export const DoubleClickSendsOneRequestPerDevice: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  loaders: [countRequests],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const { canvas } = screen(canvasElement);
    const { dialog } = await openDialog(canvasElement, 'Sign out of all other devices');
    await userEvent.dblClick(within(dialog).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Signed out of 3 sessions.'));
    await expect(revokes.count).toBe(3);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { clerk: scenarios.otherDevices() },
  play: async ({ canvasElement }) => {
    // Open, so axe checks the dialog in dark too.
    const { dialog } = await openDialog(canvasElement, 'Sign out of all other devices', 'Sign out of 3 other devices?');
    await expect(dialog).toBeVisible();
  },
};

export const DarkNothingToDo: Story = {
  globals: { theme: 'dark' },
  parameters: { clerk: scenarios.oneAccount() },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No other device is signed in.')).toBeVisible();
  },
};

export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  parameters: { clerk: scenarios.otherDevices() },
  play: async ({ canvasElement }) => {
    const { dialog } = await openDialog(
      canvasElement,
      'تسجيل الخروج من جميع الأجهزة الأخرى',
      'تسجيل الخروج من الأجهزة الأخرى (3)؟',
    );
    await expect(dialog).toBeVisible();
  },
};

export const Mobile: Story = {
  args: { scope: 'everywhere' },
  parameters: { clerk: scenarios.otherDevices(), mobile: true },
  play: async ({ canvasElement }) => {
    const { canvas, root } = screen(canvasElement);
    await canvas.findByRole('button', { name: 'Sign out everywhere' });
    await expect(root()?.getBoundingClientRect().width).toBeLessThanOrEqual(360);
  },
};
