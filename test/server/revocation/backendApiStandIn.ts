import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { freePort } from '../helpers/servers';

/** Clerk's Backend API spec (a copy, see test/fixtures/clerk-openapi/README.md): every answer is checked against it. */
const SPEC_PATH = new URL('../../fixtures/clerk-openapi/bapi-2026-05-12.yml', import.meta.url);

interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { $ref: string }> }>>;
  components: {
    responses: Record<string, { content: { 'application/json': { schema: { $ref: string } } } }>;
    schemas: Record<string, unknown>;
  };
}

let validators: ((status: number, body: unknown) => void) | undefined;

/** Throws when `body` is not what Clerk's spec says GET /sessions/{session_id} answers with `status`. */
function checkAgainstSpec(status: number, body: unknown): void {
  if (!validators) {
    const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
    // OpenAPI 3.0 schemas: `nullable` is understood, vendor keywords (x-*, example) are ignored.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'bapi', components: spec.components });
    const responses = spec.paths['/sessions/{session_id}']?.get?.responses ?? {};
    validators = (code, value) => {
      const ref = responses[String(code)]?.$ref;
      if (!ref) throw new Error(`Clerk's spec lists no ${code} answer for GET /sessions/{session_id}`);
      const response = spec.components.responses[ref.split('/').pop() as string];
      const schemaRef = response?.content['application/json'].schema.$ref as string;
      const validate = ajv.getSchema(`bapi${schemaRef}`);
      if (!validate) throw new Error(`no schema ${schemaRef}`);
      if (!validate(value))
        throw new Error(`stand-in answer ${code} breaks Clerk's spec: ${ajv.errorsText(validate.errors)}`);
    };
  }
  validators(status, body);
}

/** A session as Clerk's Backend API returns it. */
function sessionJson(id: string, status: string) {
  const now = Date.now();
  return {
    object: 'session',
    id,
    user_id: 'user_member',
    client_id: 'client_1',
    actor: null,
    status,
    last_active_organization_id: null,
    last_active_at: now,
    expire_at: now + 7 * 86_400_000,
    abandon_at: now + 30 * 86_400_000,
    updated_at: now,
    created_at: now - 60_000,
  };
}

/**
 * A local stand-in for Clerk's Backend API answering `GET /v1/sessions/{id}` from `statuses` (unknown ids: 404),
 * each answer validated against Clerk's spec before it is sent. `failing` makes it answer 500 with no body check.
 */
export async function startBackendApiStandIn(secretKey: string, statuses: Record<string, string>) {
  checkAgainstSpec(404, { errors: [] }); // loads and compiles the spec now, not during the first timed request
  const port = await freePort();
  const asked: string[] = [];
  const state = { failing: false };
  const server = createServer((request, response) => {
    const match = /^\/v1\/sessions\/([^/?]+)$/.exec(request.url ?? '');
    const send = (status: number, body: unknown) => {
      if (status !== 500) checkAgainstSpec(status, body);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method !== 'GET' || !match?.[1])
      return send(400, { errors: [{ message: 'bad request', code: 'bad' }] });
    if (request.headers.authorization !== `Bearer ${secretKey}`)
      return send(401, {
        errors: [{ message: 'invalid secret', long_message: 'invalid', code: 'authentication_invalid' }],
      });
    const id = decodeURIComponent(match[1]);
    asked.push(id);
    if (state.failing) return send(500, { errors: [] });
    const status = statuses[id];
    if (!status)
      return send(404, {
        errors: [
          { message: 'not found', long_message: `No session was found with id ${id}`, code: 'resource_not_found' },
        ],
        clerk_trace_id: 'trace_1',
      });
    send(200, sessionJson(id, status));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
