import '../helpers/env';
import { type SessionProxyOptions, sessionProxy } from '../../../src/nextjs';
import { createTestKeys, personas } from '../helpers/keys';

/** One key pair, one set of tokens and the preset as the example app configures it. */
export function createFixture(extra: Partial<SessionProxyOptions> = {}) {
  const keys = createTestKeys();
  const tokens = personas(keys);
  const proxy = sessionProxy({
    publicRoutes: ['/', '/about', '/api/public'],
    admin: { routes: ['/admin/**', '/api/admin/**'], role: 'org:admin' },
    forwardUserId: 'x-user-id',
    maxAuthAge: { afterMinutes: 10, routes: ['/settings/**', '/api/settings/**'], reverifyUrl: '/reverify' },
    jwtKey: keys.jwtKey,
    ...extra,
  });
  return { keys, tokens, proxy };
}
