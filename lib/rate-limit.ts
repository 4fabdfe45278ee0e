// Per-key rate limits. In memory for one process; in Redis when REDIS_URL is set, so the limit
// holds across app instances. Client addresses come from lib/http/client-ip.ts; the limits are
// documented in docs/operations.md ("Client addresses and rate limits").
import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { rateLimited } from "@/lib/errors";

export type RateLimitRule = { name: string; points: number; durationSeconds: number };

export const RATE_LIMITS = {
  /** Sign-in attempts per client address, right or wrong. */
  signInPerAddress: { name: "sign-in", points: 30, durationSeconds: 60 },
  /**
   * Wrong passwords per account, from any address: however many addresses an attacker rotates
   * through, an account gets this many guesses per window. Cleared by a successful sign-in.
   */
  signInFailuresPerAccount: { name: "sign-in-account", points: 10, durationSeconds: 15 * 60 },
  /** Failed API-key authentications (missing, malformed, unknown or revoked key) per client address. */
  apiKeyFailuresPerAddress: { name: "api-key-failures", points: 20, durationSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

/** Sign-up attempts per client address an hour, valid or not (configurable: a demo or a test run signs up many). */
export const signUpRateLimit = (): RateLimitRule => ({ name: "sign-up", points: env().SIGN_UP_LIMIT_PER_HOUR, durationSeconds: 3600 });

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

/** Forgets what `key` has spent of `rule`, as a successful sign-in does for its account's failures. */
export async function resetRateLimit(rule: RateLimitRule, key: string): Promise<void> {
  await limiterFor(rule).delete(key);
}
