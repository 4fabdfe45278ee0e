import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { requestHash } from "@/lib/request-hash";
import type { Actor } from "./actor";
import { provenanceArgs, runLedgerWrite } from "./ledger-write";

export type ReverseEntryInput = {
  workspaceId: string;
  entryId: string;
  /** Omit to reverse everything not yet reversed. */
  credits?: number;
  /** DISPUTE_REFUND gives back spent credits; PAYMENT_REFUND_CLAWBACK takes back bought ones. */
  type: "REVERSAL" | "DISPUTE_REFUND" | "PAYMENT_REFUND_CLAWBACK";
  reason: string;
  idempotencyKey: string;
  actor: Actor;
  reference?: { type: string; id: string };
};

/**
 * Reverses all or part of an earlier entry of the same workspace: credits added are taken back
 * (lapsed lots written off first, then from their own lot, other lots, and debt), credits spent
 * are given back as a new lot that never expires. A grant can be taken back up to its amount less
 * what was reversed and less what expired from its lot; a spend, up to what was spent less what
 * was given back. Throws `not_found` for an entry of another workspace, `conflict` when nothing
 * is left to reverse, `balance_limit_exceeded` past the wallet limit. Needs no transaction.
 */
export async function reverseEntry(db: Db, input: ReverseEntryInput, clock: Clock = systemClock) {
  const hash = requestHash({ op: "reverse", ...input, actor: undefined, idempotencyKey: undefined });
  return runLedgerWrite(db, "credits_reverse", [
    [input.workspaceId, "uuid"],
    [input.entryId, "uuid"],
    [input.credits ?? null, "integer"],
    [input.type, "ledger_entry_type"],
    ...provenanceArgs(input, hash),
    [input.reason, "text"],
    [clock.now(), "timestamptz"],
  ]);
}
