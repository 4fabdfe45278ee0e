import "server-only";
import { platformKeyRequiresWorkspace, usageWorkspace, type ApiKeyCaller } from "@/lib/auth/api-key";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { queryPrepared } from "@/lib/db/prepared";
import { DomainError } from "@/lib/errors";
import type { LedgerWriteResult } from "@/types/credits";
import type { UsageBatchEvent } from "@/types/usage";
import { apiIdempotencyKey, consumeRequestHash } from "./consume-credits";
import { ledgerResult, type OutcomeRow } from "./ledger-write";

export type BatchEventOutcome =
  | { id: string; status: "applied" | "replayed"; entry: LedgerWriteResult }
  | { id: string; status: "rejected"; error: DomainError };

type Accepted = { index: number; workspaceId: string; event: UsageBatchEvent };

/**
 * Spends a batch of usage events sent with an API key, and answers each in request order with
 * exactly what `POST /api/v1/usage` would have answered it alone: its own entry and balance after,
 * the first answer for an id used before (either endpoint: one key namespace), or its refusal
 * (`insufficient_credits`, `wallet_paused`, `idempotency_mismatch`, `validation_failed` for an
 * unknown service, `not_found` for a workspace without a wallet, `forbidden` for a workspace the
 * key may not spend from). A refusal writes nothing for that event and never stops the others.
 * Events of one wallet apply in request order.
 *
 * One statement (credits_consume_batch), so one transaction: a failure writes nothing at all, and
 * a resend replays what committed. Wallets are locked in ascending id order, so concurrent batches
 * never deadlock. Throws `validation_failed`, writing nothing, when a platform key's event names
 * no workspace. Needs no transaction.
 */
export async function consumeCreditsBatch(
  db: Db,
  input: { caller: ApiKeyCaller; events: UsageBatchEvent[] },
  clock: Clock = systemClock,
): Promise<BatchEventOutcome[]> {
  const { caller, events } = input;
  if (caller.kind === "PLATFORM") {
    const unnamed = events.flatMap((event, index) => (event.workspaceId ? [] : [`events.${index}.workspaceId`]));
    if (unnamed.length) {
      throw new DomainError("validation_failed", platformKeyRequiresWorkspace, {
        fieldErrors: Object.fromEntries(unnamed.map((field) => [field, ["Required with a platform key"]])),
      });
    }
  }

  const outcomes: (BatchEventOutcome | undefined)[] = new Array(events.length);
  const accepted: Accepted[] = [];
  events.forEach((event, index) => {
    try {
      accepted.push({ index, workspaceId: usageWorkspace(caller, event.workspaceId), event });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes[index] = { id: event.id, status: "rejected", error };
    }
  });

  if (accepted.length) {
    const rows = await queryPrepared<OutcomeRow & { ordinal: number }>(db, {
      name: "credits_consume_batch",
      text:
        "SELECT ordinal, outcome, entry_id, amount, balance_after, created_at FROM credits_consume_batch(" +
        "$1::uuid[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::actor_type, $7::text, $8::text[], $9::text[], $10::timestamptz)",
      values: [
        accepted.map((a) => a.workspaceId),
        accepted.map((a) => a.event.service),
        accepted.map((a) => a.event.quantity),
        accepted.map((a) => apiIdempotencyKey(a.event.id)),
        accepted.map(({ event }) => consumeRequestHash({ serviceKey: event.service, quantity: event.quantity, referenceId: event.reference, description: event.description })),
        "API_KEY",
        caller.apiKeyId,
        accepted.map((a) => a.event.reference ?? null),
        accepted.map((a) => a.event.description ?? null),
        clock.now(),
      ],
    });
    for (const row of rows) {
      const { index, event } = accepted[row.ordinal - 1]!;
      const result = ledgerResult(row);
      if (result instanceof DomainError) {
        outcomes[index] = { id: event.id, status: "rejected", error: result };
      } else {
        const { replayed, ...entry } = result;
        outcomes[index] = { id: event.id, status: replayed ? "replayed" : "applied", entry };
      }
    }
  }

  return outcomes.map((outcome, index) => {
    if (!outcome) throw new Error(`The batch function returned no outcome for event ${index}`);
    return outcome;
  });
}
