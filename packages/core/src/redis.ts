import { Redis, type RedisOptions } from 'ioredis';

/**
 * Redis connections by role. Producers (webhook receiver, poller enqueueing) fail fast so the
 * caller can answer 503; workers wait and reconnect forever, as BullMQ requires.
 */
export type RedisRole = 'producer' | 'worker';

export function createRedis(url: string, role: RedisRole, overrides: RedisOptions = {}): Redis {
  const options: RedisOptions =
    role === 'producer'
      ? {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2_000,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
        }
      : {
          maxRetriesPerRequest: null,
          retryStrategy: (attempt) => Math.min(attempt * 500, 20_000),
        };
  return new Redis(url, { ...options, lazyConnect: false, ...overrides });
}

/** Resolves once the connection is ready, or rejects after `timeoutMs`. */
export async function waitForReady(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`redis not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}
