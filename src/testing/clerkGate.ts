import type { RequestHandler } from 'msw';
import type { ClerkEndpoint } from './fapi';
import { on } from './handlers';

/** One request a {@link ClerkGate} saw. */
export interface ClerkGateRequest {
  endpoint: ClerkEndpoint;
  /** The session named in the request's path; `null` for `signOut` and `user.getSessions`. */
  sessionId: string | null;
}

/** Counts the Frontend API requests of some endpoints and, while holding, keeps them waiting. See {@link clerkGate}. */
export interface ClerkGate {
  /**
   * MSW handlers to put in front of the others (`server.use(...gate.handlers)`, `worker.use(…)`). They answer
   * nothing themselves: once let through, a request gets the next handler's answer (success, failure or delay).
   */
  readonly handlers: RequestHandler[];
  /** How many requests arrived so far, held or not. */
  readonly count: number;
  /** The requests that arrived so far, oldest first. */
  readonly requests: readonly ClerkGateRequest[];
  /** How many requests are being held now. */
  readonly waiting: number;
  /** From now on, keeps every request waiting until {@link ClerkGate.release}. */
  hold(): void;
  /** Lets every held request through and stops holding. */
  release(): void;
}

/**
 * A gate on one or more Frontend API endpoints of the mock (or of clerk-js): it counts the requests, records them
 * in order, and after `hold()` keeps them waiting until `release()`, to act while Clerk has not answered (a
 * second click during a revoke, a switch while another one runs). Create one per test or story, so no count or
 * held request carries over, and put its `handlers` first:
 *
 * ```ts
 * const revokes = clerkGate('session.revoke');
 * server.use(...revokes.handlers); // Storybook (msw-storybook-addon): `msw.use(…)` in a story loader
 * revokes.hold();
 * // … click "Sign out device" …
 * await waitFor(() => expect(revokes.waiting).toBe(1));
 * revokes.release();
 * expect(revokes.count).toBe(1);
 * ```
 */
export function clerkGate(endpoints: ClerkEndpoint | readonly ClerkEndpoint[]): ClerkGate {
  const requests: ClerkGateRequest[] = [];
  let holding = false;
  let held: (() => void)[] = [];
  const gateOn = (endpoint: ClerkEndpoint) =>
    on(endpoint, async ({ params }) => {
      const sessionId = params.sessionId;
      requests.push({ endpoint, sessionId: typeof sessionId === 'string' ? sessionId : null });
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return undefined;
    });
  return {
    handlers: (typeof endpoints === 'string' ? [endpoints] : [...endpoints]).map(gateOn),
    get count() {
      return requests.length;
    },
    get requests() {
      return [...requests];
    },
    get waiting() {
      return held.length;
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      const waiting = held;
      held = [];
      for (const resolve of waiting) resolve();
    },
  };
}
