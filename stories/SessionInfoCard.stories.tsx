import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SessionInfoCard } from '../src';
import { useClerk } from '../src/clerk';
import { clerkFailure, scenario, scenarios, session, user } from '../src/testing';

const HOUR = 3_600_000;

/** The Clerk instance the story runs under, to sign out from outside the card. */
const clerkInStory: { current: ReturnType<typeof useClerk> | null } = { current: null };
function ClerkProbe() {
  clerkInStory.current = useClerk();
  return null;
}

const meta = {
  title: 'Components/SessionInfoCard',
  component: SessionInfoCard,
  parameters: {
    clerk: scenarios.oneAccount(),
    docs: {
      description: {
        component: [
          'The session in use: who, its status, when it started, was last active and expires, with notices for',
          'impersonation and an expiring session. Drop it anywhere under `<ClerkProvider>`:',
          '',
          '```tsx',
          "import { SessionInfoCard } from 'clerk-session-kit';",
          '',
          '<SessionInfoCard />',
          '```',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof SessionInfoCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Active: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { level: 2, name: 'Ada Lovelace' })).toBeVisible();
    // The card is a region named by that heading (a `useId` id, not one built from the session id).
    await expect(canvas.getByRole('region', { name: 'Ada Lovelace' })).toBeVisible();
    await expect(canvas.getByText('ada@example.com')).toBeVisible();
    await expect(canvas.getByText('This device')).toBeVisible();
    const lastActive = canvas.getByText('1 minute ago');
    await expect(lastActive.tagName).toBe('TIME');
    // Its machine-readable time is a minute before now (to the second: a live Storybook's clock moves on).
    const dateTime = lastActive.getAttribute('dateTime') ?? '';
    await expect(Math.round((Date.now() - Date.parse(dateTime)) / 1000)).toBe(60);
  },
};

export const Loading: Story = {
  parameters: { clerk: scenarios.loading() },
  play: async ({ canvasElement }) => {
    const loading = within(canvasElement).getByText('Loading session…').closest('[data-slot="loading"]');
    await expect(loading).toHaveAttribute('aria-busy', 'true');
  },
};

/**
 * Clerk could not load (its script was blocked, or its first requests failed): Clerk reports `status` `'error'`
 * and never loads on this page, so the card says so instead of loading forever, and offers the page reload that
 * reaches Clerk again.
 */
export const ClerkFailed: Story = {
  // Clerk's provider logs its own load failure; the smoke test expects exactly that message here.
  tags: ['clerk-load-error'],
  parameters: { clerk: scenarios.clerkFailed() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Your session could not be loaded.');
    await expect(alert).toHaveTextContent('Check your connection, then reload the page.');
    await expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeVisible();
    await expect(canvas.queryByText('Loading session…')).toBeNull();
    await expect(canvasElement.querySelector('[aria-busy]')).toBeNull();
  },
};

export const ClerkFailedGerman: Story = {
  // Clerk's provider logs its own load failure; the smoke test expects exactly that message here.
  tags: ['clerk-load-error'],
  parameters: { clerk: scenarios.clerkFailed() },
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Deine Sitzung konnte nicht geladen werden.');
    await expect(within(alert).getByRole('button', { name: 'Seite neu laden' })).toBeVisible();
  },
};

export const ClerkFailedRightToLeft: Story = {
  // Clerk's provider logs its own load failure; the smoke test expects exactly that message here.
  tags: ['clerk-load-error'],
  parameters: { clerk: scenarios.clerkFailed() },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('تعذّر تحميل جلستك.');
    await expect(within(alert).getByRole('button', { name: 'إعادة تحميل الصفحة' })).toBeVisible();
  },
};

/** Clerk runs on partial data (`status` `'degraded'`): the card works as usual and signs out. */
export const ClerkDegraded: Story = {
  parameters: { clerk: scenarios.clerkDegraded() },
  render: (args) => (
    <>
      <ClerkProbe />
      <SessionInfoCard {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Ada Lovelace')).toBeVisible();
    await expect(clerkInStory.current?.status).toBe('degraded');
    await expect(canvas.queryByRole('alert')).toBeNull();
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await userEvent.click(within(await body.findByRole('alertdialog')).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('You are signed out.'));
  },
};

export const SignedOut: Story = {
  parameters: { clerk: scenarios.signedOut() },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('You are signed out.')).toBeVisible();
  },
};

