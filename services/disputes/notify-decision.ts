import "server-only";
import type { Db } from "@/lib/db";
import { queueEmail } from "../mail/queue-email";
import { disputeDecisionEmail } from "../mail/templates/dispute-decision";
import type { LockedDispute } from "./dispute-view";

export type Decision = { status: "RESOLVED_FULL_REFUND" | "RESOLVED_PARTIAL_REFUND" | "RESOLVED_EXPLAINED" | "REJECTED"; refunded: number; message: string };

/** Queues the decision email to whoever opened the dispute, in the decision's transaction. */
export async function notifyDecision(tx: Db, dispute: LockedDispute, decision: Decision): Promise<void> {
  const { opener } = dispute;
  if (!opener) return;
  await queueEmail(
    tx,
    disputeDecisionEmail({
      to: opener.email,
      name: opener.name,
      workspaceId: dispute.workspaceId,
      disputeId: dispute.id,
      appealLevel: dispute.appealLevel,
      creditsRequested: dispute.creditsRequested,
      totalRefunded: dispute.creditsRefunded + decision.refunded,
      ...decision,
    }),
  );
}
