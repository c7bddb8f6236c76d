import { Clerk } from '@clerk/clerk-js';
import type { Scenario } from '../../src/testing/scenario';
import { FAKE_PUBLISHABLE_KEY, FapiBackend } from './fapiBackend';
import { fapiHandlers } from './handlers';

/**
 * happy-dom lacks `isSecureContext`, which clerk-js reads (unguarded) before using `navigator.locks` for its
 * token-refresh lock. `false` sends clerk-js down its own fallback lock (localStorage based), which happy-dom
 * supports; without this the token poller throws an unhandled ReferenceError.
 */
export function prepareBrowserGlobals(): void {
  if (!('isSecureContext' in globalThis)) {
    Object.defineProperty(globalThis, 'isSecureContext', { value: false, configurable: true, writable: true });
  }
}

/**
 * Forgets what an earlier clerk-js instance left in this document: the dev-browser and client cookies and the
 * localStorage lock/broadcast keys, so every test boots like a fresh page load.
 */
export function resetBrowserState(): void {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  localStorage.clear();
  sessionStorage.clear();
}

/** A real, not yet loaded clerk-js instance wired to its own fake FAPI. */
export interface RealClerk {
  /** Pass to `<ClerkProvider Clerk={clerk}>`; the provider calls `load()` with its own options. */
  clerk: Clerk;
  /** The fake FAPI's state and every request clerk-js sent. */
  backend: FapiBackend;
  /** MSW handlers to install with `server.use(...handlers)`. */
  handlers: ReturnType<typeof fapiHandlers>;
}

/**
 * Boots the REAL `@clerk/clerk-js` offline for a scenario: a development publishable key for
 * `fake.clerk.accounts.dev` and MSW answering its Frontend API from a {@link FapiBackend}. Install the returned
 * handlers on an MSW server before the provider loads the instance.
 */
export function createRealClerk(scenario: Scenario): RealClerk {
  prepareBrowserGlobals();
  resetBrowserState();
  const backend = new FapiBackend(scenario);
  return { clerk: new Clerk(FAKE_PUBLISHABLE_KEY), backend, handlers: fapiHandlers(backend) };
}
