import "server-only";
import type { Db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { ResolveBody } from "@/types/disputes";
import { reverseEntry } from "../credits/reverse-entry";
import { runAdminTransition, type AdminCaller } from "./admin-transition";
import type { DisputeOptions, DisputeRow } from "./dispute-view";
import { notifyDecision } from "./notify-decision";
import { assertFrom, assertMayDecide, recordTransition } from "./record-transition";

const STATUS_FOR = { full_refund: "RESOLVED_FULL_REFUND", partial_refund: "RESOLVED_PARTIAL_REFUND", explained: "RESOLVED_EXPLAINED" } as const;

function refundFor(dispute: DisputeRow, body: ResolveBody): number {
  const remaining = dispute.creditsRequested - dispute.creditsRefunded;
  if (body.outcome === "explained") return 0;
  if (body.outcome === "full_refund") return remaining;
  if (body.credits >= remaining) {
    throw new DomainError("validation_failed", `A partial refund must be less than the ${remaining} credits still disputed; use a full refund for all of it`, {
      fieldErrors: { credits: [`At most ${remaining - 1}`] },
    });
  }
  return body.credits;
}

/**
 * Decides a dispute under review (level 1, every admin) or an appeal (level 2, senior admins only):
 * a full refund of what is still disputed, a partial refund, or an explanation without refund.
 * A refund is a DISPUTE_REFUND reversal of the disputed entry, so the ledger itself caps it at
 * what the entry took; the dispute's CHECK caps the total at the disputed amount.
 */
export async function resolveDispute(db: Db, disputeId: string, body: ResolveBody, caller: AdminCaller, options: DisputeOptions = {}) {
  return runAdminTransition(db, disputeId, caller, "decide", { ...body }, async (tx, dispute, { now }) => {
    assertFrom(dispute, ["UNDER_REVIEW", "APPEALED"], "resolved");
    assertMayDecide(dispute, caller.role === "SENIOR_ADMIN");
    const refund = refundFor(dispute, body);
    const to = STATUS_FOR[body.outcome];
    const actor = { type: "ADMIN" as const, id: caller.adminId };
    // The refund locks the customer's wallet until commit, so it comes as late as it can: every
    // other decision on that wallet waits only for the writes that need its entry.
    await notifyDecision(tx, dispute, { status: to, refunded: refund, message: body.message });
    const entry = refund > 0
      ? await reverseEntry(tx, {
          workspaceId: dispute.workspaceId,
          entryId: dispute.ledgerEntryId!,
          credits: refund,
          type: "DISPUTE_REFUND",
          reason: `Dispute refund: ${body.message}`.slice(0, 500),
          idempotencyKey: `dispute:${dispute.id}:level:${dispute.appealLevel}`,
          actor,
          reference: { type: "dispute", id: dispute.id },
        }, { now: () => now })
      : null;
    return recordTransition(tx, dispute, {
      action: "resolved",
      actor,
      to,
      message: body.message,
      credits: refund > 0 ? refund : null,
      refundEntryId: entry?.entryId,
      assignedToId: dispute.assignedToId ?? caller.adminId,
      data: { creditsRefunded: dispute.creditsRefunded + refund, resolvedAt: now, decisionMessage: body.message, firstResponseAt: dispute.firstResponseAt ?? now },
      now,
    });
  }, options);
}
