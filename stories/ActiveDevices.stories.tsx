import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useClerk } from '../src/clerk';
import { ActiveDevices } from '../src/components/ActiveDevices';
import type { ReverificationPrompt } from '../src/headless';
import {
  type ClerkGate,
  clerkDelay,
  clerkFailure,
  clerkReverificationRequired,
  device,
  deviceFor,
  type MockClerk,
  type ScenarioDevice,
  scenario,
  scenarios,
  session,
  user,
} from '../src/testing';
import { withClerkGates } from './clerkGates';

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

/** Ada on this Windows/Firefox desktop plus `others`. */
function adaWith(others: ScenarioDevice[]) {
  const current = session({
    id: 'sess_ada',
    user: user({ id: 'user_ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }),
  });
  return scenario({
    sessions: [current],
    devices: [
      deviceFor(current, { browserName: 'Firefox', browserVersion: '145.0', deviceType: 'Windows' }),
      ...others,
    ],
  });
}

const browsers = [
  { browserName: 'Chrome', browserVersion: '142.0.1', deviceType: 'Macintosh', isMobile: false },
  { browserName: 'Safari', browserVersion: '19.1', deviceType: 'iPhone', isMobile: true },
  { browserName: 'Edge', browserVersion: '141.0', deviceType: 'Windows', isMobile: false },
  { browserName: 'Chrome', browserVersion: '141.0', deviceType: 'Android', isMobile: true },
  { browserName: 'Safari', browserVersion: '18.4', deviceType: 'iPad', isMobile: true },
  { browserName: 'Firefox', browserVersion: '144.0', deviceType: 'Linux', isMobile: false },
];
const cities = [
  ['London', 'GB'],
  ['Paris', 'FR'],
  ['Tokyo', 'JP'],
  ['Lagos', 'NG'],
  ['São Paulo', 'BR'],
] as const;

/** 33 other devices, built with `device()`: a list long enough to scroll and to measure. */
const manyOthers = Array.from({ length: 33 }, (_, index) => {
  const [city, country] = cities[index % cities.length] ?? ['London', 'GB'];
  return device({
    id: `sess_many_${String(index).padStart(2, '0')}`,
    lastActiveAt: ago(10 + index * 97),
    latestActivity: {
      ...browsers[index % browsers.length],
      city,
      country,
      ipAddress: `203.0.113.${index + 10}`,
    },
  });
});

/** A fresh gate per story run that counts the revoke requests Clerk receives. */
const countRevokes = withClerkGates({ revokes: 'session.revoke' });

const meta = {
  title: 'Components/ActiveDevices',
  component: ActiveDevices,
  parameters: {
    docs: {
      description: {
        component: [
          "The signed-in user's sessions on every device (`user.getSessions()`): this device first, then the others by",
          'last activity, each with its browser, device, OS, location, IP address (masked by default) and last',
          'activity, and a button to sign it out. Under the list, a button signs out of every other device.',
          '',
          'Clerk answers `[]` when this request fails, and a successful answer always contains the current session, so an',
          'empty answer is shown as an error with a retry, never as "no other device is signed in".',
          '',
          '```tsx',
          "import { ActiveDevices } from 'clerk-session-kit';",
          '',
          '<ActiveDevices />',
          "<ActiveDevices showIpAddress={false} hideSignOutAll classNames={{ row: 'py-4' }} />",
          '```',
          '',
          'Slots (`classNames` key → `data-slot`): `root`, `header`, `list`, `row`, `device`, `meta`, `revoke`,',
          '`signOutAll` (`sign-out-all`), `error`, `empty`. `data-state` on the root: `loading | ready | error | signed-out`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof ActiveDevices>;

export default meta;
type Story = StoryObj<typeof meta>;

const screen = (canvasElement: HTMLElement) => ({
  canvas: within(canvasElement),
  body: within(canvasElement.ownerDocument.body),
  root: () => canvasElement.querySelector<HTMLElement>('[data-slot="root"]'),
  rows: () => Array.from(canvasElement.querySelectorAll<HTMLElement>('[data-slot="row"]')),
});

/** Opens the confirmation for one device and confirms it with the mouse. */
async function revokeWithMouse(canvasElement: HTMLElement, name: RegExp) {
  const { canvas, body } = screen(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name }));
  const dialog = await body.findByRole('alertdialog');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
  return dialog;
}

/** A device's revoke button: its name starts with the device's label, then where and when it was last used. */
const deviceButton = (label: string) =>
  new RegExp(`^Sign out device \\(${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `);

/** The list's own live region (rows have theirs), as the last child of the section. */
const listAnnouncer = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>('[data-slot="root"] > [data-slot="announcer"]');

/** Every non-empty text the list's live region is given, in order: a repeated sentence counts twice. */
function recordAnnouncements(canvasElement: HTMLElement) {
  const region = listAnnouncer(canvasElement);
  if (!region) throw new Error('no announcer');
  const said: string[] = [];
  const observer = new MutationObserver(() => {
    const text = region.textContent ?? '';
    if (text) said.push(text);
  });
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { said, stop: () => observer.disconnect() };
}

export const SeveralDevices: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  play: async ({ canvasElement }) => {
    const { canvas, root, rows } = screen(canvasElement);
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'));
    await expect(canvas.getByRole('heading', { name: 'Active devices' })).toBeVisible();
    const list = rows();
    await expect(list).toHaveLength(4);
    // This device first, badged, and without a button to sign itself out.
    const first = within(list[0] as HTMLElement);
    await expect(first.getByText('Firefox 145 · Windows')).toBeVisible();
    await expect(first.getByText('This device')).toBeVisible();
    await expect(first.queryByRole('button')).toBeNull();
    // Then by last activity: the phone (2 hours ago), the laptop (yesterday), the unknown device (6 days ago).
    const phone = within(list[1] as HTMLElement);
    await expect(phone.getByText('Safari 19 · iPhone')).toBeVisible();
    await expect(phone.getByText('Mobile · iOS')).toBeVisible();
    await expect(phone.getByText('Paris, FR')).toBeVisible();
    await expect(phone.getByText('192.0.2.•••')).toBeVisible();
    // Its machine-readable time is two hours before now (to the minute: a live Storybook's clock moves on).
    const phoneTime = phone.getByText('2 hours ago').getAttribute('datetime') ?? '';
    await expect(Math.round((Date.now() - Date.parse(phoneTime)) / MINUTE)).toBe(120);
    await expect(within(list[2] as HTMLElement).getByText('Chrome 142 · Macintosh')).toBeVisible();
    await expect(within(list[3] as HTMLElement).getByText('Unknown device')).toBeVisible();
    await expect(canvas.getAllByRole('button', { name: /^Sign out device/ })).toHaveLength(3);
    await expect(canvas.getByRole('button', { name: 'Sign out of all other devices' })).toBeVisible();
    await expect(canvas.queryByText('No other device is signed in.')).toBeNull();
  },
};

/** Clerk itself is still loading. */
export const Loading: Story = {
  parameters: { clerk: scenarios.loading() },
  play: async ({ canvasElement }) => {
    const { root } = screen(canvasElement);
    await expect(root()?.querySelector('[data-slot="loading"]')).toHaveAttribute('aria-busy', 'true');
    await expect(root()).toHaveAttribute('data-state', 'loading');
    await expect(canvasElement.querySelectorAll('[data-slot="skeleton"]').length).toBeGreaterThan(0);
  },
};

/** Clerk could not load (`status` `'error'`): the list says so and offers a page reload, never "no devices". */
export const ClerkFailed: Story = {
  // Clerk's provider logs its own load failure; the smoke test expects exactly that message here.
  tags: ['clerk-load-error'],
  parameters: { clerk: scenarios.clerkFailed() },
  play: async ({ canvasElement }) => {
    const { canvas, root } = screen(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Your session could not be loaded.');
    await expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeVisible();
    await expect(root()?.querySelector('[aria-busy]')).toBeNull();
    await expect(canvas.queryByRole('button', { name: /^Sign out/ })).toBeNull();
  },
};

/** Clerk runs on partial data (`status` `'degraded'`): the device list loads and signs devices out as usual. */
export const ClerkDegraded: Story = {
  parameters: { clerk: scenarios.clerkDegraded() },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    await expect(await canvas.findAllByRole('button', { name: /^Sign out device/ })).toHaveLength(3);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Clerk is loaded, the device list is still on its way. */
export const LoadingDevices: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkDelay('user.getSessions', 'infinite')],
  },
  play: async ({ canvasElement }) => {
    const { canvas, root } = screen(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Active devices' })).toBeVisible();
    await expect(root()?.querySelector('[data-slot="loading"]')).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const SignedOut: Story = {
  parameters: { clerk: scenarios.signedOut() },
  play: async ({ canvasElement }) => {
    const { canvas, root } = screen(canvasElement);
    await expect(await canvas.findByText('You are signed out.')).toBeVisible();
    await expect(root()).toHaveAttribute('data-state', 'signed-out');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const OnlyThisDevice: Story = {
  parameters: { clerk: scenarios.oneAccount() },
  play: async ({ canvasElement }) => {
    const { canvas, rows } = screen(canvasElement);
    const empty = await canvas.findByText('No other device is signed in.');
    await expect(rows()).toHaveLength(1);
    await expect(canvas.getByText('This device')).toBeVisible();
    // The sign-out-all button stays (focus has somewhere to be) but is disabled, and says why.
    const button = canvas.getByRole('button', { name: 'Sign out of all other devices' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription('No other device is signed in.');
    await expect(button.getAttribute('aria-describedby')).toBe(empty.id);
    await userEvent.click(button);
    await expect(within(canvasElement.ownerDocument.body).queryByRole('alertdialog')).toBeNull();
  },
};

export const ManyDevices: Story = {
  parameters: { clerk: adaWith(manyOthers) },
  play: async ({ canvasElement }) => {
    const { canvas, rows } = screen(canvasElement);
    await canvas.findByText('Firefox 145 · Windows');
    await expect(rows()).toHaveLength(34);
    await expect(canvas.getAllByRole('button', { name: /^Sign out device/ })).toHaveLength(33);
    await expect(rows()[0]).toHaveAttribute('data-current', 'true');
  },
};

export const RevokeDevice: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  play: async ({ canvasElement }) => {
    const { canvas, body, rows } = screen(canvasElement);
    // The visible text says "Sign out device"; the name also says which one, where and when it was last used.
    const phone = await canvas.findByRole('button', {
      name: 'Sign out device (Safari 19 · iPhone · Paris, FR · Last active 2 hours ago)',
    });
    await expect(phone).toHaveTextContent(/^Sign out device/);
    await userEvent.click(phone);
    const dialog = await body.findByRole('alertdialog', { name: 'Sign out Safari 19 · iPhone?' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(canvas.queryByText('Safari 19 · iPhone')).toBeNull());
    await expect(rows()).toHaveLength(3);
    await waitFor(() => expect(listAnnouncer(canvasElement)).toHaveTextContent('Safari 19 · iPhone was signed out.'));
    // The row is gone: focus goes to the next device's button, not to the page.
    const laptop = canvas.getByRole('button', { name: deviceButton('Chrome 142 · Macintosh') });
    await waitFor(() => expect(laptop).toHaveFocus());
    // The sign-out-all count follows the list.
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out of all other devices' }));
    await expect(await body.findByRole('alertdialog', { name: 'Sign out of 2 other devices?' })).toBeVisible();
  },
};

export const RevokePending: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkDelay('session.revoke', 'infinite')],
  },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    const dialog = await revokeWithMouse(canvasElement, /Safari 19 · iPhone/);
    const confirm = within(dialog).getByRole('button', { name: 'Sign out' });
    await waitFor(() => expect(confirm).toHaveAttribute('aria-busy', 'true'));
    // Escape and Cancel do nothing while Clerk works; the row stays until Clerk answers.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(dialog).toBeVisible();
    await expect(canvas.getByText('Safari 19 · iPhone')).toBeInTheDocument();
  },
};

/** Revokes the phone and checks that it failed: the row stays and the failure is announced. */
async function phoneFails(canvasElement: HTMLElement, reason: RegExp) {
  const { canvas, rows } = screen(canvasElement);
  await revokeWithMouse(canvasElement, deviceButton('Safari 19 · iPhone'));
  const alert = await canvas.findByRole('alert');
  await expect(alert).toHaveTextContent('Could not sign out Safari 19 · iPhone.');
  await expect(alert).toHaveTextContent(reason);
  await expect(rows()).toHaveLength(4);
  await expect(canvas.getByText('Safari 19 · iPhone')).toBeVisible();
  await expect(canvas.queryByText(/was signed out/)).toBeNull();
  return alert;
}

/** Try again on a failure that will now succeed: the row goes, and focus moves on to the next device's button. */
async function retrySucceeds(canvasElement: HTMLElement, alert: HTMLElement) {
  const { canvas, rows } = screen(canvasElement);
  await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
  await waitFor(() => expect(rows()).toHaveLength(3));
  await waitFor(() => expect(listAnnouncer(canvasElement)).toHaveTextContent('Safari 19 · iPhone was signed out.'));
  await expect(canvas.queryByRole('alert')).toBeNull();
  await waitFor(() =>
    expect(canvas.getByRole('button', { name: deviceButton('Chrome 142 · Macintosh') })).toHaveFocus(),
  );
}

/** Shared by the failure stories: the row stays, the failure is announced, and a retry succeeds. */
const failureThenRetry =
  (reason: RegExp) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await retrySucceeds(canvasElement, await phoneFails(canvasElement, reason));
  };

export const RevokeFailureServerError: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('session.revoke', { status: 500 }, { once: true })],
  },
  play: failureThenRetry(/Something went wrong on our side/),
};

/** A 403 would only fail again: no Try again. Dismissed, the notice goes, the row stays and keeps focus. */
export const RevokeFailureForbidden: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('session.revoke', { status: 403 }, { once: true })],
  },
  play: async ({ canvasElement }) => {
    const { canvas, rows } = screen(canvasElement);
    const alert = await phoneFails(canvasElement, /not authorized/);
    await expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(rows()).toHaveLength(4);
    await waitFor(() => expect(canvas.getByRole('button', { name: deviceButton('Safari 19 · iPhone') })).toHaveFocus());
  },
};

