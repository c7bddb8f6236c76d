import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { clerkHandlers } from '../../../src/testing';

// React Testing Library's act() warns unless the environment says it supports act.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** One MSW server for a test file, answering the mock's Frontend API calls; `server.use()` overrides one. */
export function setupClerkServer() {
  const server = setupServer(...clerkHandlers);
  const requests: { method: string; path: string }[] = [];
  // The form bodies, request by request (same order as `requests`); read asynchronously, so await `settled()`.
  const forms: Promise<Record<string, string>>[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    const tunnelled = url.searchParams.get('_method');
    requests.push({ method: tunnelled ?? request.method, path: url.pathname });
    forms.push(
      request
        .clone()
        .text()
        .then((text) => Object.fromEntries(new URLSearchParams(text))),
    );
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
    forms.length = 0;
  });
  afterAll(() => server.close());
  /** The decoded form body of every request so far, in order. */
  const bodies = () => Promise.all(forms);
  return { server, requests, bodies };
}
