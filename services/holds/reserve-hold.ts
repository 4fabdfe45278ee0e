import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { DomainError } from "@/lib/errors";
import { requestHash } from "@/lib/request-hash";
import type { Actor } from "../credits/actor";
import { runHoldBatch, runHoldWrite, type HoldResult } from "./hold-write";

export type ReserveHoldInput = {
  workspaceId: string;
  serviceKey: string;
  quantity: number;
  ttlSeconds: number;
  idempotencyKey: string;
  actor: Actor;
  referenceId?: string;
  description?: string;
};

/** The request fingerprint stored with a hold. The expiry is not part of it: a retry seconds later is the same request. */
function reserveRequestHash(input: ReserveHoldInput): string {
  return requestHash({ op: "hold", service: input.serviceKey, quantity: input.quantity, ttl: input.ttlSeconds, ref: input.referenceId, description: input.description });
}

function expiresAt(input: ReserveHoldInput, now: Date): Date {
  return new Date(now.getTime() + input.ttlSeconds * 1000);
}

/**
 * Reserves `quantity` units of a service, priced now, for `ttlSeconds`: the credits leave what
 * the wallet has available (balance − held) and are pinned in lots, soonest expiry first, until
 * the hold is settled, released, or expires. Idempotent per (workspace, key): a retry answers with
 * the hold as it stands. Throws `insufficient_credits`, `wallet_paused`, `validation_failed`
 * (unknown service, out-of-range amount), `idempotency_mismatch`. Needs no transaction.
 */
export async function reserveHold(db: Db, input: ReserveHoldInput, clock: Clock = systemClock): Promise<HoldResult> {
  const now = clock.now();
  return runHoldWrite(db, "credits_hold_reserve", [
    [input.workspaceId, "uuid"],
    [input.serviceKey, "text"],
    [input.quantity, "integer"],
    [expiresAt(input, now), "timestamptz"],
    [input.idempotencyKey, "text"],
    [reserveRequestHash(input), "text"],
    [input.actor.type, "actor_type"],
    [input.actor.id ?? null, "text"],
    [input.referenceId ?? null, "text"],
    [input.description ?? null, "text"],
    [now, "timestamptz"],
  ]);
}

/**
 * Several reserves in one statement and one transaction (credits_hold_reserve_batch): each
 * answered, in input order, with exactly what reserveHold would have answered it alone at the
 * same moment, or its refusal as a DomainError (returned, not thrown). One wallet's reserves pin
 * its lots in input order. A (workspace, key) pair may appear once. Wallets are locked in
 * ascending id order, so concurrent calls never deadlock. A failure of the statement itself
 * throws and writes nothing. Needs no transaction.
 */
export async function reserveEach(db: Db, inputs: ReserveHoldInput[], clock: Clock = systemClock): Promise<(HoldResult | DomainError)[]> {
  if (inputs.length === 0) return [];
  if (new Set(inputs.map((input) => input.actor.type)).size > 1) throw new Error("reserveEach takes reserves by one kind of actor");
  const now = clock.now();
  return runHoldBatch(db, "credits_hold_reserve_batch", inputs.length, [
    [inputs.map((input) => input.workspaceId), "uuid[]"],
    [inputs.map((input) => input.serviceKey), "text[]"],
    [inputs.map((input) => input.quantity), "integer[]"],
    // ISO strings: each engine's driver takes a text array; not all of them take an array of Dates.
    [inputs.map((input) => expiresAt(input, now).toISOString()), "timestamptz[]"],
    [inputs.map((input) => input.idempotencyKey), "text[]"],
    [inputs.map(reserveRequestHash), "text[]"],
    [inputs[0]!.actor.type, "actor_type"],
    [inputs.map((input) => input.actor.id ?? null), "text[]"],
    [inputs.map((input) => input.referenceId ?? null), "text[]"],
    [inputs.map((input) => input.description ?? null), "text[]"],
    [now, "timestamptz"],
  ]);
}
