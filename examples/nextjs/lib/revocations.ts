import { memoryRevocationList } from 'clerk-session-kit/nextjs';

/**
 * The revocation list the proxy checks and Clerk's webhook feeds. One `next start` process here; with several
 * instances use `redisRevocationList({ client: new Redis(process.env.REDIS_URL) })` instead, the same in both places.
 */
export const revocations = memoryRevocationList();
