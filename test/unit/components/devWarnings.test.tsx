import { render } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionKitProvider } from '../../../src';
import { CLERK_CORE } from '../../../src/clerk';
import { AlertDialog } from '../../../src/components/parts/AlertDialog';
import { en } from '../../../src/core/messages/en';
import { labelInNameProblems } from '../../../src/core/messages/labelInName';
import { ar, de } from '../../../src/locales';

// Mistakes that pass silently in the browser get one console warning in development, naming the kit.
const warnings = () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return () => warn.mock.calls.map((call) => String(call[0])).filter((text) => text.startsWith('clerk-session-kit:'));
};
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

class Catch extends Component<{ children: ReactNode; onError: (error: Error) => void }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

describe('a catalogue whose full label lacks the short one', () => {
  it("the kit's own catalogues have none", () => {
    for (const catalogue of [en, de, ar]) expect(labelInNameProblems(catalogue)).toEqual([]);
  });

  it('SessionKitProvider warns once, naming the message and what the user would see', () => {
    const warned = warnings();
    const messages = { switcher: { signOutOf: (name: string) => `Log ${name} off` } };
    const { rerender } = render(<SessionKitProvider messages={messages}>x</SessionKitProvider>);
    rerender(<SessionKitProvider messages={{ ...messages }}>x</SessionKitProvider>);
    expect(warned()).toEqual([
      'clerk-session-kit: your messages: switcher.signOutOf("Ada Lovelace") gives "Log Ada Lovelace off", which ' +
        'does not contain "Sign out": SessionSwitcher shows an icon instead of the "Sign out" label (signOut) on ' +
        'every account.',
    ]);
  });

  it('an accessible name without the visible name is reported too', () => {
    const messages = { ...en, switcher: { ...en.switcher, switchTo: () => 'Switch account' } };
    expect(labelInNameProblems(messages)).toEqual([
      'switcher.switchTo("Ada Lovelace", "ada@example.com") gives "Switch account", which does not contain "Ada ' +
        `Lovelace": the name a screen reader gives an account's switch button lacks the name it shows.`,
    ]);
  });

  it('nothing in production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warned = warnings();
    render(
      <SessionKitProvider messages={{ switcher: { signOutOf: () => 'Leave (production)' } }}>x</SessionKitProvider>,
    );
    expect(warned()).toEqual([]);
  });
});

describe('a component outside any ClerkProvider', () => {
  const components: [string, (kit: typeof import('../../../src')) => ReactNode][] = [
    ['SessionInfoCard', (kit) => <kit.SessionInfoCard />],
    ['SessionSwitcher', (kit) => <kit.SessionSwitcher />],
    ['RevokeButton', (kit) => <kit.RevokeButton target={{ type: 'account', sessionId: 'sess_1' }} />],
    ['SignOutAllButton', (kit) => <kit.SignOutAllButton scope="other-devices" />],
    ['ActiveDevices', (kit) => <kit.ActiveDevices />],
    ['IdleTimeoutDialog', (kit) => <kit.IdleTimeoutDialog timeout={60_000} />],
    ['SessionExpiryNotice', (kit) => <kit.SessionExpiryNotice />],
    ['SessionEndedNotice', (kit) => <kit.SessionEndedNotice />],
  ];

  it.each(components)('%s: Clerk still throws, and the kit says which provider and entry fit', async (_, element) => {
    // A fresh kit per component: the warning comes once per page, and each component must reach it.
    vi.resetModules();
    const kit = await import('../../../src');
    const warned = warnings();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const errors: Error[] = [];
    render(<Catch onError={(error) => errors.push(error)}>{element(kit)}</Catch>);
    expect(errors[0]?.message).toMatch(/ClerkProvider/);
    const hint = CLERK_CORE === 3 ? "Core 2 build, 'clerk-session-kit/core-2'" : "Core 3 build, 'clerk-session-kit'";
    expect(warned()).toEqual([expect.stringContaining(hint)]);
  });
});

describe('an unnamed dialog', () => {
  const dialog = (title: string) => (
    <AlertDialog
      open
      title={title}
      description="Sign out of every device?"
      confirmLabel="Sign out"
      cancelLabel="Cancel"
      onConfirm={() => undefined}
      onCancel={() => undefined}
    />
  );

  it('warns when it opens with an empty title, quoting what it shows', () => {
    const warned = warnings();
    render(dialog(' '));
    expect(warned()).toEqual([
      expect.stringMatching(/^clerk-session-kit: a dialog opened with an empty title.*every device/),
    ]);
  });

  it('says nothing for a dialog with a title', () => {
    const warned = warnings();
    render(dialog('Sign out everywhere?'));
    expect(warned()).toEqual([]);
  });
});
