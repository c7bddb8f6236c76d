import { useClerk } from '@clerk/react';
import { act, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { type SessionEnded, useSessionEnded } from '../../src/headless/useSessionEnded';
import { scenarios } from '../../src/testing/scenarios';
import type { FapiBackend } from './fapiBackend';
import { realTarget, renderUnderClerk, setupTargetServer } from './targets';

/*
 * Why was I signed out, on the REAL clerk-js: the fake FAPI ends the session the way Clerk does (the next token
 * refresh is answered 401 `signed_out`, and the re-read client lists the session with its final status), or
 * another tab signs out (clerk-js's own `{ type: 'signout' }` on BroadcastChannel 'clerk', the server having
 * removed the session). What clerk-js reports in each case is asserted first, then what useSessionEnded makes of it.
 */
const { server, requests } = setupTargetServer();

// biome-ignore lint/suspicious/noExplicitAny: the real clerk-js instance, driven through its public methods.
type AnyClerk = any;
const seen: { clerk: AnyClerk; ended: SessionEnded | null } = { clerk: null, ended: null };

function Probe() {
  seen.clerk = useClerk();
  seen.ended = useSessionEnded();
  return null;
}

async function boot(): Promise<{ backend: FapiBackend; host: string; mark: number }> {
  const booted = await realTarget.boot(scenarios.oneAccount());
  server.use(...booted.handlers);
  renderUnderClerk(booted, <Probe />);
  await waitFor(() => expect(seen.clerk?.status).toBe('ready'));
  await waitFor(() => expect(seen.clerk?.session?.id).toBe('sess_ada'));
  return { backend: booted.backend as FapiBackend, host: booted.host, mark: requests.log.length };
}

const clientSessions = () => seen.clerk.client.sessions.map((s: AnyClerk) => `${s.id}:${s.status}`);

describe('useSessionEnded on the real clerk-js', () => {
  for (const [status, reason] of [
    ['revoked', 'revoked'],
    ['expired', 'expired'],
    ['abandoned', 'inactivity'],
  ] as const) {
    it(`session ${status} by Clerk: the token refresh gets 401 signed_out, the client keeps it as ${status} -> ${reason}`, async () => {
      const { backend, host, mark } = await boot();
      backend.endElsewhere('sess_ada', status);
      const session = seen.clerk.session;
      await act(async () => {
        await expect(session.getToken({ skipCache: true })).rejects.toMatchObject({
          status: 401,
          errors: [{ code: 'signed_out' }],
        });
      });
      await waitFor(() => expect(seen.clerk.session).toBeNull());
      expect(requests.since(mark, host)).toEqual(['POST /v1/client/sessions/sess_ada/tokens', 'GET /v1/client']);
      expect(clientSessions()).toEqual([`sess_ada:${status}`]);
      await waitFor(() => expect(seen.ended?.reason).toBe(reason));
    });
  }

  it("another tab signs out: clerk-js's 'signout' message makes it re-read the client, the session is gone -> other-tab", async () => {
    const { backend, host, mark } = await boot();
    backend.endElsewhere('sess_ada', 'removed');
    // In a browser every receiver of a BroadcastChannel message gets its task queued at once, so the hook hears
    // the message before clerk-js's re-read of the client can come back from the network. Node delivers to one
    // port after another and MSW answers within microtasks, so the answer is given the network's minimum here:
    // a later macrotask.
    server.use(
      http.get(`https://${host}/v1/client`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return undefined;
      }),
    );
    // What the other tab's clerk-js posts after its own signOut().
    const otherTab = new BroadcastChannel('clerk');
    otherTab.postMessage({ type: 'signout' });
    await waitFor(() => expect(seen.clerk.session).toBeNull());
    otherTab.close();
    expect(requests.since(mark, host)).toEqual(['GET /v1/client']);
    expect(clientSessions()).toEqual([]);
    await waitFor(() => expect(seen.ended?.reason).toBe('other-tab'));
  });

  it('signed out in this tab (clerk-js posts its own signout message too): no reason to show', async () => {
    const { host, mark } = await boot();
    // A second listener on 'clerk' in this tab hears clerk-js's message, as the hook's does.
    const heard: unknown[] = [];
    const listener = new BroadcastChannel('clerk');
    listener.onmessage = (event) => heard.push(event.data);
    await act(async () => {
      await seen.clerk.signOut();
    });
    await waitFor(() => expect(heard).toEqual([{ type: 'signout' }]));
    listener.close();
    expect(requests.since(mark, host)).toEqual(['DELETE /v1/client/sessions']);
    expect(seen.clerk.session).toBeNull();
    expect(seen.ended?.reason).toBeNull();
  });
});