/**
 * A retry that fails again: focus waits on the row's button while it runs, then goes to the new notice's
 * Try again (never to the page); the next retry succeeds and focus moves on to the next device.
 */
export const RevokeFailureRetryFailsAgain: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [
      clerkFailure('session.revoke', { status: 500 }, { once: true }),
      clerkFailure('session.revoke', { status: 429 }, { once: true }),
    ],
  },
  play: async ({ canvasElement }) => {
    const { canvas, rows } = screen(canvasElement);
    const first = await phoneFails(canvasElement, /Something went wrong on our side/);
    await userEvent.click(within(first).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/Too many attempts/));
    const second = canvas.getByRole('alert');
    await expect(rows()).toHaveLength(4);
    const retry = within(second).getByRole('button', { name: 'Try again' });
    await waitFor(() => expect(retry).toHaveFocus());
    await expect(canvasElement.ownerDocument.activeElement).not.toBe(canvasElement.ownerDocument.body);
    await retrySucceeds(canvasElement, second);
  },
};

export const RevokeFailureNetwork: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('session.revoke', 'network', { once: true })],
  },
  play: failureThenRetry(/Could not reach Clerk/),
};

/**
 * Clerk answers 404: the session no longer exists (signed out elsewhere, expired). The row goes instead of
 * failing forever, and the announcement says it is signed out without claiming that this click did it.
 */