export const Pending: Story = {
  parameters: {
    clerk: scenario({
      sessions: [session({ id: 'sess_p', status: 'pending', user: user({ firstName: 'Grace', lastName: 'Hopper' }) })],
      currentSessionId: 'sess_p',
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Pending')).toBeVisible();
  },
};

export const Impersonation: Story = {
  parameters: { clerk: scenarios.impersonation() },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/user_support_agent/)).toBeVisible();
  },
};

export const ExpiringSoon: Story = {
  parameters: {
    clerk: scenario({
      sessions: [session({ id: 'sess_x', user: user(), expireAt: new Date(Date.now() + 3 * HOUR) })],
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/This session expires in 3 hours/)).toBeVisible();
  },
};

export const LongNameAndEmail: Story = {
  parameters: {
    mobile: true,
    clerk: scenario({
      sessions: [
        session({
          user: user({
            firstName: 'Maximiliane Alexandra Konstantina',
            lastName: 'von Hohenzollern-Sigmaringen-Wittelsbach',
            email: 'maximiliane.alexandra.konstantina.von.hohenzollern@a-very-long-company-domain.example',
          }),
        }),
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const heading = await within(canvasElement).findByRole('heading');
    // Truncated visually, never clipped for assistive technology: the full name is the accessible name.
    await expect(heading).toHaveAccessibleName(
      'Maximiliane Alexandra Konstantina von Hohenzollern-Sigmaringen-Wittelsbach',
    );
    await expect(heading.scrollWidth).toBeGreaterThan(heading.clientWidth);
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('هذا الجهاز')).toBeVisible();
  },
};

export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('vor 1 Minute')).toBeVisible();
  },
};

export const Mobile: Story = { parameters: { mobile: true } };

/**
 * The card's own sign-out, when Clerk stays on the page (the mock does not navigate): the signed-out note is
 * announced (the card's live region) and takes the focus that went with the button and its dialog.
 */
export const SignOut: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }));
    // The card's live region is in the page, empty, before anything happens: a region inserted together with its
    // text is often not read out.
    const region = canvasElement.querySelector('[data-slot="root"] > [role="status"]');
    await expect(region).toBeEmptyDOMElement();
    const dialog = await body.findByRole('alertdialog', { name: 'Sign out of Ada Lovelace?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    const note = await canvas.findByRole('status');
    await expect(note).toBe(region);
    await waitFor(() => expect(note).toHaveTextContent('You are signed out.'));
    await expect(note).toBeVisible();
    await waitFor(() => expect(note).toHaveFocus());
  },
};

/**
 * A sign-out from outside the card (another component, another tab) is announced too, but takes no focus: here
 * focus left the card for the page's background before it happened.
 */
export const SignedOutElsewhere: Story = {
  render: (args) => (
    <>
      <ClerkProbe />
      <SessionInfoCard {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Sign out' });
    await userEvent.tab();
    await expect(trigger).toHaveFocus();
    await userEvent.click(canvasElement.ownerDocument.body);
    await expect(trigger).not.toHaveFocus();
    await clerkInStory.current?.signOut(() => undefined);
    const note = await canvas.findByRole('status');
    await waitFor(() => expect(note).toHaveTextContent('You are signed out.'));
    await expect(note).not.toHaveFocus();
  },
};

export const SignOutFails: Story = {
  parameters: { msw: [clerkFailure('signOut', { status: 503 }, { once: true })] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }));
    await userEvent.click(within(await body.findByRole('alertdialog')).getByRole('button', { name: 'Sign out' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not sign out Ada Lovelace.');
    // Nothing is claimed: the card still shows the session, and retrying succeeds.
    await expect(canvas.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('You are signed out.')).toBeVisible();
    // Focus went from Try again to the pending trigger, then with the card's content to the signed-out note.
    await waitFor(() => expect(canvas.getByRole('status')).toHaveFocus());
  },
};

/** A 4xx answer would only fail again: the notice has no Try again, and the card still shows the session. */
export const SignOutForbidden: Story = {
  parameters: { msw: [clerkFailure('signOut', { status: 403 })] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }));
    await userEvent.click(within(await body.findByRole('alertdialog')).getByRole('button', { name: 'Sign out' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not sign out Ada Lovelace.');
    await expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    await expect(within(alert).getByRole('button', { name: 'Dismiss' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  },
};

export const KeyboardOnly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await canvas.findByRole('heading', { name: 'Ada Lovelace' });
    await userEvent.tab();
    const trigger = canvas.getByRole('button', { name: 'Sign out' });
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = await body.findByRole('alertdialog');
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
    await expect(trigger).toHaveFocus();
  },
};

export const CustomActions: Story = {
  args: { actions: <a href="#account">Manage account</a> },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('link', { name: 'Manage account' })).toBeVisible();
  },
};
