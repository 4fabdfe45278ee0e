import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import type { AdjustmentRequestView } from "@/types/admin-customers";
import { recordAudit } from "../audit/record-audit";
import { findAdjustmentRequests } from "./adjustment-request-view";
import { lockForDecision } from "./lock-for-decision";
import { writeAdjustment } from "./write-adjustment";

/**
 * A second admin approves a pending adjustment: its ledger entry, the request's new state and the
 * audit row are written in one transaction, exactly once however many admins approve at the same
 * time (the others get `conflict`). The approver's retry returns the approved request. Throws
 * `self_approval` for the requester, `not_found`, and the ledger's own errors (balance limit).
 */
export async function approveAdjustmentRequest(db: Db, input: { requestId: string; adminId: string }, clock: Clock = systemClock): Promise<AdjustmentRequestView> {
  return inTransaction(db, async (tx) => {
    const request = await lockForDecision(tx, input.requestId, input.adminId, "APPROVED");
    if (request) {
      const actor = { type: "ADMIN" as const, id: input.adminId };
      const direction = request.direction === "ADD" ? ("add" as const) : ("remove" as const);
      const result = await writeAdjustment(
        tx,
        { workspaceId: request.workspaceId, direction, credits: request.credits, reason: request.reason, expiresAt: request.expiresAt, idempotencyKey: `approval:${request.id}`, actor },
        clock,
      );
      await tx.creditAdjustmentRequest.update({ where: { id: request.id }, data: { status: "APPROVED", decidedById: input.adminId, decidedAt: clock.now(), ledgerEntryId: result.entryId } });
      await recordAudit(tx, {
        actor,
        action: "credit_adjustment.approved",
        target: { type: "credit_adjustment_request", id: request.id },
        workspaceId: request.workspaceId,
        before: { status: "PENDING", balance: result.balance - result.amount },
        after: { status: "APPROVED", balance: result.balance, entryId: result.entryId, direction, credits: request.credits, requestedById: request.requestedById },
      });
    }
    const [view] = await findAdjustmentRequests(tx, { where: { id: input.requestId } });
    return view!;
  });
}