export const RevokeAlreadySignedOut: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('session.revoke', { status: 404 }, { sessionId: 'sess_ada_phone' })],
  },
  play: async ({ canvasElement }) => {
    const { canvas, rows } = screen(canvasElement);
    await revokeWithMouse(canvasElement, deviceButton('Safari 19 · iPhone'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    await expect(canvas.queryByText('Safari 19 · iPhone')).toBeNull();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await waitFor(() =>
      expect(listAnnouncer(canvasElement)).toHaveTextContent(
        'Safari 19 · iPhone was signed out. This session no longer exists.',
      ),
    );
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: deviceButton('Chrome 142 · Macintosh') })).toHaveFocus(),
    );
    // Counted no more by the sign-out-all button.
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out of all other devices' }));
    const body = within(canvasElement.ownerDocument.body);
    await expect(await body.findByRole('alertdialog', { name: 'Sign out of 2 other devices?' })).toBeVisible();
  },
};

/** Two devices with the same name: their buttons still differ for screen readers, and each sign-out is announced. */
export const SameNameDevices: Story = {
  parameters: {
    clerk: adaWith([
      device({
        id: 'sess_ada_iphone_paris',
        lastActiveAt: ago(2 * 60),
        latestActivity: { ...browsers[1], city: 'Paris', country: 'FR', ipAddress: '192.0.2.55' },
      }),
      device({
        id: 'sess_ada_iphone_lyon',
        lastActiveAt: ago(3 * 24 * 60),
        latestActivity: { ...browsers[1], city: 'Lyon', country: 'FR', ipAddress: '192.0.2.80' },
      }),
    ]),
  },
  play: async ({ canvasElement }) => {
    const { canvas, body, rows } = screen(canvasElement);
    await waitFor(() => expect(canvas.getAllByText('Safari 19 · iPhone')).toHaveLength(2));
    const [paris, lyon] = canvas.getAllByRole('button', { name: deviceButton('Safari 19 · iPhone') });
    await expect(paris).toHaveAccessibleName(
      'Sign out device (Safari 19 · iPhone · Paris, FR · Last active 2 hours ago)',
    );
    await expect(lyon).toHaveAccessibleName('Sign out device (Safari 19 · iPhone · Lyon, FR · Last active 3 days ago)');
    // The visible text is the same on both, as on every row.
    await expect(paris).toHaveTextContent(/^Sign out device/);

    const announcements = recordAnnouncements(canvasElement);
    for (const [left, button] of [
      [2, paris],
      [1, lyon],
    ] as const) {
      await userEvent.click(button as HTMLElement);
      const dialog = await body.findByRole('alertdialog', { name: 'Sign out Safari 19 · iPhone?' });
      await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
      await waitFor(() => expect(rows()).toHaveLength(left));
      await waitFor(() => expect(listAnnouncer(canvasElement)).toHaveTextContent('Safari 19 · iPhone was signed out.'));
    }
    // The same sentence twice is announced twice: the region was cleared in between.
    await waitFor(() =>
      expect(announcements.said).toEqual(['Safari 19 · iPhone was signed out.', 'Safari 19 · iPhone was signed out.']),
    );
    announcements.stop();
  },
};

