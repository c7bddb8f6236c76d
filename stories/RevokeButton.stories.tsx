import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RevokeButton } from '../src';
import { clerkDelay, clerkFailure, scenarios } from '../src/testing';

const meta = {
  title: 'Components/RevokeButton',
  component: RevokeButton,
  args: { target: { type: 'account', sessionId: 'sess_grace' } },
  parameters: { clerk: scenarios.manyAccounts() },
} satisfies Meta<typeof RevokeButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Account: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const trigger = await canvas.findByRole('button', { name: 'Sign out' });
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
  },
};

export const Failure: Story = {
  parameters: { msw: [clerkFailure('session.remove', { status: 500 })] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }));
    await userEvent.click(within(await body.findByRole('alertdialog')).getByRole('button', { name: 'Sign out' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not sign out Grace Hopper.');
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

export const CurrentSessionRefused: Story = {
  args: { target: { type: 'account', sessionId: 'sess_ada' } },
};
