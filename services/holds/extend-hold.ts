import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { requestHash } from "@/lib/request-hash";
import { runHoldWrite, type HoldResult } from "./hold-write";

/**
 * Moves an active hold's expiry to `ttlSeconds` from now, never sooner than it was. A retry of the
 * last extension with its key answers as it did. `hold_expired` once it lapsed.
 */
export async function extendHold(
  db: Db,
  input: { workspaceId: string; holdId: string; ttlSeconds: number; idempotencyKey: string },
  clock: Clock = systemClock,
): Promise<HoldResult> {
  const now = clock.now();
  return runHoldWrite(db, "credits_hold_extend", [
    [input.workspaceId, "uuid"],
    [input.holdId, "uuid"],
    [new Date(now.getTime() + input.ttlSeconds * 1000), "timestamptz"],
    [input.idempotencyKey, "text"],
    [requestHash({ op: "extend", ttl: input.ttlSeconds }), "text"],
    [now, "timestamptz"],
  ]);
}
