import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SessionKitProvider } from '../src';
import { SessionSwitcher } from '../src/components/SessionSwitcher';
import { ar } from '../src/locales';
import { type ClerkGate, clerkDelay, clerkFailure, scenario, scenarios, session, user } from '../src/testing';
import { withClerkGates } from './clerkGates';

const meta = {
  title: 'Components/SessionSwitcher',
  component: SessionSwitcher,
  args: { variant: 'inline', onAddAccount: fn() },
  parameters: {
    clerk: scenarios.manyAccounts(),
    docs: {
      description: {
        component: `The accounts signed in in this browser: switch, sign out of one, add one, sign out of all.
Works inside any \`<ClerkProvider>\` with no props.

\`\`\`tsx
import { SessionSwitcher } from '../src';

<SessionSwitcher />                                    // trigger + popover (default)
<SessionSwitcher variant="inline" showSignOutAll />    // the list itself, e.g. on a settings page
<SessionSwitcher onAddAccount={() => clerk.openSignIn()} afterCurrentSignOut="sign-in" />
\`\`\`

Keyboard (WAI-ARIA APG layout grid): Tab reaches the list once; ↑/↓ move between accounts, ←/→ between an account
and its "Sign out", Home/End to the row's first/last cell, Ctrl+Home/End to the first/last account, Enter or Space
acts. In the popover, Escape closes it and focus returns to the trigger.

Slots (\`classNames\` key → \`data-slot\`): root, trigger, panel, list, row, account, signOut → sign-out,
addAccount → add-account, signOutAll → sign-out-all, error, signedOut → signed-out. \`data-state\`: row
idle | pending | error; trigger and panel open | closed. \`data-side\` on the open panel: bottom | top.`,
      },
    },
  },
} satisfies Meta<typeof SessionSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Radia'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus'];

/** 34 accounts, one every 37 minutes, the first current. */
function crowd() {
  const sessions = Array.from({ length: 34 }, (_, index) => {
    const firstName = FIRST[index % FIRST.length] ?? 'Ada';
    const lastName = `${LAST[index % LAST.length] ?? 'Lovelace'} ${index + 1}`;
    return session({
      id: `sess_crowd_${index + 1}`,
      user: user({
        id: `user_crowd_${index + 1}`,
        firstName,
        lastName,
        email: `${firstName.toLowerCase()}.${index + 1}@crowd.example`,
      }),
      lastActiveAt: ago(index * 37 + 1),
    });
  });
  return scenario({ sessions, currentSessionId: 'sess_crowd_1' });
}

function longNames() {
  const current = session({
    id: 'sess_long_current',
    user: user({
      firstName: 'Maximiliane Alexandrina Konstantina',
      lastName: 'Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh',
      email: 'maximiliane.alexandrina.wolfeschlegelsteinhausenbergerdorff@research-department.very-long-domain.example',
    }),
  });
  const other = session({
    id: 'sess_long_other',
    user: user({
      firstName: 'Bartholomew-Christopherson',
      lastName: 'Oyelaran-Vandenberghe-Santangelo',
      email: 'bartholomew.christopherson.oyelaran-vandenberghe@subsidiary-of-a-long-company-name.example.org',
    }),
    lastActiveAt: ago(30),
  });
  const noName = session({
    id: 'sess_long_noname',
    user: user({ firstName: null, lastName: null, email: 'no-name-just-an-extremely-long-address@example.com' }),
    lastActiveAt: ago(90),
  });
  return scenario({ sessions: [current, other, noName], currentSessionId: current.id });
}

/** The polite live region of the switcher. */
const announcer = (canvasElement: HTMLElement) => within(canvasElement).getByRole('status');

export const Loading: Story = {
  parameters: { clerk: scenarios.loading() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Loading session…')).toBeInTheDocument();
    await expect(canvas.queryByRole('grid')).toBeNull();
  },
};

/** Clerk could not load (`status` `'error'`): the switcher says so and offers a page reload. */
export const ClerkFailed: Story = {
  // Clerk's provider logs its own load failure; the smoke test expects exactly that message here.
  tags: ['clerk-load-error'],
  parameters: { clerk: scenarios.clerkFailed() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Your session could not be loaded.');
    await expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeVisible();
    await expect(canvas.queryByText('Loading session…')).toBeNull();
    await expect(canvas.queryByRole('grid')).toBeNull();
  },
};

