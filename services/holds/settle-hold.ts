import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { DomainError } from "@/lib/errors";
import { requestHash } from "@/lib/request-hash";
import type { Actor } from "../credits/actor";
import { runHoldBatch, runHoldWrite, type HoldResult } from "./hold-write";

export type SettleHoldInput = { workspaceId: string; holdId: string; quantity: number; idempotencyKey: string; actor: Actor };

function settleRequestHash(input: SettleHoldInput): string {
  return requestHash({ op: "settle", quantity: input.quantity });
}

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
    [settleRequestHash(input), "text"],
    [input.actor.type, "actor_type"],
    [input.actor.id ?? null, "text"],
    [clock.now(), "timestamptz"],
  ]);
}

/**
 * Several settlements in one statement and one transaction (credits_hold_settle_batch): each
 * answered, in input order, with exactly what settleHold would have answered it alone at the same
 * moment, or its refusal as a DomainError (returned, not thrown). One wallet's settlements apply
 * in input order. A hold may appear once. Wallets are locked in ascending id order, so concurrent
 * calls never deadlock. A failure of the statement itself throws and writes nothing. Needs no
 * transaction.
 */
export async function settleEach(db: Db, inputs: SettleHoldInput[], clock: Clock = systemClock): Promise<(HoldResult | DomainError)[]> {
  if (inputs.length === 0) return [];
  if (new Set(inputs.map((input) => input.actor.type)).size > 1) throw new Error("settleEach takes settlements by one kind of actor");
  return runHoldBatch(db, "credits_hold_settle_batch", inputs.length, [
    [inputs.map((input) => input.workspaceId), "uuid[]"],
    [inputs.map((input) => input.holdId), "uuid[]"],
    [inputs.map((input) => input.quantity), "integer[]"],
    [inputs.map((input) => input.idempotencyKey), "text[]"],
    [inputs.map(settleRequestHash), "text[]"],
    [inputs[0]!.actor.type, "actor_type"],
    [inputs.map((input) => input.actor.id ?? null), "text[]"],
    [clock.now(), "timestamptz"],
  ]);
}
