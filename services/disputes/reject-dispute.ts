import "server-only";
import type { Db } from "@/lib/db";
import type { RejectBody } from "@/types/disputes";
import { runAdminTransition, type AdminCaller } from "./admin-transition";
import type { DisputeOptions } from "./dispute-view";
import { notifyDecision } from "./notify-decision";
import { assertFrom, assertMayDecide, recordTransition } from "./record-transition";

/**
 * Rejects a dispute under review (every admin) or an appeal (senior admins only), with a message to
 * the customer. A first-level rejection may be appealed once; a rejected appeal is final.
 */
export async function rejectDispute(db: Db, disputeId: string, body: RejectBody, caller: AdminCaller, options: DisputeOptions = {}) {
  return runAdminTransition(db, disputeId, caller, "decide", { outcome: "reject", ...body }, async (tx, dispute, { now }) => {
    assertFrom(dispute, ["UNDER_REVIEW", "APPEALED"], "rejected");
    assertMayDecide(dispute, caller.role === "SENIOR_ADMIN");
    await notifyDecision(tx, dispute, { status: "REJECTED", refunded: 0, message: body.message });
    return recordTransition(tx, dispute, {
      action: "rejected",
      actor: { type: "ADMIN", id: caller.adminId },
      to: "REJECTED",
      message: body.message,
      assignedToId: dispute.assignedToId ?? caller.adminId,
      data: { resolvedAt: now, decisionMessage: body.message, firstResponseAt: dispute.firstResponseAt ?? now },
      now,
    });
  }, options);
}
