import "server-only";
import type { Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Actor } from "../credits/actor";
import { grantCredits } from "../credits/grant-credits";
import { removeCredits } from "../credits/remove-credits";

export type AdjustmentWrite = {
  workspaceId: string;
  direction: "add" | "remove";
  credits: number;
  reason: string;
  expiresAt?: Date | null;
  idempotencyKey: string;
  actor: Actor;
};

/** The ledger half of an admin adjustment: an ADMIN_ADJUSTMENT grant or removal. Idempotent per key. */
export function writeAdjustment(db: Db, input: AdjustmentWrite, clock?: Clock) {
  const common = { workspaceId: input.workspaceId, type: "ADMIN_ADJUSTMENT" as const, credits: input.credits, idempotencyKey: input.idempotencyKey, actor: input.actor };
  return input.direction === "add"
    ? grantCredits(db, { ...common, expiresAt: input.expiresAt, description: input.reason }, clock)
    : removeCredits(db, { ...common, reason: input.reason }, clock);
}
