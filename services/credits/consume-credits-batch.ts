import "server-only";
import { platformKeyRequiresWorkspace, usageWorkspace, type ApiKeyCaller } from "@/lib/auth/api-key";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { LedgerWriteResult } from "@/types/credits";
import type { UsageBatchEvent } from "@/types/usage";
import { apiIdempotencyKey, consumeEach } from "./consume-credits";

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

  const results = await consumeEach(
    db,
    accepted.map(({ workspaceId, event }) => ({
      workspaceId,
      serviceKey: event.service,
      quantity: event.quantity,
      idempotencyKey: apiIdempotencyKey(event.id),
      referenceId: event.reference,
      description: event.description,
      actor: { type: "API_KEY", id: caller.apiKeyId },
    })),
    clock,
  );
  results.forEach((result, i) => {
    const { index, event } = accepted[i]!;
    if (result instanceof DomainError) {
      outcomes[index] = { id: event.id, status: "rejected", error: result };
    } else {
      const { replayed, ...entry } = result;
      outcomes[index] = { id: event.id, status: replayed ? "replayed" : "applied", entry };
    }
  });

  return outcomes as BatchEventOutcome[];
}
