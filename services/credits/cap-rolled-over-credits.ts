import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { queryPrepared } from "@/lib/db/prepared";
import { DomainError } from "@/lib/errors";
import { idempotencyKey, MAX_WALLET_BALANCE } from "@/types/credits";
import { ledgerRejection, type LedgerOutcome } from "./ledger-write";

export type CapRolledOverCreditsInput = {
  workspaceId: string;
  /** The plan's `rolloverCapCredits`: how many unused plan credits may carry into the new period. */
  capCredits: number;
  /** Keys the write-offs as `<keyPrefix>:<lot id>`, e.g. `stripe:invoice:in_123:rollover`. */
  keyPrefix: string;
  /**
   * The ledger key of the period grant this cap precedes (e.g. `stripe:invoice:in_123`). Once the
   * wallet holds it, the renewal was applied and nothing is trimmed: without it, a repeat of a
   * renewal whose first cap trimmed nothing would trim the new grant.
   */
  periodGrantKey?: string;
};

export type CapRolledOverCreditsResult = {
  creditsWrittenOff: number;
  lotsTrimmed: number;
  /** The wallet's balance after the call (for a replay: its balance now). */
  balance: number;
  replayed: boolean;
};

type CapRow = {
  outcome: LedgerOutcome;
  credits_written_off: number | null;
  lots_trimmed: number | null;
  balance: number | null;
};

function assertValidInput(input: CapRolledOverCreditsInput) {
  const fieldErrors: Record<string, string[]> = {};
  if (!Number.isInteger(input.capCredits) || input.capCredits < 0 || input.capCredits > MAX_WALLET_BALANCE) {
    fieldErrors.capCredits = [`Must be a whole number from 0 to ${MAX_WALLET_BALANCE.toLocaleString("en-US")}`];
  }
  // A caller's key rules (at most 255 characters) leave room for `:<lot id>` in the ledger's key column.
  const prefix = idempotencyKey.safeParse(input.keyPrefix);
  if (!prefix.success) fieldErrors.keyPrefix = prefix.error.issues.map((issue) => issue.message);
  if (input.periodGrantKey !== undefined && !idempotencyKey.safeParse(input.periodGrantKey).success) {
    fieldErrors.periodGrantKey = ["Must be a ledger key"];
  }
  if (Object.keys(fieldErrors).length) throw new DomainError("validation_failed", "Invalid rollover cap", { fieldErrors });
}

/**
 * At a rollover plan's renewal, before the new period's grant: writes off what the workspace's
 * live rollover lots (plan credits that never expire) hold beyond `capCredits`, oldest lots first,
 * as EXPIRY entries. Purchased and expiring credits are never touched; a zero or negative balance
 * has nothing to trim; a paused wallet is trimmed (bookkeeping, not usage). Trimmed credits count
 * as expired for the reversal of their grant. Idempotent per `keyPrefix` (and per
 * `periodGrantKey` when given): a repeat writes nothing and answers what the first call wrote.
 * Throws `validation_failed`, `not_found` for an unknown workspace, `idempotency_mismatch` for the
 * same prefix with another cap. Run it in the transaction that grants the period's credits.
 */
export async function capRolledOverCredits(db: Db, input: CapRolledOverCreditsInput, clock: Clock = systemClock): Promise<CapRolledOverCreditsResult> {
  assertValidInput(input);
  const [row] = await queryPrepared<CapRow>(db, {
    name: "credits_cap_rollover",
    text: "SELECT outcome, credits_written_off, lots_trimmed, balance FROM credits_cap_rollover($1::uuid, $2::integer, $3::text, $4::timestamptz, $5::text)",
    values: [input.workspaceId, input.capCredits, input.keyPrefix, clock.now(), input.periodGrantKey ?? null],
  });
  if (!row) throw new Error("Ledger function returned no row");
  if (row.outcome !== "applied" && row.outcome !== "replayed") throw ledgerRejection(row.outcome);
  return {
    creditsWrittenOff: row.credits_written_off!,
    lotsTrimmed: row.lots_trimmed!,
    balance: row.balance!,
    replayed: row.outcome === "replayed",
  };
}
