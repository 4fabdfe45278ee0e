import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { requestHash } from "@/lib/request-hash";
import type { Actor } from "../credits/actor";
import { runHoldWrite, type HoldResult } from "./hold-write";

export type SettleHoldInput = { workspaceId: string; holdId: string; quantity: number; idempotencyKey: string; actor: Actor };

/**
 * Settles an active hold for what the job really used, at the hold's price: exactly one USAGE
 * entry, drawn from the hold's own lots first; the rest of the hold goes back. More than the hold
 * only as the service's overage policy allows (`exceeds_hold`, or `insufficient_credits` past
 * what is available). Settles once: a retry with the key answers the same; any other settle,
 * release or extend of it is `hold_not_active`. A lapsed hold is `hold_expired`.
 */
export async function settleHold(db: Db, input: SettleHoldInput, clock: Clock = systemClock): Promise<HoldResult> {
  return runHoldWrite(db, "credits_hold_settle", [
    [input.workspaceId, "uuid"],
    [input.holdId, "uuid"],
    [input.quantity, "integer"],
    [input.idempotencyKey, "text"],
    [requestHash({ op: "settle", quantity: input.quantity }), "text"],
    [input.actor.type, "actor_type"],
    [input.actor.id ?? null, "text"],
    [clock.now(), "timestamptz"],
  ]);
}