/**
 * A failed device, retried (Clerk slow to answer) while "Sign out of all other devices" runs: the session is
 * revoked once, not twice at the same time. 1 failed + 1 retry for the phone, 1 each for the other two.
 */
export const RetryAndSignOutAllSendOneRequestPerDevice: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [
      clerkFailure('session.revoke', { status: 500 }, { sessionId: 'sess_ada_phone', once: true }),
      clerkDelay('session.revoke', 800),
    ],
  },
  loaders: [countRevokes],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const { canvas, body, rows } = screen(canvasElement);
    const alert = await phoneFails(canvasElement, /Something went wrong on our side/);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out of all other devices' }));
    const dialog = await body.findByRole('alertdialog', { name: 'Sign out of 3 other devices?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(rows()).toHaveLength(1), { timeout: 5000 });
    await waitFor(() => expect(canvas.getByText('Signed out of 3 sessions.')).toBeInTheDocument());
    await expect(revokes.count).toBe(4);
  },
};

export const LoadFailure: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('user.getSessions', { status: 500 }, { once: true })],
  },
  play: async ({ canvasElement }) => {
    const { canvas, root, rows } = screen(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load your devices.');
    await expect(root()).toHaveAttribute('data-state', 'error');
    // A failed request is never shown as "no other devices", nor offers to sign out of them.
    await expect(canvas.queryByText('No other device is signed in.')).toBeNull();
    await expect(canvas.queryByRole('button', { name: /Sign out/ })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    await expect(root()).toHaveAttribute('data-state', 'ready');
    // The retry button went away with the error; focus is on the title, not lost.
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Active devices' })).toHaveFocus());
  },
};

export const IpAddressShown: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  args: { showIpAddress: true },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('192.0.2.55')).toBeVisible();
  },
};

