import { ClerkProvider } from '@clerk/react';
import { cleanup, render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockClerk, MOCK_FRONTEND_API, MOCK_PUBLISHABLE_KEY } from '../../src/testing/createMockClerk';
import { clerkHandlers } from '../../src/testing/handlers';
import type { Scenario } from '../../src/testing/scenario';
import { closePageTimers } from '../unit/cleanup';
import type { FapiBackend } from './fapiBackend';
import { recordFapiRequests, staleInstances } from './handlers';
import { createProbe, Observe, type Probe, SessionListOnly } from './observe';
import { createRealClerk } from './realClerk';

/** What a target hands the suite: the instance for `<ClerkProvider Clerk={…}>` and how to reach it. */
export interface Booted {
  instance: unknown;
  publishableKey: string;
  /** Frontend API host the instance talks to. */
  host: string;
  /** MSW handlers that answer the instance's Frontend API calls. */
  handlers: RequestHandler[];
  /** Where the instance asked the app's router to go, oldest first. */
  navigations: string[];
  /** The fake FAPI (real clerk-js only). */
  backend?: FapiBackend;
}

/** One Clerk implementation the suite runs every case against. */
export interface Target {
  name: 'clerk-js' | 'mock';
  boot(scenario: Scenario): Promise<Booted>;
}

/** The REAL `@clerk/clerk-js`, loaded by `<ClerkProvider>` against {@link FapiBackend} through MSW. */
export const realTarget: Target = {
  name: 'clerk-js',
  async boot(scenario) {
    const real = await createRealClerk(scenario);
    return {
      instance: real.clerk,
      publishableKey: real.publishableKey,
      host: real.backend.host,
      handlers: real.handlers,
      navigations: [],
      backend: real.backend,
    };
  },
};

/** The kit's mock (`createMockClerk`), answered by the kit's own `clerkHandlers`. */
export const mockTarget: Target = {
  name: 'mock',
  async boot(scenario) {
    const navigations: string[] = [];
    const instance = createMockClerk(scenario, { navigate: (to) => navigations.push(to) });
    return {
      instance,
      publishableKey: MOCK_PUBLISHABLE_KEY,
      host: new URL(MOCK_FRONTEND_API).hostname,
      handlers: clerkHandlers,
      navigations,
    };
  },
};

/**
 * Renders {@link Observe} and {@link SessionListOnly} under the REAL `<ClerkProvider Clerk={instance}>`, with
 * router callbacks that record navigation instead of leaving the page (clerk-js navigates after `signOut()`).
 */
export function mount(booted: Booted): Probe {
  const probe = createProbe();
  renderUnderClerk(
    booted,
    <>
      <Observe probe={probe} />
      <SessionListOnly probe={probe} />
    </>,
  );
  return probe;
}

/**
 * Renders `children` under the REAL `<ClerkProvider Clerk={instance}>`, with router callbacks that record
 * navigation in `booted.navigations` instead of leaving the page (clerk-js navigates after `signOut()`).
 */
export function renderUnderClerk(booted: Booted, children: ReactNode) {
  const record = (to: string) => {
    booted.navigations.push(to);
  };
  return render(
    <ClerkProvider
      Clerk={booted.instance as never}
      publishableKey={booted.publishableKey}
      routerPush={record}
      routerReplace={record}
    >
      {children}
    </ClerkProvider>,
  );
}

/**
 * The MSW server of a suite that boots targets: requests off Clerk's hosts fail loudly, Frontend API requests are
 * recorded, and handlers and the DOM are reset after each test. Call once at the top of a test file.
 */
export function setupTargetServer() {
  const server = setupServer(staleInstances);
  const requests = recordFapiRequests(server);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    // Each test is a page of its own: a finished test's clerk-js would otherwise refresh its token about 45 s later
    // (into the stale-host network error) while a later test runs, and on a slow machine that landed inside a
    // later test's window and changed what its hooks showed.
    closePageTimers();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return { server, requests };
}
