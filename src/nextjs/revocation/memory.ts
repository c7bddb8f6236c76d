import { checkId, entryLifetimeMs, type RevocationList, type RevocationListOptions } from './types';

/** Options of {@link memoryRevocationList}. */
export interface MemoryRevocationListOptions extends RevocationListOptions {
  /**
   * Lists with the same name in one process share their entries. Next.js bundles `proxy.ts` and route handlers
   * separately, each with its own copy of the kit, so a list created in one module and imported by both would
   * otherwise be two lists: the webhook route would fill one and the proxy check the other. Default `'default'`.
   */
  name?: string;
  /** Clock in milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

const STORES = Symbol.for('clerk-session-kit.memoryRevocationLists');

/** The process-wide entries of a named list: expiry time by key. */
function sharedEntries(name: string): Map<string, number> {
  const holder = globalThis as { [STORES]?: Map<string, Map<string, number>> };
  holder[STORES] ??= new Map();
  let entries = holder[STORES].get(name);
  if (!entries) {
    entries = new Map();
    holder[STORES].set(name, entries);
  }
  return entries;
}

/**
 * A revocation list in this process's memory, shared by every list of the same `name` in the process. Each entry
 * is forgotten `tokenLifetimeMs + clockSkewMs` after it was added, so memory holds only the revocations of the last
 * minute or so. One process only: behind several instances use {@link redisRevocationList}.
 */
export function memoryRevocationList(options: MemoryRevocationListOptions = {}): RevocationList {
  const lifetime = entryLifetimeMs('memoryRevocationList', options);
  const { name = 'default', now = Date.now } = options;
  if (typeof name !== 'string' || name === '')
    throw new TypeError("memoryRevocationList: 'name' must be a non-empty string.");
  // Every entry lives equally long, so insertion order is expiry order: expired entries sit at the front.
  const expiries = sharedEntries(name);

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