export const IpAddressMasked: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  args: { showIpAddress: 'masked' },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    await expect(await canvas.findByText('192.0.2.•••')).toBeVisible();
    await expect(canvas.queryByText('192.0.2.55')).toBeNull();
  },
};

export const IpAddressHidden: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  args: { showIpAddress: false },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    await canvas.findByText('Safari 19 · iPhone');
    await expect(canvas.queryByText(/192\.0\.2/)).toBeNull();
    await expect(canvas.queryByText(/198\.51\.100/)).toBeNull();
  },
};

export const LongDeviceNames: Story = {
  parameters: {
    clerk: adaWith([
      device({
        id: 'sess_long',
        latestActivity: {
          browserName: 'Microsoft Edge WebView2 Embedded Runtime for Enterprise Kiosks',
          browserVersion: '141.0.3537.99',
          deviceType: 'SamsungGalaxyZFold7UltraDeveloperEditionWithAnExtremelyLongModelName',
          isMobile: true,
          city: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
          country: 'GB',
          ipAddress: '2001:db8:85a3:8d3:1319:8a2e:370:7348',
        },
      }),
    ]),
    mobile: true,
  },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    const [name] = await canvas.findAllByText(/Microsoft Edge WebView2/);
    await expect(canvas.getByText('2001:db8:85a3:••••')).toBeVisible();
    // Nothing pushes the card wider than its column.
    const root = canvasElement.querySelector('[data-slot="root"]') as HTMLElement;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
    await expect(name?.getBoundingClientRect().right).toBeLessThanOrEqual(root.getBoundingClientRect().right);
  },
};

