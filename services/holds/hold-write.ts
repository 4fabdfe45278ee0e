// Calls one of the hold functions (prisma/migrations/*_credit_holds) and turns its answer into the
// hold, or a domain error. Every hold operation goes through here.
import "server-only";
import type { Db } from "@/lib/db";
import { DomainError, notFound } from "@/lib/errors";
import type { HoldResponse, HoldStatus } from "@/types/holds";
import { callLedgerFunction, ledgerRejection, type LedgerOutcome } from "../credits/ledger-write";

/** The ledger's outcomes (a hold reverses nothing), and the hold's own. */
type HoldOutcome = Exclude<LedgerOutcome, "not_reversible"> | "hold_not_active" | "hold_expired" | "exceeds_hold";

type HoldFunction = "credits_hold_reserve" | "credits_hold_settle" | "credits_hold_end" | "credits_hold_extend";
type HoldBatchFunction = "credits_hold_reserve_batch" | "credits_hold_settle_batch";

type AnswerRow = {
  outcome: HoldOutcome;
  hold_id: string | null;
  service_key: string | null;
  status: HoldStatus | null;
  quantity: number | null;
  credits: number | null;
  held: number | null;
  expires_at: Date | null;
  settled_quantity: number | null;
  settled_credits: number | null;
  settlement_entry_id: string | null;
  reference_id: string | null;
  created_at: Date | null;
  ended_at: Date | null;
  balance: number | null;
  available: number | null;
};

export type HoldResult = HoldResponse & { replayed: boolean };

function rejection(outcome: Exclude<HoldOutcome, "applied" | "replayed">, row: AnswerRow): DomainError {
  switch (outcome) {
    case "not_found":
      return notFound("Hold");
    case "hold_not_active":
      return new DomainError("hold_not_active", `This hold is ${row.status?.toLowerCase()}: it can no longer be settled, released or extended`, { status: row.status });
    case "hold_expired":
      return new DomainError("hold_expired", "This hold has expired; its credits are being freed. Reserve again", { expiresAt: row.expires_at });
    case "exceeds_hold":
      return new DomainError("exceeds_hold", `The settlement costs more than the ${row.held} credits held, and this service allows no overage`, {
        fieldErrors: { quantity: ["More than the hold reserved"] },
      });
    default:
      return ledgerRejection(outcome);
  }
}

/** What a hold function's answer row means: the hold (written or replayed), or the refusal. */
export function holdResult(row: AnswerRow): HoldResult | DomainError {
  const { outcome } = row;
  if (outcome !== "applied" && outcome !== "replayed") return rejection(outcome, row);
  return {
    id: row.hold_id!,
    service: row.service_key!,
    status: row.status!,
    quantity: row.quantity!,
    credits: row.credits!,
    held: row.held!,
    expiresAt: row.expires_at!,
    settledQuantity: row.settled_quantity,
    settledCredits: row.settled_credits,
    settlementEntryId: row.settlement_entry_id,
    reference: row.reference_id,
    createdAt: row.created_at!,
    endedAt: row.ended_at,
    balance: row.balance!,
    available: row.available!,
    replayed: outcome === "replayed",
  };
}

/** Calls hold function `fn` with positional `[value, sqlType]` arguments; throws its refusal. */
export async function runHoldWrite(db: Db, fn: HoldFunction, args: [unknown, string][]): Promise<HoldResult> {
  const [row] = await callLedgerFunction<AnswerRow>(db, fn, args, "*");
  if (!row) throw new Error("Hold function returned no row");
  const result = holdResult(row);
  if (result instanceof DomainError) throw result;
  return result;
}

/**
 * Calls a batch hold function (`…_batch`, one answer row per request, with its 1-based ordinal)
 * and returns the answers in request order, refusals as DomainErrors.
 */
export async function runHoldBatch(db: Db, fn: HoldBatchFunction, count: number, args: [unknown, string][]): Promise<(HoldResult | DomainError)[]> {
  const rows = await callLedgerFunction<AnswerRow & { ordinal: number }>(db, fn, args, "*");
  if (rows.length !== count) throw new Error(`${fn} answered ${rows.length} of ${count} requests`);
  const results: (HoldResult | DomainError)[] = new Array(count);
  for (const row of rows) results[row.ordinal - 1] = holdResult(row);
  return results;
}
