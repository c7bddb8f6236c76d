import '../helpers/env';
import { type RevocationOptions, sessionProxy } from '../../../src/nextjs';
import { signToken, type TestKeys } from '../helpers/keys';

/** The preset as the example app configures it, with revocation, for one instance of the app. */
export function revocationProxy(keys: TestKeys, revocation: RevocationOptions) {
  return sessionProxy({
    publicRoutes: ['/', '/api/public'],
    admin: { routes: ['/admin/**', '/api/admin/**'], role: 'org:admin' },
    forwardUserId: 'x-user-id',
    jwtKey: keys.jwtKey,
    revocation,
  });
}

/** A valid member token (ten minutes left) for any session id: the token a stolen laptop still holds. */
export function tokenFor(keys: TestKeys, sid: string, sub = 'user_member'): string {
  const now = Math.floor(Date.now() / 1000);
  return signToken(keys, { sub, sid, iat: now - 5, nbf: now - 5, exp: now + 600, v: 2, fva: [1, -1] });
}