export const Dark: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Safari 19 · iPhone');
    await expect(canvasElement.ownerDocument.documentElement).toHaveClass('dark');
  },
};

export const RightToLeft: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'الأجهزة النشطة' })).toBeVisible();
    await expect(await canvas.findByText('هذا الجهاز')).toBeVisible();
    // The revoke buttons sit at the inline end, which is the left in Arabic.
    const row = screen(canvasElement).rows()[1] as HTMLElement;
    const button = within(row).getByRole('button');
    const name = within(row).getByText(/^Safari 19/);
    await expect(button.getBoundingClientRect().right).toBeLessThan(name.getBoundingClientRect().left);
  },
};

export const Mobile: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    mobile: true,
  },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    await canvas.findByText('Safari 19 · iPhone');
    const root = canvasElement.querySelector('[data-slot="root"]') as HTMLElement;
    await expect(root.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

/** Keyboard only: Tab, Enter, Escape. Focus never gets lost, also when the focused row goes away. */
export const KeyboardOnly: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  play: async ({ canvasElement }) => {
    const { canvas, body, rows } = screen(canvasElement);
    await canvas.findByText('Safari 19 · iPhone');
    // This device has no button, so the first Tab stop is the phone's.
    await userEvent.tab();
    const phone = canvas.getByRole('button', { name: deviceButton('Safari 19 · iPhone') });
    await expect(phone).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    let dialog = await body.findByRole('alertdialog', { name: 'Sign out Safari 19 · iPhone?' });
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('alertdialog')).toBeNull());
    await expect(phone).toHaveFocus();
    await expect(rows()).toHaveLength(4);

    await userEvent.keyboard('{Enter}');
    dialog = await body.findByRole('alertdialog', { name: 'Sign out Safari 19 · iPhone?' });
    await userEvent.tab();
    await expect(within(dialog).getByRole('button', { name: 'Sign out' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(rows()).toHaveLength(3));
    // Focus moves on to the next device.
    const laptop = canvas.getByRole('button', { name: deviceButton('Chrome 142 · Macintosh') });
    await waitFor(() => expect(laptop).toHaveFocus());

    // The last row: focus falls back to the previous device.
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: deviceButton('Unknown device') })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await body.findByRole('alertdialog', { name: 'Sign out Unknown device?' });
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(laptop).toHaveFocus());

    // The only one left: focus goes to the title, and the list says no other device is signed in.
    await userEvent.keyboard('{Enter}');
    await body.findByRole('alertdialog', { name: 'Sign out Chrome 142 · Macintosh?' });
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(rows()).toHaveLength(1));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Active devices' })).toHaveFocus());
    await expect(canvas.getByText('No other device is signed in.')).toBeVisible();
  },
};

/** A double click on the confirmation sends exactly one request to Clerk. */
export const DoubleClickSendsOneRequest: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  loaders: [countRevokes],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const { canvas, body, rows } = screen(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /Safari 19 · iPhone/ }));
    const dialog = await body.findByRole('alertdialog');
    await userEvent.dblClick(within(dialog).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    await expect(revokes.count).toBe(1);
  },
};

