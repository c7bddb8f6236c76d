import type { Clerk as ClerkClass } from '@clerk/clerk-js';
import type { Scenario } from '../../src/testing/scenario';
import { FapiBackend, publishableKeyFor } from './fapiBackend';
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
    // biome-ignore lint/suspicious/noDocumentCookie: happy-dom has no Cookie Store API; expiring is all we need.
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  localStorage.clear();
  sessionStorage.clear();
}

/** A real, not yet loaded clerk-js instance wired to its own fake FAPI. */
export interface RealClerk {
  /** Pass to `<ClerkProvider Clerk={clerk}>`; the provider calls `load()` with its own options. */
  clerk: ClerkClass;
  /** Give this to `<ClerkProvider publishableKey>`: it points at this instance's own FAPI host. */
  publishableKey: string;
  /** The fake FAPI's state and every request clerk-js sent. */
  backend: FapiBackend;
  /** MSW handlers to install with `server.use(...handlers)`. */
  handlers: ReturnType<typeof fapiHandlers>;
}

let instances = 0;

/**
 * Boots the REAL `@clerk/clerk-js` offline for a scenario: a development publishable key for its own host
 * `fidelity-N.clerk.accounts.dev` and MSW answering that host from a {@link FapiBackend}. Install the returned
 * handlers on an MSW server before the provider loads the instance.
 *
 * clerk-js keeps module-level singletons (the Client object, the token cache, the resource base's Clerk
 * pointer), and earlier instances keep timers running. So every call imports a FRESH copy of the clerk-js
 * bundle (a query string makes Node evaluate it again, ~30 ms) and uses a new host, so nothing an earlier test
 * left behind can change or reach this one.
 */
export async function createRealClerk(scenario: Scenario): Promise<RealClerk> {
  prepareBrowserGlobals();
  resetBrowserState();
  instances += 1;
  const host = `fidelity-${instances}.clerk.accounts.dev`;
  // The Core 2 test project runs clerk-js 5 (vitest.config.ts).
  const clerkJs = process.env.CSK_CLERK_JS ?? '@clerk/clerk-js';
  const bundle = `file://${process.cwd()}/node_modules/${clerkJs}/dist/clerk.mjs?instance=${instances}`;
  const { Clerk } = (await import(/* @vite-ignore */ bundle)) as typeof import('@clerk/clerk-js');
  const backend = new FapiBackend(scenario, host);
  const publishableKey = publishableKeyFor(host);
  return { clerk: new Clerk(publishableKey), publishableKey, backend, handlers: fapiHandlers(backend) };
}
