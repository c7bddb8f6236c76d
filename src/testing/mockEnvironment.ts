import { type ClerkLoadStatus, ENVIRONMENT_PROPERTY } from '../clerk';
import { type ClerkEndpoint, clerkEndpoints, type FapiRequestOptions, fapiRequest } from './fapi';
import type { MockState } from './mockState';
import { DEFAULT_INSTANCE, type ScenarioInstance } from './scenario';

/** Publishable key for the mock: a development key whose Frontend API is `mock.clerk.accounts.dev`. */
export const MOCK_PUBLISHABLE_KEY = `pk_test_${btoa('mock.clerk.accounts.dev$').replace(/=+$/, '')}`;

/** Origin of the Frontend API the mock sends its requests to; MSW answers them. */
export const MOCK_FRONTEND_API = 'https://mock.clerk.accounts.dev';

/** The properties of a Clerk instance that say which instance it is; the same for every mock. */
export const MOCK_INSTANCE = {
  version: 'mock',
  sdkMetadata: { name: 'clerk-session-kit/testing', version: 'mock' },
  instanceType: 'development',
  frontendApi: 'mock.clerk.accounts.dev',
  publishableKey: MOCK_PUBLISHABLE_KEY,
  isStandardBrowser: true,
  isSatellite: false,
  telemetry: undefined,
} as const;

/** Sends one Frontend API request as clerk-js would, so MSW decides whether it succeeds, fails or hangs. */
export type SendRequest = (
  endpoint: ClerkEndpoint,
  params?: Record<string, string>,
  request?: FapiRequestOptions,
) => Promise<unknown>;

/** A {@link SendRequest} over `fetchImpl`, or the global `fetch` at call time (so MSW set up later answers). */
export function frontendApi(fetchImpl?: typeof fetch): SendRequest {
  return (endpoint, params = {}, request = {}) => {
    const { method, path } = clerkEndpoints[endpoint];
    const url = path
      .replace(/\/:(\w+)\?/g, (_, name: string) => (params[name] ? `/${encodeURIComponent(params[name])}` : ''))
      .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    return fapiRequest(
      fetchImpl ?? ((input, init) => globalThis.fetch(input, init)),
      MOCK_FRONTEND_API,
      method,
      url,
      request,
    );
  };
}

/** The instance's settings: the scenario's, or Clerk's defaults for a new instance as the kit's stories use them. */
export const instanceSettings = (state: MockState): ScenarioInstance => state.scenario.instance ?? DEFAULT_INSTANCE;

/**
 * Puts the environment clerk-js loads on `clerk`, under clerk-js's name for it ({@link ENVIRONMENT_PROPERTY}),
 * read from the scenario on every access: `mock.update()` may change the settings.
 */
export function defineEnvironment(clerk: object, state: MockState): void {
  Object.defineProperty(clerk, ENVIRONMENT_PROPERTY, {
    get: () => {
      const { singleSessionMode, reverification } = instanceSettings(state);
      return { authConfig: { singleSessionMode, reverification } };
    },
  });
}

type StatusListener = (status: ClerkLoadStatus) => void;

/** How the mock loads, and Clerk's `status` with its `status` event. */
export interface MockLoading {
  readonly status: ClerkLoadStatus;
  /** Loads as the scenario says: at once, after a delay, never, or failing as clerk-js does. */
  load(): Promise<void>;
  /** clerk-js's `on('status', …)`; `notify` hands the new listener the current status at once, as clerk-js does. */
  on(event: string, handler: StatusListener, options?: { notify?: boolean }): void;
  off(event: string, handler: StatusListener): void;
}

/** Creates the loading of a mock over its state: once loaded, the state emits for the first time. */
export function createLoading(state: MockState): MockLoading {
  let status: ClerkLoadStatus = 'loading';
  const statusListeners = new Set<StatusListener>();
  const setStatus = (next: ClerkLoadStatus) => {
    status = next;
    for (const listener of statusListeners) listener(next);
  };
  const finishLoading = () => {
    state.loaded = true;
    setStatus(state.scenario.load === 'degraded' ? 'degraded' : 'ready');
    state.emit();
  };
  return {
    get status() {
      return status;
    },
    load() {
      const { load } = state.scenario;
      if (load === 'never') return new Promise<void>(() => undefined);
      if (load === 'error') {
        setStatus('error');
        return Promise.reject(new Error('ClerkJS: Something went wrong initializing Clerk.'));
      }
      if (load === 'immediate' || load === 'degraded') {
        finishLoading();
        return Promise.resolve();
      }
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          finishLoading();
          resolve();
        }, load.delayMs),
      );
    },
    on(event, handler, options) {
      if (event !== 'status') return;
      statusListeners.add(handler);
      if (options?.notify) handler(status);
    },
    off(event, handler) {
      if (event === 'status') statusListeners.delete(handler);
    },
  };
}
