import { cleanup } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';

// Every test unmounts what it rendered, as a page navigation would: Clerk Core 2 allows one mounted
// <ClerkProvider> per page (a module-level counter), so a provider left mounted by one test fails the next.
afterEach(cleanup);

// Real clerk-js instances keep timers after their test (token poller, background refresh) and have no public way
// to stop them. A page that closes takes its timers with it; a test file does not, so a late one would fire into
// the torn-down DOM ("window is not defined", a request to a host whose MSW server is closed) and Vitest reports it
// as an unhandled error of a run whose tests all passed. So the timers still pending when the file ends are cleared,
// as closing the page would.
const pending = new Set<ReturnType<typeof setTimeout>>();
const { setTimeout: originalTimeout, setInterval: originalInterval, clearTimeout: originalClear } = globalThis;
globalThis.setTimeout = ((handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
  const id = originalTimeout(
    (...callArgs: unknown[]) => {
      pending.delete(id);
      handler(...callArgs);
    },
    delay,
    ...args,
  );
  pending.add(id);
  return id;
}) as typeof setTimeout;
globalThis.setInterval = ((handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
  const id = originalInterval(handler, delay, ...args);
  pending.add(id);
  return id;
}) as typeof setInterval;
/** Clears every timer still pending, as closing the page would. */
export function closePageTimers() {
  for (const id of pending) originalClear(id);
  pending.clear();
}
afterAll(closePageTimers);
