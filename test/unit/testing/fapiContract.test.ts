import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { getResponse, type RequestHandler } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type ClerkEndpoint, clerkEndpoints, reverificationRequiredBody } from '../../../src/testing/fapi';
import {
  type ClerkFailure,
  clerkFailure,
  clerkHandlers,
  clerkReverificationRequired,
} from '../../../src/testing/handlers';
import { scenarios } from '../../../src/testing/scenarios';
import { FapiBackend } from '../../fidelity/fapiBackend';

/*
 * Contract: every JSON body the kit sends as Clerk's Frontend API (the MSW `clerkHandlers` and their failure
 * helpers, the mock's own error body, and the fidelity suite's FapiBackend that real clerk-js runs against) is
 * validated against Clerk's published OpenAPI spec, with Ajv (OpenAPI 3.0 schemas are JSON Schema plus
 * `nullable`, which Ajv understands). The spec is not part of the package: it is read from ../shared/clerk-openapi
 * beside the repository. CI sets REQUIRE_FAPI_SPEC=1, so a missing spec fails there; a clone without the folder
 * reports this suite as skipped, with the reason.
 */

const SPEC = resolve(process.cwd(), '../shared/clerk-openapi/fapi-2026-05-12.yml');
const required = process.env.REQUIRE_FAPI_SPEC === '1';
const available = existsSync(SPEC);

interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
  components: {
    responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
    schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }>;
  };
}

/**
 * OpenAPI 3.0's `nullable: true` allows null whatever else the schema says (the spec writes nullable references as
 * `{ nullable: true, allOf: [{ $ref }] }`); Ajv's `nullable` keyword only widens `type`, so such a schema becomes
 * `anyOf: [null, schema]` first. Nothing else of the spec is changed.
 */
function nullableAsJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableAsJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, nullableAsJsonSchema(value)] as const);
  const { nullable, ...rest } = Object.fromEntries(entries) as Record<string, unknown>;
  return nullable === true
    ? { anyOf: [{ type: 'null' }, rest] }
    : { ...rest, ...(nullable === undefined ? {} : { nullable }) };
}

function loadSpec(): Spec {
  const spec = nullableAsJsonSchema(parse(readFileSync(SPEC, 'utf8'))) as Spec;
  // Where the spec and clerk-js disagree, clerk-js wins: its SessionStatus has 'pending' (a session with tasks
  // left, e.g. choosing an organisation), which FAPI sends and clerk-js parses, but Client.SessionBase's enum (under
  // Client.Session: revoke answers, active sessions) leaves out; Client.SessionBase-2 (under the client) has it.
  const status = spec.components.schemas['Client.SessionBase']?.properties?.status;
  if (!status?.enum) throw new Error('Client.SessionBase.status moved in the spec: revisit the pending exception.');
  if (!status.enum.includes('pending')) status.enum.push('pending');
  return spec;
}

/** Bodies checked, per `METHOD path status`, printed at the end. */
const counts = new Map<string, number>();

