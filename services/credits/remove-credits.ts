import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { requestHash } from "@/lib/request-hash";
import type { Actor } from "./actor";
import { provenanceArgs, runLedgerWrite } from "./ledger-write";

export type RemoveCreditsInput = {
  workspaceId: string;
  type: "ADMIN_ADJUSTMENT" | "PAYMENT_REFUND_CLAWBACK";
  credits: number;
  /** Why, in words: shown to the customer and kept in the ledger. */
  reason: string;
  idempotencyKey: string;
  actor: Actor;
  reference?: { type: string; id: string };
};

/**
 * Removes credits by decision (an admin removal, a payment clawback). Lapsed credits not yet
 * swept are written off first (EXPIRY entries), so a removal never takes them in place of live
 * ones; then live lots give, soonest expiry first. Unlike usage it may take the wallet below
 * zero; later credits pay that debt first. Idempotent per (wallet, key). Throws
 * `balance_limit_exceeded` past the wallet limit. Needs no transaction.
 */
export async function removeCredits(db: Db, input: RemoveCreditsInput, clock: Clock = systemClock) {
  const hash = requestHash({ op: "remove", ...input, actor: undefined, idempotencyKey: undefined });
  return runLedgerWrite(db, "credits_debit", [
    [input.workspaceId, "uuid"],
    [input.type, "ledger_entry_type"],
    [input.credits, "integer"],
    ...provenanceArgs(input, hash),
    [input.reason, "text"],
    [clock.now(), "timestamptz"],
  ]);
}
