import { act, waitFor } from '@testing-library/react';
import { type ReactNode, Suspense, use } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ClerkProvider } from '../../../src/clerk';
import { useSessionFreshness } from '../../../src/headless/useSessionFreshness';
import { useSessionInfo } from '../../../src/headless/useSessionInfo';
import { useSessionSwitcher } from '../../../src/headless/useSessionSwitcher';
import { useSignOutAll } from '../../../src/headless/useSignOutAll';
import { createMockClerk, MOCK_PUBLISHABLE_KEY, MockClerkProvider, scenarios } from '../../../src/testing';

/** What the hooks report, as text (a text mismatch is a hydration error in React). */
function Probe({ seen }: { seen?: string[] }) {
  const info = useSessionInfo();
  const freshness = useSessionFreshness({ maxAge: 10 });
  const switcher = useSessionSwitcher();
  const signOut = useSignOutAll({ scope: 'this-browser' });
  const text = `${info.status}|${freshness.status}|${switcher.accounts.length}|${signOut.accountCount}`;
  seen?.push(text);
  return <p>{text}</p>;
}

/** Renders its children once `gateState.until` resolved (at once when it is null, as on the server). */
const gateState: { until: Promise<void> | null } = { until: null };
function Gate({ children }: { children: ReactNode }) {
  if (gateState.until) use(gateState.until);
  return children;
}

const LOADING = 'loading|loading|0|0';
const containers: HTMLElement[] = [];
afterEach(() => {
  gateState.until = null;
  for (const container of containers.splice(0)) container.remove();
});

describe('useClerkSelector on the server and during hydration', () => {
  it('renders the loading markup on the server under MockClerkProvider', () => {
    const html = renderToString(
      <MockClerkProvider scenario={scenarios.manyAccounts()}>
        <Probe />
      </MockClerkProvider>,
    );
    expect(html).toContain(`<p>${LOADING}</p>`);
  });

  it('hydrates that markup without a mismatch when Clerk loaded before the boundary hydrates', async () => {
    // Streaming SSR: the provider hydrates first and Clerk loads; a Suspense boundary below it hydrates later,
    // and its first render must still match the server's (not loaded) markup.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const app = (clerk: object, seen?: string[]) => (
      <ClerkProvider Clerk={clerk as never} publishableKey={MOCK_PUBLISHABLE_KEY}>
        <Suspense fallback={null}>
          <Gate>
            <Probe seen={seen} />
          </Gate>
        </Suspense>
      </ClerkProvider>
    );
    const container = document.createElement('div');
    containers.push(container);
    document.body.append(container);
    container.innerHTML = renderToString(app(createMockClerk(scenarios.manyAccounts())));
    expect(container.textContent).toBe(LOADING);

    const clerk = createMockClerk(scenarios.manyAccounts());
    const errors: unknown[] = [];
    const seen: string[] = [];
    gateState.until = gate;
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, app(clerk, seen), { onRecoverableError: (error) => errors.push(error) });
    });
    await waitFor(() => expect(clerk.loaded).toBe(true));
    await act(async () => {
      release();
      await gate;
    });
    await waitFor(() => expect(container.textContent).toBe('active|fresh|4|4'));
    expect(errors).toEqual([]);
    expect(seen[0]).toBe(LOADING);
    act(() => root?.unmount());
  });
});
