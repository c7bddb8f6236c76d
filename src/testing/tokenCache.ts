import type { MockToken } from './resources';

/** The mock's copy of clerk-js's SessionTokenCache: one token per session and template until it expires. */
export interface TokenCache {
  /** The cached token, or `undefined` when there is none or it has expired. */
  get(sessionId: string, template?: string): string | undefined;
  /** Caches a token until its `exp`. */
  put(sessionId: string, template: string | undefined, token: MockToken): void;
  /**
   * Caches a session's own `lastActiveToken` unless a live entry exists, as each new clerk-js Session object
   * hydrates the cache from its `last_active_token` without replacing one: why a first `getToken()` sends nothing.
   */
  seed(sessionId: string, token: MockToken): void;
  /** Forgets every token, as `remove()`, `end()` and `signOut()` do, so a signed-out session hands out none. */
  clear(): void;
}

/** Creates an empty {@link TokenCache} that judges expiry by `now`. */
export function createTokenCache(now: () => number): TokenCache {
  const entries = new Map<string, { token: string; expiresAtMs: number }>();
  const key = (sessionId: string, template?: string) => `${sessionId}:${template ?? ''}`;
  const get = (sessionId: string, template?: string) => {
    const entry = entries.get(key(sessionId, template));
    if (entry && entry.expiresAtMs > now()) return entry.token;
    entries.delete(key(sessionId, template));
    return undefined;
  };
  const put = (sessionId: string, template: string | undefined, token: MockToken) => {
    const exp = token.jwt.claims.exp;
    if (typeof exp === 'number')
      entries.set(key(sessionId, template), { token: token.getRawString(), expiresAtMs: exp * 1000 });
  };
  return {
    get,
    put,
    seed(sessionId, token) {
      if (get(sessionId) === undefined) put(sessionId, undefined, token);
    },
    clear: () => entries.clear(),
  };
}