export const SignOutAllOtherDevices: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  play: async ({ canvasElement }) => {
    const { canvas, body, rows } = screen(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out of all other devices' }));
    const dialog = await body.findByRole('alertdialog', { name: 'Sign out of 3 other devices?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await waitFor(() => expect(canvas.getByText('Signed out of 3 sessions.')).toBeInTheDocument());
    await expect(canvas.getByText('No other device is signed in.')).toBeVisible();
    const button = canvas.getByRole('button', { name: 'Sign out of all other devices' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    // Focus comes back in the effect after the commit that shows the outcome, which waitFor can see first.
    await waitFor(() => expect(button).toHaveFocus());
  },
};

export const SignOutAllPartialFailure: Story = {
  parameters: {
    clerk: scenarios.otherDevices(),
    msw: [clerkFailure('session.revoke', { status: 500 }, { sessionId: 'sess_ada_laptop', once: true })],
  },
  play: async ({ canvasElement }) => {
    const { canvas, body, rows } = screen(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out of all other devices' }));
    const dialog = await body.findByRole('alertdialog', { name: 'Sign out of 3 other devices?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('1 of 3 could not be signed out.');
    // Only what Clerk confirmed left the list.
    await expect(rows()).toHaveLength(2);
    await expect(canvas.getByText('Chrome 142 · Macintosh')).toBeVisible();
    await expect(canvas.queryByText('Signed out of 3 sessions.')).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await expect(canvas.getByText('Signed out of 1 session.')).toBeInTheDocument();
  },
};

export const WithoutSignOutAll: Story = {
  parameters: { clerk: scenarios.otherDevices() },
  args: { hideSignOutAll: true },
  play: async ({ canvasElement }) => {
    const { canvas } = screen(canvasElement);
    await canvas.findByText('Safari 19 · iPhone');
    await expect(canvas.queryByRole('button', { name: 'Sign out of all other devices' })).toBeNull();
  },
};

/** The mock's stand-in for Clerk's "verify it's you" modal, once it is open. */
async function verificationPrompt(canvasElement: HTMLElement) {
  return within(await screen(canvasElement).body.findByRole('dialog', { name: "Verify it's you" }));
}

/** Counts the "verify it's you" prompts the mock opens while `run` runs. */
async function countPrompts(canvasElement: HTMLElement, run: () => Promise<void>) {
  let opened = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof HTMLElement && node.dataset.slot === 'mock-reverification') opened += 1;
  });
  observer.observe(canvasElement.ownerDocument.body, { childList: true });
  try {
    await run();
  } finally {
    observer.disconnect();
  }
  return opened;
}

/**
 * The user last verified 30 minutes ago: Clerk asks to verify again before a device is signed out (revoking a
 * session is a sensitive action for Clerk, 10 minutes). The confirmation closes, Clerk's prompt opens (the mock's
 * stand-in here), and once verified the device is signed out.
 */
export const RevokeNeedsVerification: Story = {
  parameters: { clerk: scenarios.staleVerification() },
  loaders: [countRevokes],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const { canvas, body, rows } = screen(canvasElement);
    const dialog = await revokeWithMouse(canvasElement, deviceButton('Safari 19 · iPhone'));
    const prompt = await verificationPrompt(canvasElement);
    // The kit's own modal dialog is closed: left open, it would make Clerk's modal inert.
    await expect(dialog).not.toBeVisible();
    await expect(canvas.getByText('Safari 19 · iPhone')).toBeInTheDocument();
    await userEvent.click(prompt.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(canvas.queryByText('Safari 19 · iPhone')).toBeNull());
    await expect(rows()).toHaveLength(3);
    await waitFor(() => expect(listAnnouncer(canvasElement)).toHaveTextContent('Safari 19 · iPhone was signed out.'));
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: deviceButton('Chrome 142 · Macintosh') })).toHaveFocus(),
    );
    await expect(body.queryByRole('dialog', { name: "Verify it's you" })).toBeNull();
    // The mock refuses the first attempt itself (FAPI would answer 403); the retry reaches Clerk once.
    await expect(revokes.count).toBe(1);
  },
};

/** The user cancels the verification: nothing is signed out, nothing is reported as an error, and they can start again. */
export const RevokeVerificationCancelled: Story = {
  parameters: { clerk: scenarios.staleVerification() },
  loaders: [countRevokes],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const { canvas, body, rows } = screen(canvasElement);
    await revokeWithMouse(canvasElement, deviceButton('Safari 19 · iPhone'));
    const prompt = await verificationPrompt(canvasElement);
    await userEvent.click(prompt.getByRole('button', { name: 'Cancel' }));
    const phone = canvas.getByRole('button', { name: deviceButton('Safari 19 · iPhone') });
    await waitFor(() => expect(phone).toHaveFocus());
    await expect(phone).not.toHaveAttribute('aria-busy');
    await expect(rows()).toHaveLength(4);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(revokes.count).toBe(0);
    // Escape in the prompt cancels too, and the flow can be started again.
    await userEvent.click(phone);
    await userEvent.click(within(await body.findByRole('alertdialog')).getByRole('button', { name: 'Sign out' }));
    await verificationPrompt(canvasElement);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(phone).toHaveFocus());
    await expect(rows()).toHaveLength(4);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/**
 * The user verifies, but Clerk still asks (here every revoke answers 403 `session_reverification_required`,
 * through `clerkReverificationRequired()`): the device stays listed and the failure is announced, without a
 * Try again that could only fail the same way.
 */
