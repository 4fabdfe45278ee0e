import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import type { AdjustmentRequestView } from "@/types/admin-customers";
import { recordAudit } from "../audit/record-audit";
import { findAdjustmentRequests } from "./adjustment-request-view";
import { lockForDecision } from "./lock-for-decision";

/**
 * A second admin rejects a pending adjustment with a reason; the ledger is never touched. Audited.
 * The rejecter's retry returns the rejected request. Throws `self_approval`, `conflict` (already
 * decided), `not_found`.
 */
export async function rejectAdjustmentRequest(db: Db, input: { requestId: string; adminId: string; reason: string }, clock: Clock = systemClock): Promise<AdjustmentRequestView> {
  return inTransaction(db, async (tx) => {
    const request = await lockForDecision(tx, input.requestId, input.adminId, "REJECTED");
    if (request) {
      await tx.creditAdjustmentRequest.update({ where: { id: request.id }, data: { status: "REJECTED", decidedById: input.adminId, decidedAt: clock.now(), rejectionReason: input.reason } });
      await recordAudit(tx, {
        actor: { type: "ADMIN", id: input.adminId },
        action: "credit_adjustment.rejected",
        target: { type: "credit_adjustment_request", id: request.id },
        workspaceId: request.workspaceId,
        before: { status: "PENDING" },
        after: { status: "REJECTED", reason: input.reason, requestedById: request.requestedById },
      });
    }
    const [view] = await findAdjustmentRequests(tx, { where: { id: input.requestId } });
    return view!;
  });
}
