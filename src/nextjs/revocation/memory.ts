import { checkId, entryLifetimeMs, type RevocationList, type RevocationListOptions } from './types';

/** Options of {@link memoryRevocationList}. */
export interface MemoryRevocationListOptions extends RevocationListOptions {
  /** Clock in milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

/**
 * A revocation list in this process's memory. Each entry is forgotten `tokenLifetimeMs + clockSkewMs` after it was
 * added, so memory holds only the revocations of the last minute or so. One process only: behind several
 * instances (or when the webhook route and the proxy run in different processes) use {@link redisRevocationList}.
 */
export function memoryRevocationList(options: MemoryRevocationListOptions = {}): RevocationList {
  const lifetime = entryLifetimeMs('memoryRevocationList', options);
  const now = options.now ?? Date.now;
  // Every entry lives equally long, so insertion order is expiry order: expired entries sit at the front.
  const expiries = new Map<string, number>();

  const add = (key: string) => {
    const t = now();
    for (const [old, expiry] of expiries) {
      if (expiry > t) break;
      expiries.delete(old);
    }
    expiries.delete(key);
    expiries.set(key, t + lifetime);
  };
  const listed = (key: string) => (expiries.get(key) ?? Number.NEGATIVE_INFINITY) > now();

  return {
    async revokeSession(sessionId) {
      add(`s:${checkId('memoryRevocationList', 'sessionId', sessionId)}`);
    },
    async revokeUser(userId) {
      add(`u:${checkId('memoryRevocationList', 'userId', userId)}`);
    },
    async isRevoked({ sessionId, userId }) {
      return listed(`s:${sessionId}`) || listed(`u:${userId}`);
    },
  };
}
