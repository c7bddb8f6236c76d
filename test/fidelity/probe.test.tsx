import { ClerkProvider } from '@clerk/react';
import { render, waitFor, cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { scenarios } from '../../src/testing/scenarios';
import { FAKE_PUBLISHABLE_KEY } from './fapiBackend';
import { Observe, SessionListOnly, createProbe } from './observe';
import { createRealClerk } from './realClerk';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { cleanup(); server.resetHandlers(); });
afterAll(() => server.close());

it('boots manyAccounts and removes', async () => {
  const real = createRealClerk(scenarios.manyAccounts());
  server.use(...real.handlers);
  const probe = createProbe();
  const nav: string[] = [];
  render(
    <ClerkProvider Clerk={real.clerk as never} publishableKey={FAKE_PUBLISHABLE_KEY} routerPush={(to: string) => { nav.push(to); }} routerReplace={(to: string) => { nav.push(to); }}>
      <Observe probe={probe} />
      <SessionListOnly probe={probe} />
    </ClerkProvider>,
  );
  await waitFor(() => expect(probe.latest?.sessionList).not.toBeNull());
  console.log(JSON.stringify(probe.latest), probe.renders, probe.listOnly);
  console.log(real.backend.calls());
  const c1 = (real.clerk as any).__internal_lastEmittedResources.client;
  const s = (real.clerk as any).client.sessions.find((x: any) => x.id === 'sess_grace');
  const from = real.backend.requests.length;
  await s.remove();
  const c2 = (real.clerk as any).__internal_lastEmittedResources.client;
  console.log('same client', c1 === c2, c1 === (real.clerk as any).client);
  await new Promise((r) => setTimeout(r, 200));
  console.log(JSON.stringify(probe.latest), probe.renders, JSON.stringify(probe.listOnly));
  console.log(real.backend.calls(from), nav);
}, 20000);
