import { describe, expect, test } from 'vitest';
import { MOCK_FRONTEND_API } from '../../../src/testing';
import { decodeClaims } from './harness';
import { setupClerkServer } from './setup';

setupClerkServer();

/** Sends a request as clerk-js would (POST, `_method` tunnelling) and returns the JSON answer. */
async function call(path: string, method: 'GET' | 'POST' | 'DELETE' = 'POST') {
  const url = new URL(path, MOCK_FRONTEND_API);
  if (method === 'DELETE') url.searchParams.set('_method', 'DELETE');
  const response = await fetch(url, { method: method === 'GET' ? 'GET' : 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

// clerkHandlers answer in the shapes FAPI uses, so a handler written for real Clerk and the kit's own can stand in
// for each other (and real clerk-js parses the kit's answers).
describe("clerkHandlers answer in Clerk's own shapes", () => {
  test("a session token request answers a bare Token (object and jwt only, as Clerk's spec has it) whose JWT decodes and names the session", async () => {
    const body = await call('/v1/client/sessions/sess_ada/tokens');
    expect(body).toEqual({ object: 'token', jwt: expect.any(String) });
    const claims = decodeClaims(body.jwt as string);
    expect(claims).toMatchObject({ sid: 'sess_ada', iss: MOCK_FRONTEND_API });
    expect(claims.exp).toBe((claims.iat as number) + 60);
  });

  test('a template token request answers a token for that template, without sid', async () => {
    const body = await call('/v1/client/sessions/sess_ada/tokens/supabase');
    const claims = decodeClaims(body.jwt as string);
    expect(claims).toMatchObject({ tpl: 'supabase' });
    expect(claims.sid).toBeUndefined();
  });

  test.each([
    ['touch', 'active'],
    ['remove', 'removed'],
    ['end', 'ended'],
  ])('%s answers { response: SessionJSON with status %s, client }', async (action, status) => {
    const body = await call(`/v1/client/sessions/sess_grace/${action}`);
    expect(body).toHaveProperty('client');
    const response = body.response as Record<string, unknown>;
    expect(response).toMatchObject({ object: 'session', id: 'sess_grace', status });
    for (const field of ['expire_at', 'abandon_at', 'last_active_at', 'created_at', 'updated_at']) {
      expect(typeof response[field]).toBe('number');
    }
    expect(response).toHaveProperty('public_user_data');
    const token = response.last_active_token as { jwt: string } | null;
    if (status === 'active') expect(decodeClaims(token?.jwt ?? '')).toMatchObject({ sid: 'sess_grace' });
    else expect(token).toBeNull();
  });

  test('revoke answers the device session with status revoked', async () => {
    const body = await call('/v1/me/sessions/sess_ada_phone/revoke');
    expect(body.response).toMatchObject({ object: 'session', id: 'sess_ada_phone', status: 'revoked' });
  });

  test('signOut() answers a client with no sessions, as response and as piggybacked client', async () => {
    const body = await call('/v1/client/sessions', 'DELETE');
    expect(body.response).toMatchObject({ object: 'client', sessions: [], last_active_session_id: null });
    expect(body.client).toEqual(body.response);
  });

  test('getSessions answers a bare array', async () => {
    const url = new URL('/v1/me/sessions/active', MOCK_FRONTEND_API);
    expect(await (await fetch(url)).json()).toEqual([]);
  });
});
