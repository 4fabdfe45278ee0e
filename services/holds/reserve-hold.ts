import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { requestHash } from "@/lib/request-hash";
import type { Actor } from "../credits/actor";
import { runHoldWrite, type HoldResult } from "./hold-write";

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

/**
 * Reserves `quantity` units of a service, priced now, for `ttlSeconds`: the credits leave what
 * the wallet has available (balance − held) and are pinned in lots, soonest expiry first, until
 * the hold is settled, released, or expires. Idempotent per (workspace, key): a retry answers with
 * the hold as it stands. Throws `insufficient_credits`, `wallet_paused`, `validation_failed`
 * (unknown service, out-of-range amount), `idempotency_mismatch`. Needs no transaction.
 */
export async function reserveHold(db: Db, input: ReserveHoldInput, clock: Clock = systemClock): Promise<HoldResult> {
  const now = clock.now();
  // The expiry is not part of the request's identity: a retry seconds later is the same request.
  const hash = requestHash({ op: "hold", service: input.serviceKey, quantity: input.quantity, ttl: input.ttlSeconds, ref: input.referenceId, description: input.description });
  return runHoldWrite(db, "credits_hold_reserve", [
    [input.workspaceId, "uuid"],
    [input.serviceKey, "text"],
    [input.quantity, "integer"],
    [new Date(now.getTime() + input.ttlSeconds * 1000), "timestamptz"],
    [input.idempotencyKey, "text"],
    [hash, "text"],
    [input.actor.type, "actor_type"],
    [input.actor.id ?? null, "text"],
    [input.referenceId ?? null, "text"],
    [input.description ?? null, "text"],
    [now, "timestamptz"],
  ]);
}
