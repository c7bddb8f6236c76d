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
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }));
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
    const confirm = within(await body.findByRole('alertdialog')).getByRole('button', { name: 'Sign out' });
    await userEvent.click(confirm);
    await waitFor(() => expect(confirm).toHaveAttribute('aria-busy', 'true'));
  },
};

export const CurrentSessionRefused: Story = {
  args: { target: { type: 'account', sessionId: 'sess_ada' } },
};
