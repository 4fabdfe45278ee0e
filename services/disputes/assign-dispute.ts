import "server-only";
import type { Db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { OPEN_DISPUTE_STATUSES, type AssignBody } from "@/types/disputes";
import { runAdminTransition, type AdminCaller } from "./admin-transition";
import type { DisputeOptions } from "./dispute-view";
import { assertFrom, recordTransition } from "./record-transition";

/**
 * An admin assigns an undecided dispute to a platform admin (themselves by default). The status
 * does not change; the first admin action stops the SLA clock.
 */
export async function assignDispute(db: Db, disputeId: string, body: AssignBody, caller: AdminCaller, options: DisputeOptions = {}) {
  const assigneeId = body.assigneeId ?? caller.adminId;
  return runAdminTransition(db, disputeId, caller, "assign", { assigneeId }, async (tx, dispute, { now }) => {
    assertFrom(dispute, OPEN_DISPUTE_STATUSES, "assigned");
    const assignee = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true } });
    if (!assignee || assignee.role === "USER") {
      throw new DomainError("validation_failed", "Disputes can be assigned to platform admins only", { fieldErrors: { assigneeId: ["Not a platform admin"] } });
    }
    return recordTransition(tx, dispute, {
      action: "assigned",
      actor: { type: "ADMIN", id: caller.adminId },
      to: dispute.status,
      assignedToId: assigneeId,
      data: { firstResponseAt: dispute.firstResponseAt ?? now },
      now,
    });
  }, options);
}
