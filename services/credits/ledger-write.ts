// Calls one of the ledger's database functions (prisma/migrations/*_credits_functions) and turns
// its outcome into a result or a domain error. Every credit movement goes through here.
import "server-only";
import type { Db } from "@/lib/db";
import { DomainError, notFound } from "@/lib/errors";
import { queryPrepared } from "@/lib/db/prepared";
import { MAX_WALLET_BALANCE, type LedgerWriteResult } from "@/types/credits";
import type { Actor } from "./actor";

export type LedgerOutcome =
  | "applied"
  | "replayed"
  | "idempotency_mismatch"
  | "not_found"
  | "wallet_paused"
  | "insufficient_credits"
  | "unknown_service"
  | "invalid_amount"
  | "balance_limit"
  | "not_reversible";

export type LedgerFunction = "credits_consume" | "credits_grant" | "credits_debit" | "credits_reverse";

export type OutcomeRow = {
  outcome: LedgerOutcome;
  entry_id: string | null;
  amount: number | null;
  balance_after: number | null;
  created_at: Date | null;
};

const REJECTIONS: Record<Exclude<LedgerOutcome, "applied" | "replayed">, () => DomainError> = {
  idempotency_mismatch: () =>
    new DomainError("idempotency_mismatch", "This Idempotency-Key was already used for a different request"),
  not_found: () => notFound("Wallet or entry"),
  wallet_paused: () => new DomainError("wallet_paused", "Credit usage is paused for this workspace"),
  insufficient_credits: () => new DomainError("insufficient_credits", "Not enough credits for this request"),
  unknown_service: () => new DomainError("validation_failed", "Unknown or inactive service", { fieldErrors: { service: ["Unknown or inactive service"] } }),
  invalid_amount: () => new DomainError("validation_failed", "The amount is out of range", { fieldErrors: { amount: ["Out of range"] } }),
  balance_limit: () =>
    new DomainError("balance_limit_exceeded", `A wallet's balance stays within ±${MAX_WALLET_BALANCE.toLocaleString("en-US")} credits`, {
      fieldErrors: { credits: ["This would take the balance past the wallet limit"] },
    }),
  not_reversible: () => new DomainError("conflict", "Nothing left to reverse on this entry"),
};

/** The domain error for a ledger function's refusal. */
export function ledgerRejection(outcome: Exclude<LedgerOutcome, "applied" | "replayed">): DomainError {
  return REJECTIONS[outcome]();
}

/** The arguments every ledger function takes after its own: key, request hash, actor, reference. */
export function provenanceArgs(input: {
  idempotencyKey: string;
  actor: Actor;
  reference?: { type: string; id: string };
}, hash: string): [unknown, string][] {
  return [
    [input.idempotencyKey, "text"],
    [hash, "text"],
    [input.actor.type, "actor_type"],
    [input.actor.id ?? null, "text"],
    [input.reference?.type ?? null, "text"],
    [input.reference?.id ?? null, "text"],
  ];
}

/** What a ledger function's outcome row means: the entry (written or replayed), or the refusal. */
export function ledgerResult(row: OutcomeRow): (LedgerWriteResult & { replayed: boolean }) | DomainError {
  if (row.outcome !== "applied" && row.outcome !== "replayed") return ledgerRejection(row.outcome);
  return {
    entryId: row.entry_id!,
    amount: row.amount!,
    balance: row.balance_after!,
    createdAt: row.created_at!,
    replayed: row.outcome === "replayed",
  };
}

/**
 * Calls database function `fn` with positional `args` (each a `[value, sqlType]` pair) as a named
 * prepared statement, and returns the `columns` of its rows.
 */
export async function callLedgerFunction<T>(db: Db, fn: string, args: [unknown, string][], columns: string): Promise<T[]> {
  const placeholders = args.map(([, type], index) => `$${index + 1}::${type}`).join(", ");
  return queryPrepared<T>(db, { name: fn, text: `SELECT ${columns} FROM ${fn}(${placeholders})`, values: args.map(([value]) => value) });
}

/**
 * Calls ledger function `fn` with positional `args` (each a `[value, sqlType]` pair) and returns
 * its entry; throws the matching DomainError.
 */
export async function runLedgerWrite(db: Db, fn: LedgerFunction, args: [unknown, string][]): Promise<LedgerWriteResult & { replayed: boolean }> {
  const [row] = await callLedgerFunction<OutcomeRow>(db, fn, args, "outcome, entry_id, amount, balance_after, created_at");
  if (!row) throw new Error("Ledger function returned no row");
  const result = ledgerResult(row);
  if (result instanceof DomainError) throw result;
  return result;
}
