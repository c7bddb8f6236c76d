import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { parse } from 'yaml';

/** Clerk's webhook spec (a copy, see its README): the event shapes the tests send are its own examples. */
const SPEC_PATH = new URL('../../fixtures/clerk-openapi/webhooks-2025-04-15.yml', import.meta.url);

interface Spec {
  'x-webhooks': Record<string, { post: { requestBody: { content: { 'application/json': SpecBody } } } }>;
  components: { examples: Record<string, { value: unknown }> };
}
interface SpecBody {
  example?: unknown;
  examples?: { default: { $ref: string } };
}

let spec: Spec | undefined;

/** Clerk's example payload for `type` (from the spec), with `data.id` replaced. */
export function specEvent(type: string, id: string): { type: string; data: Record<string, unknown> } {
  spec ??= parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
  const body = spec['x-webhooks'][type]?.post.requestBody.content['application/json'];
  if (!body) throw new Error(`Clerk's webhook spec has no event ${type}`);
  const ref = body.examples?.default.$ref;
  const example = (ref ? spec.components.examples[ref.split('/').pop() as string]?.value : body.example) as {
    type: string;
    data: Record<string, unknown>;
  };
  if (example?.type !== type) throw new Error(`no example for ${type} in Clerk's webhook spec`);
  return { ...example, data: { ...example.data, id } };
}

/** A signing secret as Clerk's dashboard shows it. */
export const newSigningSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** A webhook delivery as Svix sends it: `svix-id`, `svix-timestamp`, `svix-signature` over the exact body. */
export function signedDelivery(
  secret: string,
  event: unknown,
  options: { id?: string; at?: Date; body?: string } = {},
): Request {
  const body = options.body ?? JSON.stringify(event);
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  return new Request('http://localhost:3000/api/webhooks/clerk', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, at, body),
    },
    body,
  });
}
