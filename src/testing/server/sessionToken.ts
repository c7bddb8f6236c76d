import { createSign, createVerify } from 'node:crypto';
import { type OfflineSession, sessionIdentityClaims } from '../offlineSession';
import type { OfflineKeys } from './keys';

/** Claims of a Clerk session token (v2) that say who is signed in; times are added when signing. */
export type SessionTokenClaims = Record<string, unknown> & { sub: string; sid: string };

/** Seconds a signed token lives. The offline proxy re-signs an expired one, as Clerk's handshake refreshes it. */
export const TOKEN_LIFETIME_SECONDS = 3600;

const TIME_CLAIMS = ['iat', 'nbf', 'exp'] as const;

/**
 * The claims Clerk puts in a session token for `session`, or `null` when it is not signed in: `sub`, `sid`,
 * `sts`, `fva` (minutes since the first and second factor were verified), `act` and the active organisation
 * `o: { id, slg, rol }` (the role without its `org:` prefix), which `auth()` turns into `orgId`, `orgSlug` and
 * `orgRole`.
 */
export function claimsOf(session: OfflineSession): SessionTokenClaims | null {
  if (session.status !== 'active' && session.status !== 'pending') return null;
  return sessionIdentityClaims(session);
}

const b64url = (value: string) => Buffer.from(value).toString('base64url');

/** Who signs: the key pair, and the instance's Frontend API (clerkMiddleware reads unsuffixed cookies only
 * when the token's `iss` is its publishable key's Frontend API). */
export interface TokenSigner {
  keys: OfflineKeys;
  issuer: string;
}

/**
 * The `iss` Clerk gives session tokens of the instance `publishableKey` names: `https://` + its Frontend API.
 * @throws {Error} when there is no development publishable key.
 */
export function issuerOf(publishableKey: string | undefined): string {
  const encoded = /^pk_test_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey ?? '')?.[1];
  const frontendApi = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  if (!frontendApi.endsWith('$')) {
    throw new Error(
      "clerk-session-kit offline mode needs a development publishable key in NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY (pk_test_…): set the offline one from the README, or your instance's development key.",
    );
  }
  return `https://${frontendApi.slice(0, -1)}`;
}

/** Signs `claims` (RS256) as a session token issued now; `azp` is the app's origin, as clerk-js sends it. */
export function signSessionToken({ keys, issuer }: TokenSigner, claims: SessionTokenClaims, origin: string): string {
  const iat = Math.floor(Date.now() / 1000);
  const payload = { ...claims, iss: issuer, azp: origin, iat, nbf: iat - 5 };
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: keys.kid }));
  const body = b64url(JSON.stringify({ ...payload, exp: iat + TOKEN_LIFETIME_SECONDS }));
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${body}`);
  return `${header}.${body}.${signer.sign(keys.privateKey).toString('base64url')}`;
}

/** A token this project's key signed: its identity claims and when it expires. */
export interface ReadToken {
  claims: SessionTokenClaims;
  iat: number;
  exp: number;
}

/**
 * Reads a session token if THIS project's key signed it, expired or not (the proxy re-signs expired ones);
 * `null` for anything else: another key, a live Clerk token, garbage.
 */
export function readSessionToken(keys: OfflineKeys, token: string): ReadToken | null {
  const [header, body, signature] = token.split('.');
  if (!header || !body || !signature) return null;
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${header}.${body}`);
  if (!verifier.verify(keys.jwtKey, signature, 'base64url')) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { iat, exp } = payload;
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    if (typeof iat !== 'number' || typeof exp !== 'number') return null;
    const claims = { ...payload } as SessionTokenClaims;
    for (const name of [...TIME_CLAIMS, 'iss', 'azp']) delete claims[name];
    return { claims, iat, exp };
  } catch {
    return null;
  }
}
