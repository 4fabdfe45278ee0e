import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { requestHash } from "@/lib/request-hash";
import type { Actor } from "./actor";
import { provenanceArgs, runLedgerWrite } from "./ledger-write";

export type GrantType = "PURCHASE" | "SUBSCRIPTION_GRANT" | "PROMO_BONUS" | "ADMIN_ADJUSTMENT";

export type GrantCreditsInput = {
  workspaceId: string;
  type: GrantType;
  credits: number;
  /** Omit for credits that never expire (purchases). */
  expiresAt?: Date | null;
  idempotencyKey: string;
  actor: Actor;
  reference?: { type: string; id: string };
  description?: string;
};

/**
 * Adds credits as one entry and one lot (a `CreditGrant`). If the wallet is negative, the credits
 * pay the debt first. Idempotent per (wallet, key). Throws `validation_failed` for an amount out
 * of range or an expiry in the past, `balance_limit_exceeded` past the wallet limit, `not_found`
 * for an unknown workspace. Needs no transaction.
 */
export async function grantCredits(db: Db, input: GrantCreditsInput, clock: Clock = systemClock) {
  const hash = requestHash({ op: "grant", ...input, actor: undefined, idempotencyKey: undefined });
  return runLedgerWrite(db, "credits_grant", [
    [input.workspaceId, "uuid"],
    [input.type, "ledger_entry_type"],
    [input.credits, "integer"],
    [input.expiresAt ?? null, "timestamptz"],
    ...provenanceArgs(input, hash),
    [input.description ?? null, "text"],
    [clock.now(), "timestamptz"],
  ]);
}