/** Clerk runs on partial data (`status` `'degraded'`): the switcher lists and switches accounts as usual. */
export const ClerkDegraded: Story = {
  parameters: { clerk: { ...scenarios.manyAccounts(), load: 'degraded' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('grid')).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: /^Switch to Grace Hopper/ }));
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Switched to Grace Hopper.'));
  },
};

export const LoadingPopover: Story = {
  args: { variant: 'popover' },
  parameters: { clerk: scenarios.loading() },
};

export const SignedOut: Story = {
  parameters: { clerk: scenarios.signedOut() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('You are signed out.')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const OneAccount: Story = {
  parameters: { clerk: scenarios.oneAccount() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const current = await canvas.findByRole('gridcell', { name: /Ada Lovelace/ });
    await expect(current).toHaveAttribute('aria-current', 'true');
    await expect(canvas.queryByRole('button', { name: /^Switch to/ })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Add account' }));
    await expect(args.onAddAccount).toHaveBeenCalledTimes(1);
  },
};

/** The inline variant with the `manyAccounts` scenario: switching by mouse. */
export const ManyAccounts: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const rows = await canvas.findAllByRole('row');
    // Current first, then most recently active; the ended and expired sessions are not listed.
    await expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Ada Lovelace'),
      expect.stringContaining('Katherine Johnson'),
      expect.stringContaining('Grace Hopper'),
      expect.stringContaining('Alan Turing'),
    ]);
    await expect(canvas.getByText('Needs attention')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to Grace Hopper (grace@navy.example)' }));
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Switched to Grace Hopper.'));
    const current = await canvas.findByRole('gridcell', { name: /Grace Hopper/ });
    await expect(current).toHaveAttribute('aria-current', 'true');
    await expect(current).toHaveFocus();
    await expect(canvas.getByRole('button', { name: 'Switch to Ada Lovelace (ada@example.com)' })).toBeVisible();
  },
};

/** The popover variant: opens from the trigger, closes on a click outside. */
export const Popover: Story = {
  args: { variant: 'popover' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Account: Ada Lovelace. Switch account' });
    await expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.queryByRole('grid')).toBeNull();
    await userEvent.click(trigger);
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const panel = canvas.getByRole('dialog', { name: 'Accounts in this browser' });
    await expect(trigger).toHaveAttribute('aria-controls', panel.id);
    await expect(within(panel).getByRole('grid')).toBeVisible();
    await userEvent.click(canvasElement.ownerDocument.body);
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).not.toBeVisible();
    // Open again and leave it open, so the open panel is checked by axe too.
    await userEvent.click(trigger);
    await expect(panel).toBeVisible();
  },
};

