import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { DomainError, notFound } from "@/lib/errors";
import { requestHash } from "@/lib/request-hash";
import type { AdjustCreditsResponse } from "@/types/admin-customers";
import type { AdjustCreditsBody } from "@/types/admin-credits";
import { recordAudit } from "../audit/record-audit";
import { getPricingSettings } from "../pricing/pricing-settings";
import { findAdjustmentRequests } from "./adjustment-request-view";
import { approvalPolicyFromEnv, needsApproval, type ApprovalPolicy } from "./approval-policy";
import { writeAdjustment } from "./write-adjustment";

export type AdjustCreditsInput = AdjustCreditsBody & { workspaceId: string; adminId: string; idempotencyKey: string };
export type AdjustCreditsOptions = { policy?: ApprovalPolicy; clock?: Clock };

/**
 * An admin adds or removes credits with a reason, audited (balance before and after) in the same
 * transaction. A removal may take the wallet negative. Above the four-eyes threshold nothing
 * touches the ledger: a pending request is recorded for a second admin (approveAdjustmentRequest).
 * Idempotent per key: a retry returns the first answer and is not audited twice; a different
 * request under the key is `idempotency_mismatch`. Throws not_found for an unknown workspace.
 */
export async function adjustCredits(db: Db, input: AdjustCreditsInput, options: AdjustCreditsOptions = {}): Promise<AdjustCreditsResponse & { replayed: boolean }> {
  const policy = options.policy ?? approvalPolicyFromEnv();
  const { baseUnitCents } = await getPricingSettings(db);
  const actor = { type: "ADMIN" as const, id: input.adminId };
  return inTransaction(db, async (tx) => {
    if (needsApproval(policy, input.credits, baseUnitCents)) return requestAdjustment(tx, input);
    const result = await writeAdjustment(tx, { ...input, idempotencyKey: `admin:${input.idempotencyKey}`, actor }, options.clock ?? systemClock);
    if (!result.replayed) {
      await recordAudit(tx, {
        actor,
        action: input.direction === "add" ? "credits.added" : "credits.removed",
        target: { type: "ledger_entry", id: result.entryId },
        workspaceId: input.workspaceId,
        before: { balance: result.balance - result.amount },
        after: { balance: result.balance, credits: input.credits, reason: input.reason, expiresAt: input.expiresAt?.toISOString() ?? null },
      });
    }
    return { status: "applied" as const, ...result };
  });
}

/** Records (once per requester and key) an adjustment that waits for a second admin. */
async function requestAdjustment(tx: Db, input: AdjustCreditsInput): Promise<AdjustCreditsResponse & { replayed: boolean }> {
  const hash = requestHash({ op: "adjustment-request", workspaceId: input.workspaceId, direction: input.direction, credits: input.credits, reason: input.reason, expiresAt: input.expiresAt });
  const wallet = await tx.wallet.findUnique({ where: { workspaceId: input.workspaceId }, select: { balance: true } });
  if (!wallet) throw notFound("Wallet");
  // ON CONFLICT DO NOTHING: a concurrent double click waits for the first insert, then finds it.
  const { count } = await tx.creditAdjustmentRequest.createMany({
    data: {
      workspaceId: input.workspaceId,
      direction: input.direction === "add" ? "ADD" : "REMOVE",
      credits: input.credits,
      reason: input.reason,
      expiresAt: input.expiresAt ?? null,
      requestedById: input.adminId,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
    },
    skipDuplicates: true,
  });
  const [request] = await findAdjustmentRequests(tx, { where: { requestedById: input.adminId, idempotencyKey: input.idempotencyKey } });
  const stored = await tx.creditAdjustmentRequest.findUniqueOrThrow({ where: { id: request!.id }, select: { requestHash: true } });
  if (stored.requestHash !== hash) throw new DomainError("idempotency_mismatch", "This Idempotency-Key was already used for a different request");
  if (count) {
    await recordAudit(tx, {
      actor: { type: "ADMIN", id: input.adminId },
      action: "credit_adjustment.requested",
      target: { type: "credit_adjustment_request", id: request!.id },
      workspaceId: input.workspaceId,
      before: { balance: wallet.balance },
      after: { balance: wallet.balance, status: "PENDING", direction: request!.direction, credits: input.credits, reason: input.reason },
    });
  }
  return { status: "pending_approval", request: request!, replayed: count === 0 };
}
