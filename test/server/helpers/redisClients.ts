import { Redis } from 'ioredis';
import { createClient } from 'redis';

/** The two Redis clients the kit supports. */
export const REDIS_CLIENTS = ['ioredis', 'node-redis'] as const;
export type RedisClientKind = (typeof REDIS_CLIENTS)[number];

const nodeRedisClient = (url: string) => createClient({ url, socket: { reconnectStrategy: () => 200 } });

/** A connected client of either kind, and how to drop it. */
export interface ConnectedRedis {
  client: Redis | ReturnType<typeof nodeRedisClient>;
  close(): void;
}

/**
 * Connects a client as an app would. node-redis gets no 'error' listener on purpose: the kit's Redis stores must
 * keep the process alive by themselves when Redis goes away.
 */
export async function connectRedis(kind: RedisClientKind, url: string): Promise<ConnectedRedis> {
  if (kind === 'ioredis') {
    const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on('error', () => {});
    await redis.connect();
    return { client: redis, close: () => redis.disconnect() };
  }
  const client = nodeRedisClient(url);
  await client.connect();
  return { client, close: () => void client.destroy() };
}
