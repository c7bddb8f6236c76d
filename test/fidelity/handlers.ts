import { HttpResponse, http } from 'msw';
import { FAPI_HOST, type FapiBackend } from './fapiBackend';

/**
 * MSW handlers that route every request clerk-js sends to `https://fake.clerk.accounts.dev/v1/*` into a
 * {@link FapiBackend}. clerk-js tunnels PATCH/DELETE as `POST ?_method=…` and sends form-encoded bodies; both
 * are decoded here so the backend sees the method Clerk meant.
 */
export function fapiHandlers(backend: FapiBackend) {
  return [
    http.all(`https://${FAPI_HOST}/v1/*`, async ({ request }) => {
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
