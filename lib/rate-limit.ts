// Per-key rate limits. In memory for one process; in Redis when REDIS_URL is set, so the limit
// holds across app instances.
import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { rateLimited } from "@/lib/errors";

export type RateLimitRule = { name: string; points: number; durationSeconds: number };

export const RATE_LIMITS = {
  signIn: { name: "sign-in", points: 10, durationSeconds: 60 },
  signUp: { name: "sign-up", points: 10, durationSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

/** Calls per minute for one API key on /api/v1 (configurable: integrations differ). */
export const apiKeyRateLimit = (): RateLimitRule => ({ name: "api-key", points: env().API_RATE_LIMIT_PER_MINUTE, durationSeconds: 60 });

const globalForLimits = globalThis as typeof globalThis & { __rateLimiters?: Map<string, RateLimiterAbstract>; __redis?: Redis };

function limiterFor(rule: RateLimitRule): RateLimiterAbstract {
  const limiters = (globalForLimits.__rateLimiters ??= new Map());
  let limiter = limiters.get(rule.name);
  if (!limiter) {
    const options = { keyPrefix: `rl:${rule.name}`, points: rule.points, duration: rule.durationSeconds };
    const redisUrl = env().REDIS_URL;
    if (redisUrl) {
      globalForLimits.__redis ??= new Redis(redisUrl, { enableOfflineQueue: false, lazyConnect: false });
      // If Redis is unreachable, fall back to this process's memory rather than failing requests.
      limiter = new RateLimiterRedis({ ...options, storeClient: globalForLimits.__redis, insuranceLimiter: new RateLimiterMemory(options) });
    } else {
      limiter = new RateLimiterMemory(options);
    }
    limiters.set(rule.name, limiter);
  }
  return limiter;
}

/** Spends one point of `rule` for `key`; throws `rate_limited` with the wait when none is left. */
export async function assertWithinRateLimit(rule: RateLimitRule, key: string): Promise<void> {
  try {
    await limiterFor(rule).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}
