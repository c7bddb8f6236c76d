import { HttpResponse, http } from 'msw';
import type { FapiBackend } from './fapiBackend';

/**
 * MSW handlers that route every request clerk-js sends to `https://{backend.host}/v1/*` into a
 * {@link FapiBackend}. clerk-js tunnels PATCH/DELETE as `POST ?_method=…` and sends form-encoded bodies; both
 * are decoded here so the backend sees the method Clerk meant.
 */
export function fapiHandlers(backend: FapiBackend) {
  return [
    http.all(`https://${backend.host}/v1/*`, async ({ request }) => {
      const url = new URL(request.url);
      const query = Object.fromEntries(url.searchParams);
      const method = (query._method ?? request.method).toUpperCase();
      let body: Record<string, string> = {};
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        const text = await request.text();
        body = Object.fromEntries(new URLSearchParams(text));
      }
      const answer = backend.handle(method, url.pathname, query, body);
      return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status });
    }),
  ];
}

/**
 * Answers requests to any per-test fake host (`fidelity-N.clerk.accounts.dev`) that no test serves any more
 * with a network error. Instances from finished tests keep timers (token poller, background refresh); this
 * keeps them from reaching a live backend. Install it once, in `setupServer(staleInstances)`.
 */
export const staleInstances = http.all(/^https:\/\/fidelity-\d+\.clerk\.accounts\.dev\//, () => HttpResponse.error());

/** Anything with MSW's life-cycle events: a `setupServer()` server or a `setupWorker()` worker. */
interface WithEvents {
  events: { on(event: 'request:start', listener: (args: { request: Request }) => void): void };
}

/** One Frontend API request as the suite compares it. */
export interface FapiCall {
  /** Host the request went to: tells one instance's requests from another's. */
  host: string;
  /** `METHOD /v1/path`, with `_method` tunnelling resolved. */
  call: string;
  /** The form body, decoded; filled in asynchronously (wait for it with `waitFor`). */
  body: Record<string, string> | undefined;
}

/**
 * Records every request sent to a Clerk Frontend API host (`*.clerk.accounts.dev`), by whoever sent it (real
 * clerk-js or the kit's mock), as `METHOD /v1/path` with `_method` tunnelling resolved, so both sides are
 * compared on the same terms.
 */
export function recordFapiRequests(server: WithEvents): {
  log: FapiCall[];
  /** Calls from index `mark` on, to `host` only when given. */
  since(mark: number, host?: string): string[];
} {
  const log: FapiCall[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (!url.hostname.endsWith('.clerk.accounts.dev')) return;
    const method = (url.searchParams.get('_method') ?? request.method).toUpperCase();
    const entry: FapiCall = { host: url.hostname, call: `${method} ${url.pathname}`, body: undefined };
    log.push(entry);
    if (request.method === 'GET') entry.body = {};
    else
      void request
        .clone()
        .text()
        .then((text) => {
          entry.body = Object.fromEntries(new URLSearchParams(text));
        });
  });
  return {
    log,
    since: (mark, host) =>
      log
        .slice(mark)
        .filter((entry) => host === undefined || entry.host === host)
        .map((entry) => entry.call),
  };
}
