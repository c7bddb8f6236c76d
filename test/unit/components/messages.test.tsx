import { cleanup, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RevokeButton, SessionInfoCard, SessionKitProvider, useKit } from '../../../src';
import { de } from '../../../src/locales';
import { MockClerkProvider, scenarios } from '../../../src/testing';

// Components take their English from their own sections when no provider is set (so a one-component bundle
// carries only its strings); these tests pin that the result is the same English, and that a provider still wins.
const accounts = scenarios.manyAccounts();
const withClerk = (children: ReactNode) => <MockClerkProvider scenario={accounts}>{children}</MockClerkProvider>;
const otherAccount = () => {
  const other = accounts.sessions.find((entry) => entry.id !== accounts.currentSessionId);
  if (!other) throw new Error('manyAccounts has a second account');
  return other.id;
};

describe('strings', () => {
  afterEach(cleanup);

  it('without a provider, components speak English', async () => {
    render(withClerk(<SessionInfoCard />));
    expect(await screen.findByText('Signed in')).toBeTruthy();
    expect(screen.getByText('Last active')).toBeTruthy();
  });

  it('a partial catalogue replaces only the strings it names', async () => {
    render(
      <SessionKitProvider messages={{ revoke: { accountAction: 'Log out' } }}>
        {withClerk(<RevokeButton target={{ type: 'account', sessionId: otherAccount() }} />)}
      </SessionKitProvider>,
    );
    expect(await screen.findByRole('button', { name: /^Log out/ })).toBeTruthy();
  });

  it('a full catalogue from clerk-session-kit/locales translates every component', async () => {
    render(<SessionKitProvider messages={de}>{withClerk(<SessionInfoCard />)}</SessionKitProvider>);
    expect(await screen.findByText(de.created)).toBeTruthy();
    expect(screen.queryByText('Signed in')).toBeNull();
  });

  it('useKit() without a provider returns the whole English catalogue', () => {
    const { result } = renderHook(() => useKit());
    expect(result.current.messages.devices.title).toBe('Active devices');
    expect(result.current.messages.switcher.label).toBe('Accounts in this browser');
  });
});