function validatorFor(spec: Spec, ajv: Ajv) {
  const cache = new Map<string, ValidateFunction>();
  return (method: string, path: string, status: number): ValidateFunction => {
    const key = `${method} ${path} ${status}`;
    const known = cache.get(key);
    if (known) return known;
    const operation = spec.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`The spec has no ${method} ${path}.`);
    const response = operation.responses[String(status)];
    if (!response) throw new Error(`The spec lists no ${status} answer for ${method} ${path}.`);
    const ref = response.$ref ? `fapi${response.$ref}` : null;
    const name = response.$ref?.split('/').pop() ?? '';
    const resolved = ref
      ? spec.components.responses[name]
      : (response as { content?: Record<string, { schema: unknown }> });
    const schema = resolved?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`The spec's ${status} answer for ${method} ${path} has no JSON schema.`);
    // Resolve the answer's schema inside the spec document, so its $refs point into components.
    const pointer = ref
      ? `fapi#/components/responses/${encodeURIComponent(name)}/content/application~1json/schema`
      : `fapi#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
    const validate = ajv.getSchema(pointer);
    if (!validate) throw new Error(`Could not compile ${pointer}.`);
    cache.set(key, validate);
    return validate;
  };
}

const describeWithSpec = available || required ? describe : describe.skip;
const reason = available ? '' : ` (skipped: ${SPEC} not found; set REQUIRE_FAPI_SPEC=1 to make that a failure)`;

describeWithSpec(`Frontend API bodies match Clerk's published spec${reason}`, () => {
  it('the spec is there (REQUIRE_FAPI_SPEC)', () => {
    expect(existsSync(SPEC), `${SPEC} is missing`).toBe(true);
  });
  if (!available) return;

  const spec = loadSpec();
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(spec, 'fapi');
  const validator = validatorFor(spec, ajv);

  /** Validates one body; the failure message names the answer and every mismatch. */
  function check(method: string, path: string, status: number, body: unknown) {
    const validate = validator(method, path, status);
    const ok = validate(body);
    const key = `${method} ${path} ${status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    // Array indices folded, so one mismatch repeated over a list is reported once.
    const mismatches = ok
      ? []
      : [
          ...new Set(
            validate.errors?.map(
              (e) => `${e.instancePath.replace(/\/\d+/g, '/*')} ${e.message} ${JSON.stringify(e.params)}`,
            ),
          ),
        ];
    expect.soft(mismatches, key).toEqual([]);
  }

  afterAll(() => {
    const lines = [...counts].map(([key, n]) => `  ${n}  ${key}`);
    console.info(
      `FAPI contract: ${[...counts.values()].reduce((a, b) => a + b, 0)} bodies checked\n${lines.join('\n')}`,
    );
  });

  /** The spec's path for an endpoint of the mock (`:name` → `{name}`, the template variant spelled out). */
  const specPath = (endpoint: ClerkEndpoint, template: boolean) =>
    clerkEndpoints[endpoint].path
      .replace('/:template?', template ? '/{template_name}' : '')
      .replace(/:(\w+)/g, (_, name: string) => (name === 'sessionId' ? '{session_id}' : `{${name}}`));

  const urlFor = (endpoint: ClerkEndpoint, template: boolean) => {
    const { method, path } = clerkEndpoints[endpoint];
    const concrete = path.replace('/:template?', template ? '/supabase' : '').replace(':sessionId', 'sess_ada');
    const url = new URL(concrete, 'https://mock.clerk.accounts.dev');
    if (method !== 'GET' && method !== 'POST') url.searchParams.set('_method', method);
    return { url, transport: method === 'GET' ? 'GET' : 'POST', method };
  };

  async function answer(handlers: RequestHandler[], endpoint: ClerkEndpoint, template = false) {
    const { url, transport } = urlFor(endpoint, template);
    const response = await getResponse(handlers, new Request(url, { method: transport }));
    if (!response) throw new Error(`No handler answered ${endpoint}.`);
    return { status: response.status, body: (await response.json()) as unknown };
  }

  const cases: [ClerkEndpoint, boolean][] = [
    ...(Object.keys(clerkEndpoints) as ClerkEndpoint[]).map((endpoint): [ClerkEndpoint, boolean] => [endpoint, false]),
    ['session.getToken', true],
  ];

  describe('clerkHandlers', () => {
    it.each(cases)('%s (template: %s) answers a body the spec allows', async (endpoint, template) => {
      const { status, body } = await answer(clerkHandlers, endpoint, template);
      check(clerkEndpoints[endpoint].method, specPath(endpoint, template), status, body);
    });

    const failures: ClerkFailure[] = [
      { status: 401 },
      { status: 403 },
      { status: 404 },
      { status: 422 },
      { status: 429, retryAfter: 3 },
      { status: 500 },
    ];
    it.each(cases)(
      'clerkFailure on %s (template: %s) answers ClerkErrors for every status it lists',
      async (endpoint, template) => {
        const { method } = clerkEndpoints[endpoint];
        const listed = Object.keys(spec.paths[specPath(endpoint, template)]?.[method.toLowerCase()]?.responses ?? {});
        for (const failure of failures) {
          if (failure === 'network' || !listed.includes(String(failure.status))) continue;
          const { status, body } = await answer([clerkFailure(endpoint, failure)], endpoint, template);
          check(method, specPath(endpoint, template), status, body);
        }
      },
    );

    it('clerkReverificationRequired answers the revoke with a 403 ClerkErrors body', async () => {
      const { status, body } = await answer([clerkReverificationRequired()], 'session.revoke');
      expect(status).toBe(403);
      check('POST', '/v1/me/sessions/{session_id}/revoke', status, body);
    });
  });

  it("the mock's own 403 session_reverification_required body", () => {
    check('POST', '/v1/me/sessions/{session_id}/revoke', 403, reverificationRequiredBody());
  });

  describe('the fidelity FapiBackend (what real clerk-js runs against)', () => {
    const scenarioList = {
      manyAccounts: scenarios.manyAccounts(),
      otherDevices: scenarios.otherDevices(),
      organizationAdmin: scenarios.organizationAdmin(),
      impersonation: scenarios.impersonation(),
      staleVerification: scenarios.staleVerification(),
      singleSession: scenarios.singleSession(),
    };
    const call = (backend: FapiBackend, method: string, path: string) => backend.handle(method, path, {}, {});

    it.each(Object.entries(scenarioList))('%s: every answer the kit relies on', (_, scenario) => {
      const backend = new FapiBackend(scenario);
      const current = scenario.currentSessionId ?? '';
      const other = scenario.sessions.find((s) => s.id !== current && s.status === 'active')?.id;
      const device = scenario.devices?.find((d) => d.id !== current)?.id;
      const run = (method: string, path: string, specPathName: string) => {
        const { status, body } = call(backend, method, path);
        check(method, specPathName, status, body);
        return status;
      };
      run('GET', '/v1/environment', '/v1/environment');
      run('PATCH', '/v1/environment', '/v1/environment');
      run('GET', '/v1/client', '/v1/client');
      run('GET', '/v1/me/sessions/active', '/v1/me/sessions/active');
      run('POST', `/v1/client/sessions/${current}/tokens`, '/v1/client/sessions/{session_id}/tokens');
      run(
        'POST',
        `/v1/client/sessions/${current}/tokens/supabase`,
        '/v1/client/sessions/{session_id}/tokens/{template_name}',
      );
      run('POST', `/v1/client/sessions/${current}/touch`, '/v1/client/sessions/{session_id}/touch');
      if (device) run('POST', `/v1/me/sessions/${device}/revoke`, '/v1/me/sessions/{session_id}/revoke');
      run('POST', '/v1/me/sessions/sess_missing/revoke', '/v1/me/sessions/{session_id}/revoke');
      if (other) {
        run('POST', `/v1/client/sessions/${other}/end`, '/v1/client/sessions/{session_id}/end');
        // An ended session asks for a token in vain: 401.
        run('POST', `/v1/client/sessions/${other}/tokens`, '/v1/client/sessions/{session_id}/tokens');
        run('POST', `/v1/client/sessions/${other}/remove`, '/v1/client/sessions/{session_id}/remove');
      }
      run('POST', '/v1/client/sessions/sess_missing/remove', '/v1/client/sessions/{session_id}/remove');
      run('DELETE', '/v1/client/sessions', '/v1/client/sessions');
    });
  });
});