export const RevokeVerificationFails: Story = {
  parameters: { clerk: scenarios.otherDevices(), msw: [clerkReverificationRequired('session.revoke')] },
  play: async ({ canvasElement }) => {
    const { canvas, rows } = screen(canvasElement);
    await revokeWithMouse(canvasElement, deviceButton('Safari 19 · iPhone'));
    const prompt = await verificationPrompt(canvasElement);
    await userEvent.click(prompt.getByRole('button', { name: 'Verify' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Clerk could not confirm it is you, so the session stays signed in.');
    await expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    await expect(rows()).toHaveLength(4);
    await expect(canvas.getByText('Safari 19 · iPhone')).toBeInTheDocument();
  },
};

/** "Sign out of all other devices" with a stale verification: ONE verification, then all 3 devices are signed out. */
export const SignOutAllVerifiesOnce: Story = {
  parameters: { clerk: scenarios.staleVerification() },
  loaders: [countRevokes],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const { canvas, body, rows } = screen(canvasElement);
    const prompts = await countPrompts(canvasElement, async () => {
      await userEvent.click(await canvas.findByRole('button', { name: 'Sign out of all other devices' }));
      const dialog = await body.findByRole('alertdialog', { name: 'Sign out of 3 other devices?' });
      await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
      await userEvent.click((await verificationPrompt(canvasElement)).getByRole('button', { name: 'Verify' }));
      await waitFor(() => expect(rows()).toHaveLength(1));
    });
    await expect(prompts).toBe(1);
    await waitFor(() => expect(canvas.getByText('Signed out of 3 sessions.')).toBeInTheDocument());
    await expect(revokes.count).toBe(3);
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Sign out of all other devices' })).toHaveFocus());
  },
};

/** Cancelling the one verification of a sign-out-all leaves all 3 devices signed in and reports nothing. */
export const SignOutAllVerificationCancelled: Story = {
  parameters: { clerk: scenarios.staleVerification() },
  loaders: [countRevokes],
  play: async ({ canvasElement, loaded }) => {
    const revokes: ClerkGate = loaded.revokes;
    const { canvas, body, rows } = screen(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Sign out of all other devices' });
    await userEvent.click(trigger);
    const dialog = await body.findByRole('alertdialog', { name: 'Sign out of 3 other devices?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await userEvent.click((await verificationPrompt(canvasElement)).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(trigger).toHaveFocus());
    await expect(rows()).toHaveLength(4);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(revokes.count).toBe(0);
  },
};

/** Verifies the user in the mock as a real "verify it's you" form would: every factor verified just now. */
function verifyInMock(clerk: ReturnType<typeof useClerk>) {
  // useClerk() returns Clerk's wrapper; the instance it wraps (the mock here) is its `clerkjs`.
  const mock = (clerk as unknown as { clerkjs?: MockClerk }).clerkjs;
  mock?.mock.update((current) => ({
    ...current,
    sessions: current.sessions.map((entry) => ({ ...entry, factorVerificationAge: [0, -1] })),
  }));
}

/** An app's own prompt, rendered from `onNeedsReverification` instead of Clerk's modal. */
function WithOwnPrompt() {
  const clerk = useClerk();
  const [prompt, setPrompt] = useState<ReverificationPrompt | null>(null);
  return (
    <>
      <ActiveDevices onNeedsReverification={setPrompt} />
      {prompt ? (
        <section aria-label="Confirm it's you" className="csk-note" style={{ marginTop: 16 }}>
          <p>Enter your password to sign the device out (level: {prompt.level ?? 'strongest factor'}).</p>
          <button
            type="button"
            onClick={() => {
              verifyInMock(clerk);
              setPrompt(null);
              prompt.complete();
            }}
          >
            Confirm
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setPrompt(null);
              prompt.cancel();
            }}
          >
            Not now
          </button>
        </section>
      ) : null}
    </>
  );
}

/** `onNeedsReverification`: the app renders its own step (here a region under the list), then calls `complete()`. */
export const OwnVerificationPrompt: Story = {
  parameters: { clerk: scenarios.staleVerification() },
  render: () => <WithOwnPrompt />,
  play: async ({ canvasElement }) => {
    const { canvas, body, rows } = screen(canvasElement);
    await revokeWithMouse(canvasElement, deviceButton('Safari 19 · iPhone'));
    const own = await canvas.findByRole('region', { name: "Confirm it's you" });
    await expect(body.queryByRole('dialog', { name: "Verify it's you" })).toBeNull();
    await userEvent.click(within(own).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    await expect(canvas.queryByText('Safari 19 · iPhone')).toBeNull();
  },
};
