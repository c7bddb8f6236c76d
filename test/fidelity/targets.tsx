import { ClerkProvider } from '@clerk/react';
import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { createMockClerk, MOCK_FRONTEND_API, MOCK_PUBLISHABLE_KEY } from '../../src/testing/createMockClerk';
import { clerkHandlers } from '../../src/testing/handlers';
import type { Scenario } from '../../src/testing/scenario';
import type { FapiBackend } from './fapiBackend';
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
  const record = (to: string) => {
    booted.navigations.push(to);
  };
  render(
    <ClerkProvider
      Clerk={booted.instance as never}
      publishableKey={booted.publishableKey}
      routerPush={record}
      routerReplace={record}
    >
      <Observe probe={probe} />
      <SessionListOnly probe={probe} />
    </ClerkProvider>,
  );
  return probe;
}