/** Keyboard only: Tab to the trigger, open, move with arrows / Home / End, Escape, then switch with Enter. */
export const KeyboardOnly: Story = {
  args: { variant: 'popover' },
  // Something focusable after the switcher, as on a real page, to Tab out to.
  decorators: [
    (Story) => (
      <>
        <Story />
        <a href="#after">Next link on the page</a>
      </>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Account: Ada Lovelace. Switch account' });
    await userEvent.tab();
    await expect(trigger).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    // Focus moves into the grid, onto the current account.
    await waitFor(() => expect(canvas.getByRole('gridcell', { name: /Ada Lovelace/ })).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('button', { name: 'Switch to Katherine Johnson (kj@nasa.example)' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('button', { name: 'Sign out of Katherine Johnson' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByRole('button', { name: 'Switch to Katherine Johnson (kj@nasa.example)' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('button', { name: 'Sign out of Katherine Johnson' })).toHaveFocus();
    await userEvent.keyboard('{Control>}{End}{/Control}');
    await expect(canvas.getByRole('button', { name: 'Sign out of Alan Turing' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}{ArrowUp}');
    const grace = canvas.getByRole('button', { name: 'Switch to Grace Hopper (grace@navy.example)' });
    await expect(grace).toHaveFocus();
    // One Tab stop for the whole grid: only the focused cell is tabbable.
    await expect(canvas.getAllByRole('grid')[0]?.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await userEvent.keyboard('{Escape}');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await expect(trigger).toHaveFocus();
    // Reopening returns to where the user left off.
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(grace).toHaveFocus());
    // Tab leaves the grid in one press; tabbing out of the panel closes it.
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Add account' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Next link on the page' })).toHaveFocus();
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(trigger);
    await waitFor(() => expect(grace).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    // Once Clerk confirmed, the panel closes, the trigger (same element, now naming Grace) has focus and the switch
    // is announced.
    const switched = await canvas.findByRole('button', { name: 'Account: Grace Hopper. Switch account' });
    await waitFor(() => expect(switched).toHaveFocus());
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Switched to Grace Hopper.'));
  },
};

/** 34 accounts: one Tab stop, Ctrl+End reaches the last. */
export const ThirtyPlusAccounts: Story = {
  parameters: { clerk: crowd() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findAllByRole('row')).toHaveLength(34);
    await userEvent.tab();
    await expect(canvas.getByRole('gridcell', { name: /Ada Lovelace 1/ })).toHaveFocus();
    await userEvent.keyboard('{Control>}{End}{/Control}');
    await expect(
      canvas.getByRole('button', { name: 'Switch to Katherine Knuth 34 (katherine.34@crowd.example)' }),
    ).toHaveFocus();
    // Tab leaves the grid in one press, to "Add account".
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Add account' })).toHaveFocus();
  },
};

/** 34 accounts in the popover: the panel scrolls, and keyboard focus brings the focused account into view. */
export const ThirtyPlusAccountsPopover: Story = {
  args: { variant: 'popover' },
  parameters: { clerk: crowd() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Account: Ada Lovelace 1. Switch account' }));
    const panel = canvas.getByRole('dialog', { name: 'Accounts in this browser' });
    await expect(panel.scrollHeight).toBeGreaterThan(panel.clientHeight);
    // Scrolling the list keeps its position (placing the panel again on scroll once reset it to the top).
    panel.scrollTop = 300;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await expect(panel.scrollTop).toBe(300);
    await userEvent.keyboard('{Control>}{End}{/Control}');
    const last = canvas.getByRole('button', { name: 'Switch to Katherine Knuth 34 (katherine.34@crowd.example)' });
    await expect(last).toHaveFocus();
    const inView = panel.getBoundingClientRect();
    const cell = last.getBoundingClientRect();
    await expect(cell.top).toBeGreaterThanOrEqual(inView.top);
    await expect(cell.bottom).toBeLessThanOrEqual(inView.bottom);
    // Back to the top, so the picture shows the start of the list.
    await userEvent.keyboard('{Control>}{Home}{/Control}');
    await expect(canvas.getByRole('gridcell', { name: /Ada Lovelace 1/ })).toHaveFocus();
  },
};

/** A switch Clerk has not answered yet. */
export const PendingAction: Story = {
  parameters: { msw: [clerkDelay('session.touch')] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const grace = await canvas.findByRole('button', { name: 'Switch to Grace Hopper (grace@navy.example)' });
    await userEvent.click(grace);
    const row = grace.closest('[role="row"]');
    await waitFor(() => expect(row).toHaveAttribute('data-state', 'pending'));
    await expect(row).toHaveAttribute('aria-busy', 'true');
    await expect(grace).toHaveAttribute('aria-busy', 'true');
    // Nothing is claimed before Clerk answers.
    await expect(canvas.getByRole('gridcell', { name: /Ada Lovelace/ })).toHaveAttribute('aria-current', 'true');
    // One switch at a time: the other accounts' switches, and signing out of the current account (which switches
    // too), wait for it.
    for (const name of [
      'Switch to Katherine Johnson (kj@nasa.example)',
      'Switch to Alan Turing (alan@bletchley.example)',
    ]) {
      await expect(canvas.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
    }
    await expect(canvas.getByRole('button', { name: 'Sign out of Ada Lovelace' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/**
 * Switching is single flight across the list: "Switch to Grace", then "Switch to Alan" while Clerk has not answered
 * the first, sends ONE request and Grace becomes current (not whichever answer came last).
 */
export const OneSwitchAtATime: Story = {
  loaders: [withClerkGates({ touches: 'session.touch' })],
  play: async ({ canvasElement, loaded }) => {
    const touches: ClerkGate = loaded.touches;
    touches.hold();
    const canvas = within(canvasElement);
    const grace = await canvas.findByRole('button', { name: 'Switch to Grace Hopper (grace@navy.example)' });
    const alan = canvas.getByRole('button', { name: 'Switch to Alan Turing (alan@bletchley.example)' });
    await userEvent.click(grace);
    await waitFor(() => expect(touches.waiting).toBe(1));
    await expect(alan).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(alan);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out of Ada Lovelace' }));
    // Long enough for a second request to reach the network if one were sent.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(touches.count).toBe(1);
    touches.release();
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Switched to Grace Hopper.'));
    await expect(canvas.getByRole('gridcell', { name: /Grace Hopper/ })).toHaveAttribute('aria-current', 'true');
    await expect(touches.count).toBe(1);
    await expect(alan).not.toHaveAttribute('aria-disabled');
  },
};

/**
 * A failed switch's Try again waits while another account's switch runs (it would be refused): it is withdrawn
 * meanwhile and offered again once that switch ended.
 */
export const RetryWaitsForAnotherSwitch: Story = {
  parameters: { msw: [clerkFailure('session.touch', { status: 503 }, { sessionId: 'sess_alan', once: true })] },
  loaders: [withClerkGates({ touches: 'session.touch' })],
  play: async ({ canvasElement, loaded }) => {
    const touches: ClerkGate = loaded.touches;
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Switch to Alan Turing (alan@bletchley.example)' }),
    );
    const alert = await canvas.findByRole('alert');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
    // Grace's switch is held; Alan's failed one went through before.
    touches.hold();
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to Grace Hopper (grace@navy.example)' }));
    await waitFor(() => expect(touches.waiting).toBe(1));
    await expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    touches.release();
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Switched to Grace Hopper.'));
    await expect(within(canvas.getByRole('alert')).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** A double click sends ONE request to Clerk. */
export const DoubleClickSendsOneRequest: Story = {
  loaders: [withClerkGates({ touches: 'session.touch' })],
  play: async ({ canvasElement, loaded }) => {
    const touches: ClerkGate = loaded.touches;
    const canvas = within(canvasElement);
    await userEvent.dblClick(
      await canvas.findByRole('button', { name: 'Switch to Grace Hopper (grace@navy.example)' }),
    );
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Switched to Grace Hopper.'));
    await expect(touches.count).toBe(1);
  },
};

/**
 * Switching fails with a 500, twice: the row stays, the error is announced; Try again keeps focus in the row (on
 * the account's switch, while the notice it was on is gone), and the second Try again switches.
 */
export const SwitchFailure500: Story = {
  parameters: {
    msw: [
      clerkFailure('session.touch', { status: 500 }, { once: true }),
      clerkFailure('session.touch', { status: 500 }, { once: true }),
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const grace = await canvas.findByRole('button', { name: 'Switch to Grace Hopper (grace@navy.example)' });
    await userEvent.click(grace);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong on our side. Try again.');
    const row = alert.closest('[role="row"]');
    await expect(row).toHaveAttribute('data-state', 'error');
    await expect(row).toHaveTextContent('Grace Hopper');
    await expect(canvas.getByRole('gridcell', { name: /Ada Lovelace/ })).toHaveAttribute('aria-current', 'true');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    // The retry fails again: a new notice, and focus still in the row, on the switch that is being retried.
    await waitFor(() => expect(canvas.getByRole('alert')).not.toBe(alert));
    await expect(grace).toHaveFocus();
    await userEvent.click(within(canvas.getByRole('alert')).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Switched to Grace Hopper.'));
    const current = await canvas.findByRole('gridcell', { name: /Grace Hopper/ });
    await expect(current).toHaveAttribute('aria-current', 'true');
    await expect(current).toHaveFocus();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/**
 * Signing out of another account fails with a 403: the row stays with the error. Dismiss puts focus on the row's
 * "Sign out" (not on <body>), which signs out when pressed again.
 */
export const SignOutFailure4xx: Story = {
  parameters: { msw: [clerkFailure('session.remove', { status: 403 }, { once: true })] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const signOut = await canvas.findByRole('button', { name: 'Sign out of Grace Hopper' });
    await userEvent.click(signOut);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not sign out Grace Hopper.');
    await expect(alert).toHaveTextContent('You are not authorized to perform this request.');
    await expect(canvas.getByRole('button', { name: 'Switch to Grace Hopper (grace@navy.example)' })).toBeVisible();
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(signOut).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.queryByRole('button', { name: /Grace Hopper/ })).toBeNull());
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Signed out of Grace Hopper.'));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Sign out of Alan Turing' })).toHaveFocus());
  },
};

/** The connection drops while switching: the network message, then Retry works. */
export const NetworkError: Story = {
  parameters: { msw: [clerkFailure('session.touch', 'network', { once: true })] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Switch to Alan Turing (alan@bletchley.example)' }),
    );
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not reach Clerk. Check your connection and try again.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Switched to Alan Turing.'));
    await expect(canvas.getByRole('gridcell', { name: /Alan Turing/ })).toHaveFocus();
  },
};

/** Sign out of another account: the row stays (busy) until Clerk confirms, then goes; focus moves to the next row. */
export const SignOutOfAnotherAccount: Story = {
  loaders: [withClerkGates({ removes: 'session.remove' })],
  play: async ({ canvasElement, loaded }) => {
    const removes: ClerkGate = loaded.removes;
    removes.hold();
    const canvas = within(canvasElement);
    const signOut = await canvas.findByRole('button', { name: 'Sign out of Grace Hopper' });
    await userEvent.click(signOut);
    const row = signOut.closest('[role="row"]');
    await waitFor(() => expect(removes.waiting).toBe(1));
    await expect(row).toHaveAttribute('aria-busy', 'true');
    await expect(row).toBeInTheDocument();
    removes.release();
    await waitFor(() => expect(row).not.toBeInTheDocument());
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Signed out of Grace Hopper.'));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Sign out of Alan Turing' })).toHaveFocus());
    await expect(canvas.getAllByRole('row')).toHaveLength(3);
  },
};

/**
 * Sign out of the current account: the most recently active remaining account becomes current FIRST (a switch),
 * then the old one is removed, so the app never passes through signed out; focus lands on the new current account.
 */
export const SignOutOfCurrentAccount: Story = {
  loaders: [withClerkGates({ sessionRequests: ['session.touch', 'session.remove'] })],
  play: async ({ canvasElement, loaded }) => {
    const sessionRequests: ClerkGate = loaded.sessionRequests;
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out of Ada Lovelace' }));
    await waitFor(() =>
      expect(announcer(canvasElement)).toHaveTextContent('Signed out of Ada Lovelace. Switched to Grace Hopper.'),
    );
    await expect(sessionRequests.requests).toEqual([
      { endpoint: 'session.touch', sessionId: 'sess_grace' },
      { endpoint: 'session.remove', sessionId: 'sess_ada' },
    ]);
    const current = await canvas.findByRole('gridcell', { name: /Grace Hopper/ });
    await expect(current).toHaveAttribute('aria-current', 'true');
    await expect(current).toHaveFocus();
    await expect(canvas.queryByText('Ada Lovelace')).toBeNull();
  },
};

/** "Sign out of all accounts" asks first, with the count, then runs Clerk's `signOut()`. */
export const SignOutOfAllAccounts: Story = {
  args: { showSignOutAll: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const action = await canvas.findByRole('button', { name: 'Sign out of all accounts' });
    await expect(action).toHaveAttribute('aria-haspopup', 'dialog');
    await userEvent.click(action);
    const dialog = await body.findByRole('alertdialog', { name: 'Sign out of 4 accounts in this browser?' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await expect(await canvas.findByText('You are signed out.')).toBeVisible();
    await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Signed out of 4 sessions.'));
    await waitFor(() => expect(canvas.getByText('You are signed out.')).toHaveFocus());
  },
};

/**
 * "Sign out of all accounts" fails (500) three times: the error shows in the dialog; Cancel, Escape, and a close by
 * the browser itself each close it with nothing signed out and focus back on the action; the fourth try signs out.
 */
export const SignOutOfAllAccountsFailureThenCancel: Story = {
  args: { variant: 'popover', showSignOutAll: true },
  parameters: {
    msw: [
      clerkFailure('signOut', { status: 500 }, { once: true }),
      clerkFailure('signOut', { status: 500 }, { once: true }),
      clerkFailure('signOut', { status: 500 }, { once: true }),
    ],
  },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole('button', { name: 'Account: Ada Lovelace. Switch account' }));
    const action = await canvas.findByRole('button', { name: 'Sign out of all accounts' });
    const failAndLeave = async (leave: (dialog: HTMLDialogElement) => Promise<void> | void) => {
      await userEvent.click(action);
      const dialog = await body.findByRole<HTMLDialogElement>('alertdialog', {
        name: 'Sign out of 4 accounts in this browser?',
      });
      await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
      await expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        'Something went wrong on our side. Try again.',
      );
      await leave(dialog);
      // React's state, not only the native dialog: a close by the browser reaches React in a later task.
      await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'closed'));
      await expect(dialog.open).toBe(false);
      await expect(body.queryByRole('alertdialog')).toBeNull();
      await expect(action).toHaveFocus();
      await expect(canvas.getAllByRole('row')).toHaveLength(4);
      await expect(canvas.getByRole('dialog', { name: 'Accounts in this browser' })).toBeVisible();
    };
    await step('Cancel after a failure closes the dialog', () =>
      failAndLeave(() => userEvent.click(body.getByRole('button', { name: 'Cancel' }))),
    );
    await step('Escape after a failure closes the dialog', () =>
      failAndLeave(async () => {
        await userEvent.keyboard('{Escape}');
      }),
    );
    // As Chrome does on a second Escape: the <dialog> closes without a cancelable `cancel` event.
    await step('A close by the browser after a failure counts as Cancel', () =>
      failAndLeave((dialog) => dialog.close()),
    );
    await step('Opened again, the sign-out goes through', async () => {
      await userEvent.click(action);
      const dialog = await body.findByRole('alertdialog', { name: 'Sign out of 4 accounts in this browser?' });
      await expect(within(dialog).queryByRole('alert')).toBeNull();
      await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
      await expect(await canvas.findByText('You are signed out.')).toBeVisible();
      await waitFor(() => expect(announcer(canvasElement)).toHaveTextContent('Signed out of 4 sessions.'));
    });
  },
};

/** Names and emails longer than the row: truncated on screen, in full in the accessible name and tooltip. */
export const LongNamesAndEmails: Story = {
  args: { showSignOutAll: true },
  parameters: { clerk: longNames(), mobile: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const email = 'bartholomew.christopherson.oyelaran-vandenberghe@subsidiary-of-a-long-company-name.example.org';
    const button = await canvas.findByRole('button', {
      name: `Switch to Bartholomew-Christopherson Oyelaran-Vandenberghe-Santangelo (${email})`,
    });
    const cell = button.closest('[role="gridcell"]');
    await expect(cell).toHaveAttribute('title', expect.stringContaining(email));
    const line = within(cell as HTMLElement).getByText(email);
    await expect(line.scrollWidth).toBeGreaterThan(line.clientWidth);
    await expect(button.getBoundingClientRect().right).toBeLessThanOrEqual(360 + 32);
    await expect(
      canvas.getByRole('button', {
        name: 'Switch to no-name-just-an-extremely-long-address@example.com (no-name-just-an-extremely-long-address@example.com)',
      }),
    ).toBeVisible();
  },
};

/** Dark theme, including a row's error notice (contrast is checked by axe). */
export const Dark: Story = {
  args: { showSignOutAll: true },
  globals: { theme: 'dark' },
  parameters: { msw: [clerkFailure('session.touch', { status: 500 })] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Switch to Grace Hopper (grace@navy.example)' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

/** Dark popover, open. */
export const DarkPopover: Story = {
  args: { variant: 'popover', showSignOutAll: true },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /Switch account/ }));
    await expect(canvas.getByRole('dialog')).toBeVisible();
  },
};

/** Arabic, right to left: the panel opens under the trigger's inline start, and ←/→ are mirrored. */
export const RightToLeft: Story = {
  args: { variant: 'popover' },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'الحساب: Ada Lovelace. تبديل الحساب' });
    await userEvent.click(trigger);
    const panel = canvas.getByRole('dialog', { name: 'الحسابات في هذا المتصفح' });
    // Aligned with the right edge of the trigger's frame (up to the 8 px kept free at the viewport edge).
    await expect(
      Math.abs(
        panel.getBoundingClientRect().right - (trigger.parentElement as HTMLElement).getBoundingClientRect().right,
      ),
    ).toBeLessThanOrEqual(8);
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('button', { name: 'التبديل إلى Katherine Johnson (kj@nasa.example)' })).toHaveFocus();
    // In right-to-left, the sign-out button is to the left: ArrowLeft moves forward.
    await userEvent.keyboard('{ArrowLeft}');
    await expect(canvas.getByRole('button', { name: 'تسجيل الخروج من Katherine Johnson' })).toHaveFocus();
  },
};

