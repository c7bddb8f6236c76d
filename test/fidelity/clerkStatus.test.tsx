import { useClerk } from '@clerk/react';
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { type ClerkLoadStatus, useClerkStatus } from '../../src/clerk';
import { SessionInfoCard } from '../../src/components/SessionInfoCard';
import { scenarios } from '../../src/testing/scenarios';
import { mockTarget, realTarget, renderUnderClerk, setupTargetServer } from './targets';

/*
 * Clerk failed to load, on the REAL clerk-js (6 on Core 3, 5 on Core 2) answering over MSW. Measured here: when its
 * Frontend API cannot be reached at all (every request a network error or a 500, the first being
 * POST /v1/dev_browser) `load()` rejects and `<ClerkProvider>` reports `status` `'error'` with `loaded` false for
 * good; when only the environment request gets a 500 it loads on what it has, `status` `'degraded'`, and the session
 * is there. (A network error on the environment alone still ends `'ready'`.) What clerk-js reports is asserted
 * first, then that the kit's `useClerkStatus` reads the same and a component shows it; the mock must read the same.
 */
const { server } = setupTargetServer();

const seen: { status: unknown; loaded: unknown; kit: ClerkLoadStatus | null } = {
  status: null,
  loaded: null,
  kit: null,
};

function Probe() {
  const clerk = useClerk();
  seen.status = clerk.status;
  seen.loaded = clerk.loaded;
  seen.kit = useClerkStatus();
  return null;
}

const networkError = () => HttpResponse.error();
const serverError = () => HttpResponse.json({ errors: [{ code: 'internal_error' }] }, { status: 500 });

/** The card and the status probe under the booted Clerk: every case reads both. */
const renderCard = (booted: Parameters<typeof renderUnderClerk>[0]) =>
  renderUnderClerk(
    booted,
    <>
      <Probe />
      <SessionInfoCard />
    </>,
  );

describe('Clerk failed to load', () => {
  for (const [failure, answer] of [
    ['a network error', networkError],
    ['a 500', serverError],
  ] as const) {
    it(`real clerk-js whose every Frontend API request gets ${failure}: status 'error', the kit reads 'error'`, async () => {
      const booted = await realTarget.boot(scenarios.oneAccount());
      server.use(http.all(`https://${booted.host}/v1/*`, answer));
      renderCard(booted);
      await waitFor(() => expect(seen.status).toBe('error'));
      expect(seen.loaded).toBe(false);
      expect(seen.kit).toBe('error');
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Your session could not be loaded.');
      expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeTruthy();
    });
  }

  it("real clerk-js whose environment request gets a 500: status 'degraded', the kit reads it and the card works", async () => {
    const booted = await realTarget.boot(scenarios.oneAccount());
    server.use(http.all(`https://${booted.host}/v1/environment`, serverError), ...booted.handlers);
    renderCard(booted);
    await waitFor(() => expect(seen.status).toBe('degraded'));
    expect(seen.loaded).toBe(true);
    expect(seen.kit).toBe('degraded');
    expect(await screen.findByText('Ada Lovelace')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("the mock's load: 'error' reads the same: status 'error', loaded false, the same alert", async () => {
    const booted = await mockTarget.boot(scenarios.clerkFailed());
    server.use(...booted.handlers);
    renderCard(booted);
    await waitFor(() => expect(seen.status).toBe('error'));
    expect(seen.loaded).toBe(false);
    expect(seen.kit).toBe('error');
    expect((await screen.findByRole('alert')).textContent).toContain('Your session could not be loaded.');
  });

  it("the mock's load: 'degraded' is loaded with status 'degraded', and the kit reads 'degraded'", async () => {
    const booted = await mockTarget.boot(scenarios.clerkDegraded());
    server.use(...booted.handlers);
    renderCard(booted);
    await waitFor(() => expect(seen.kit).toBe('degraded'));
    expect(seen.status).toBe('degraded');
    expect(seen.loaded).toBe(true);
    expect(await screen.findByText('Ada Lovelace')).toBeTruthy();
  });
});
