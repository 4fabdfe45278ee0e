import "server-only";
import type { Db } from "@/lib/db";
import type { ReviewBody } from "@/types/disputes";
import { runAdminTransition, type AdminCaller } from "./admin-transition";
import type { DisputeOptions } from "./dispute-view";
import { assertFrom, recordTransition } from "./record-transition";

/** OPEN → UNDER_REVIEW: an admin takes the case (and it becomes theirs if nobody had it). */
export async function startReview(db: Db, disputeId: string, body: ReviewBody, caller: AdminCaller, options: DisputeOptions = {}) {
  return runAdminTransition(db, disputeId, caller, "review", { ...body }, async (tx, dispute, { now }) => {
    assertFrom(dispute, ["OPEN"], "put under review");
    return recordTransition(tx, dispute, {
      action: "review_started",
      actor: { type: "ADMIN", id: caller.adminId },
      to: "UNDER_REVIEW",
      message: body.message,
      assignedToId: dispute.assignedToId ?? caller.adminId,
      data: { firstResponseAt: dispute.firstResponseAt ?? now },
      now,
    });
  }, options);
}