/**
 * The trigger at the bottom of the screen: the panel opens over it instead of running off the screen, its height
 * capped to the room there.
 */
export const PopoverNearTheBottom: Story = {
  args: { variant: 'popover', showSignOutAll: true },
  decorators: [
    (Story) => (
      // The full height of the canvas (the story's padding is 1rem on each side), the switcher at its bottom.
      <div
        style={{
          minHeight: 'calc(100vh - 2rem)',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'flex-end',
        }}
      >
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Account: Ada Lovelace. Switch account' });
    const viewport = canvasElement.ownerDocument.documentElement.clientHeight;
    const frame = (trigger.parentElement as HTMLElement).getBoundingClientRect();
    // The premise: less room under the trigger than the panel needs.
    await expect(viewport - frame.bottom).toBeLessThan(100);
    await userEvent.click(trigger);
    const panel = canvas.getByRole('dialog', { name: 'Accounts in this browser' });
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('data-side', 'top');
    const box = panel.getBoundingClientRect();
    await expect(box.top).toBeGreaterThanOrEqual(0);
    await expect(box.bottom).toBeLessThanOrEqual(viewport);
    await expect(box.bottom).toBeLessThanOrEqual(frame.top);
    // Focus went into the grid, as when it opens downward.
    await waitFor(() => expect(canvas.getByRole('gridcell', { name: /Ada Lovelace/ })).toHaveFocus());
  },
};

/**
 * A catalogue whose "Sign out of …" does not contain its short "Sign out" shows an exit icon instead (label in
 * name, WCAG 2.5.3); right to left, the icon's arrow is mirrored to point toward the inline end.
 */
export const SignOutIconRightToLeft: Story = {
  // That catalogue is the mistake the kit warns about in development (test/smoke expects the warning here only).
  tags: ['kit-warning'],
  globals: { locale: 'ar' },
  decorators: [
    (Story) => (
      <SessionKitProvider messages={{ ...ar, signOut: 'مغادرة' }}>
        <Story />
      </SessionKitProvider>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const signOut = await canvas.findByRole('button', { name: 'تسجيل الخروج من Grace Hopper' });
    await expect(signOut).toHaveAttribute('title', 'تسجيل الخروج من Grace Hopper');
    const icon = signOut.querySelector('svg') as SVGElement;
    await expect(icon).not.toBeNull();
    await expect(getComputedStyle(icon).scale).toBe('-1 1');
  },
};

/** A 360 px wide column: the panel fits the screen. */
export const Mobile: Story = {
  args: { variant: 'popover', showSignOutAll: true },
  parameters: { mobile: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /Switch account/ }));
    const panel = canvas.getByRole('dialog');
    await expect(panel).toBeVisible();
    const box = panel.getBoundingClientRect();
    await expect(box.left).toBeGreaterThanOrEqual(0);
    await expect(box.right).toBeLessThanOrEqual(canvasElement.ownerDocument.documentElement.clientWidth);
  },
};

/** The inline variant (no trigger), with "Sign out of all accounts". */
export const Inline: Story = {
  args: { variant: 'inline', showSignOutAll: true },
};

/**
 * A single-session instance (Clerk's default: `authConfig.singleSessionMode`): clerk-js refuses a second
 * account, so no "Add account" is offered. `allowAddAccount` overrides what the instance says, either way.
 */
export const SingleSessionInstance: Story = {
  parameters: { clerk: scenarios.singleSession() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    await expect(canvas.getByText('Ada Lovelace')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /Add account/ })).toBeNull();
    await expect(args.onAddAccount).not.toHaveBeenCalled();
  },
};

/** The same instance with `allowAddAccount`: the app handles a second sign-in its own way. */
export const SingleSessionInstanceAllowed: Story = {
  args: { allowAddAccount: true },
  parameters: { clerk: scenarios.singleSession() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /Add account/ }));
    await expect(args.onAddAccount).toHaveBeenCalledTimes(1);
  },
};
