import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { requestHash } from "@/lib/request-hash";
import type { Actor } from "./actor";
import { runLedgerWrite } from "./ledger-write";

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
