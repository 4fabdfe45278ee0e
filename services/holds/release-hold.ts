import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { requestHash } from "@/lib/request-hash";
import { runHoldWrite, type HoldResult } from "./hold-write";

/**
 * Releases an active hold unspent: its credits are available again (those of a lot that lapsed
 * while held expire now). Once: a retry with the key answers the same; afterwards any other
 * settle, release or extend is `hold_not_active`.
 */
export async function releaseHold(db: Db, input: { workspaceId: string; holdId: string; idempotencyKey: string }, clock: Clock = systemClock): Promise<HoldResult> {
  return runHoldWrite(db, "credits_hold_end", [
    [input.workspaceId, "uuid"],
    [input.holdId, "uuid"],
    [false, "boolean"],
    [input.idempotencyKey, "text"],
    [requestHash({ op: "release" }), "text"],
    [clock.now(), "timestamptz"],
  ]);
}
