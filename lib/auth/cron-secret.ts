import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";

/** Scheduled jobs prove themselves with CRON_SECRET; without one configured, nobody can call them. */
export function assertCronSecret(req: Request): void {
  const secret = env().CRON_SECRET;
  const given = Buffer.from(req.headers.get("authorization")?.replace(/^Bearer /, "") ?? "");
  const expected = Buffer.from(secret ?? "");
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new DomainError("unauthenticated", "A valid cron secret is required");
  }
}
