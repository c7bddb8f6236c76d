import { createSign, generateKeyPairSync } from 'node:crypto';

/** A throwaway RS256 key pair plus the Clerk development keys the middleware needs offline. */
export interface TestKeys {
  /** SPKI PEM, what `clerkMiddleware({ jwtKey })` and CLERK_JWT_KEY expect. */
  jwtKey: string;
  privateKey: string;
  /** pk_test_ + base64('fake.clerk.accounts.dev$'): a development instance that never needs the network. */
  publishableKey: string;
  secretKey: string;
  /** Key id the tokens name: one per key pair, as @clerk/backend 2 (Core 2) caches a PEM key by kid for good. */
  kid: string;
}

export const PUBLISHABLE_KEY = `pk_test_${Buffer.from('fake.clerk.accounts.dev$').toString('base64').replace(/=+$/, '')}`;
export const SECRET_KEY = 'sk_test_session_kit_dummy_secret_key_0000000000';

let keyPairs = 0;

export function createTestKeys(): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  keyPairs += 1;
  return {
    kid: `ins_test_${keyPairs}`,
    jwtKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publishableKey: PUBLISHABLE_KEY,
    secretKey: SECRET_KEY,
  };
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Claims of a Clerk session token (v2); everything optional so tests can build broken ones. */
export type TokenClaims = Record<string, unknown> & {
  sub?: string;
  sid?: string;
  exp?: number;
  nbf?: number;
  iat?: number;
};

/** Signs `claims` as a Clerk-shaped RS256 session token. */
export function signToken(keys: TestKeys, claims: TokenClaims): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: keys.kid }));
  const payload = b64url(JSON.stringify(claims));
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${signer.sign(keys.privateKey).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);

/** The personas the behaviour and bypass suites share. `fva` is [first factor, second factor] age in minutes. */
export function personas(keys: TestKeys) {
  const base = (extra: TokenClaims): string =>
    signToken(keys, {
      sub: 'user_member',
      sid: 'sess_member',
      iat: now() - 5,
      nbf: now() - 5,
      exp: now() + 600,
      iss: 'https://fake.clerk.accounts.dev',
      v: 2,
      fva: [1, -1],
      ...extra,
    });
  return {
    user: base({}),
    admin: base({ sub: 'user_admin', sid: 'sess_admin', o: { id: 'org_1', rol: 'admin', slg: 'acme' } }),
    nonAdmin: base({ sub: 'user_plain', sid: 'sess_plain', o: { id: 'org_1', rol: 'member', slg: 'acme' } }),
    pending: base({ sub: 'user_pending', sid: 'sess_pending', sts: 'pending' }),
    expired: base({ iat: now() - 4000, nbf: now() - 4000, exp: now() - 3000 }),
    futureNbf: base({ nbf: now() + 3000 }),
    staleFva: base({ sub: 'user_stale', sid: 'sess_stale', fva: [600, -1] }),
    staleAdmin: base({
      sub: 'user_admin',
      sid: 'sess_admin',
      o: { id: 'org_1', rol: 'admin', slg: 'acme' },
      fva: [600, -1],
    }),
  };
}

export type Personas = ReturnType<typeof personas>;
