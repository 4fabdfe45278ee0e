import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { queryPrepared } from "@/lib/db/prepared";
import type { DomainError } from "@/lib/errors";
import { requestHash } from "@/lib/request-hash";
import type { LedgerWriteResult } from "@/types/credits";
import type { Actor } from "./actor";
import { ledgerResult, runLedgerWrite, type OutcomeRow } from "./ledger-write";

export type ConsumeCreditsInput = {
  workspaceId: string;
  serviceKey: string;
  quantity: number;
  idempotencyKey: string;
  actor: Actor;
  /** The caller's own id for the service call, kept on the entry. */
  referenceId?: string;
  description?: string;
};

/**
 * The ledger key of a usage call made through the API, from the caller's Idempotency-Key or a
 * batch event's id: one namespace for both endpoints, so an event resent through either replays,
 * and a caller's key can never collide with one the platform writes (`expiry:…`).
 */
export function apiIdempotencyKey(key: string): string {
  return `api:${key}`;
}

/** The request fingerprint stored with a usage entry: what makes a retry "the same request". */
export function consumeRequestHash(input: Pick<ConsumeCreditsInput, "serviceKey" | "quantity" | "referenceId" | "description">): string {
  return requestHash({ op: "consume", service: input.serviceKey, quantity: input.quantity, ref: input.referenceId, description: input.description });
}

/**
 * Spends `quantity` units of a service from the workspace's wallet, soonest-expiring credits
 * first, in one statement holding the wallet's row lock. Idempotent per (wallet, key): a retry
 * returns the first result, even when the service was deactivated since; the key with any other
 * parameter (service, quantity, reference, description) throws `idempotency_mismatch`.
 * Throws `insufficient_credits` (also for a negative wallet), `wallet_paused`,
 * `validation_failed` (unknown service). A rejection writes nothing. Needs no transaction.
 */
export async function consumeCredits(db: Db, input: ConsumeCreditsInput, clock: Clock = systemClock) {
  const hash = consumeRequestHash(input);
  return runLedgerWrite(db, "credits_consume", [
    [input.workspaceId, "uuid"],
    [input.serviceKey, "text"],
    [input.quantity, "integer"],
    [input.idempotencyKey, "text"],
    [hash, "text"],
    [input.actor.type, "actor_type"],
    [input.actor.id ?? null, "text"],
    [input.referenceId ?? null, "text"],
    [input.description ?? null, "text"],
    [clock.now(), "timestamptz"],
  ]);
}

export type ConsumeResult = LedgerWriteResult & { replayed: boolean };

/**
 * Several spends in one statement and one transaction (credits_consume_batch): each answered, in
 * input order, with exactly what consumeCredits would have answered it alone, or its refusal as a
 * DomainError (returned, not thrown: one refusal never stops the others). Wallets are locked in
 * ascending id order, so concurrent calls never deadlock. A (workspace, key) pair may appear once.
 * A failure of the statement itself throws and writes nothing. Needs no transaction.
 */
export async function consumeEach(db: Db, inputs: ConsumeCreditsInput[], clock: Clock = systemClock): Promise<(ConsumeResult | DomainError)[]> {
  if (inputs.length === 0) return [];
  const actorTypes = new Set(inputs.map((input) => input.actor.type));
  if (actorTypes.size > 1) throw new Error("consumeEach takes spends by one kind of actor");
  const rows = await queryPrepared<OutcomeRow & { ordinal: number }>(db, {
    name: "credits_consume_batch",
    text:
      "SELECT ordinal, outcome, entry_id, amount, balance_after, created_at FROM credits_consume_batch(" +
      "$1::uuid[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::actor_type, $7::text[], $8::text[], $9::text[], $10::timestamptz)",
    values: [
      inputs.map((input) => input.workspaceId),
      inputs.map((input) => input.serviceKey),
      inputs.map((input) => input.quantity),
      inputs.map((input) => input.idempotencyKey),
      inputs.map(consumeRequestHash),
      inputs[0]!.actor.type,
      inputs.map((input) => input.actor.id ?? null),
      inputs.map((input) => input.referenceId ?? null),
      inputs.map((input) => input.description ?? null),
      clock.now(),
    ],
  });
  const results: (ConsumeResult | DomainError)[] = new Array(inputs.length);
  for (const row of rows) results[row.ordinal - 1] = ledgerResult(row);
  if (rows.length !== inputs.length) throw new Error(`credits_consume_batch answered ${rows.length} of ${inputs.length} spends`);
  return results;
}
