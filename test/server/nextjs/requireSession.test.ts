import '../helpers/env';
import { clerkMiddleware } from '@clerk/nextjs/server';
import { describe, expect, it } from 'vitest';
import { type ClerkAuthLike, checkSession } from '../../../src/nextjs';
import { createTestKeys, personas } from '../helpers/keys';
import { callProxy } from '../helpers/proxy';

const keys = createTestKeys();
const tokens = personas(keys);

/** The auth object the real clerkMiddleware builds for a token: what auth() returns in a route handler. */
async function authFor(token?: string): Promise<ClerkAuthLike> {
  let captured: ClerkAuthLike | undefined;
  const capture = clerkMiddleware(
    async (auth) => {
      captured = (await auth({ treatPendingAsSignedOut: true })) as unknown as ClerkAuthLike;
    },
    { jwtKey: keys.jwtKey },
  );
  await callProxy(capture, '/api/x', token ? { token } : {});
  if (!captured) throw new Error('clerkMiddleware did not call the handler');
  return captured;
}

const body = async (r: { response: Response | null }) =>
  r.response ? [r.response.status, ((await r.response.json()) as { error: { code: string } }).error.code] : null;

describe('requireSession / checkSession on real Clerk auth objects', () => {
  it('returns the session of a signed-in user', async () => {
    const { session, response } = checkSession(await authFor(tokens.admin));
    expect(response).toBeNull();
    expect(session).toMatchObject({
      userId: 'user_admin',
      sessionId: 'sess_admin',
      orgId: 'org_1',
      orgRole: 'org:admin',
      orgSlug: 'acme',
    });
    expect(session?.claims.sub).toBe('user_admin');
  });

  it('answers 401 JSON for signed out, pending and expired', async () => {
    for (const token of [undefined, tokens.pending, tokens.expired]) {
      expect(await body(checkSession(await authFor(token)))).toEqual([401, 'unauthenticated']);
    }
  });

  it('answers 403 forbidden without the role, and passes with it', async () => {
    expect(await body(checkSession(await authFor(tokens.nonAdmin), { role: 'org:admin' }))).toEqual([403, 'forbidden']);
    expect(checkSession(await authFor(tokens.admin), { role: 'admin' }).session?.userId).toBe('user_admin');
  });

  it('answers 403 reverification_required for a stale fva, not for an old iat', async () => {
    expect(await body(checkSession(await authFor(tokens.staleFva), { maxAuthAge: { afterMinutes: 10 } }))).toEqual([
      403,
      'reverification_required',
    ]);
    expect(checkSession(await authFor(tokens.user), { maxAuthAge: { afterMinutes: 10 } }).session?.userId).toBe(
      'user_member',
    );
  });

  it('rejects invalid options with the fix', async () => {
    const auth = await authFor(tokens.user);
    expect(() => checkSession(auth, { role: '' })).toThrow(/requireSession\.role must be/);
    expect(() => checkSession(auth, { maxAuthAge: { afterMinutes: -1 } })).toThrow(
      /requireSession\.maxAuthAge\.afterMinutes/,
    );
  });
});
