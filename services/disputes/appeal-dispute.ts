import "server-only";
import { systemClock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { DomainError, notFound } from "@/lib/errors";
import { APPEALABLE_STATUSES, disputeView, type AppealBody, type DisputeView } from "@/types/disputes";
import { disputeSettings, HOUR_MS } from "./dispute-settings";
import { appealableUntil, lockDispute, toDisputeView, toJson, type DisputeOptions } from "./dispute-view";
import { runOnce } from "../idempotency/run-once";
import { assertFrom, recordTransition } from "./record-transition";

export type AppealInput = AppealBody & { disputeId: string; userId: string; idempotencyKey: string };

/**
 * The customer appeals a rejection or a partial refund: once, within the appeal window. The case
 * goes to level 2 (senior admins only) with a fresh first-response deadline.
 */
export async function appealDispute(db: Db, input: AppealInput, options: DisputeOptions = {}): Promise<{ dispute: DisputeView; replayed: boolean }> {
  const clock = options.clock ?? systemClock;
  const settings = options.settings ?? disputeSettings();
  try {
    return await inTransaction(db, async (tx) => {
      const request = { disputeId: input.disputeId, explanation: input.explanation };
      const { value, replayed } = await runOnce(tx, { scope: `user:${input.userId}`, key: `dispute.appeal:${input.idempotencyKey}`, request }, async () => {
        const now = clock.now();
        const dispute = await lockDispute(tx, input.disputeId);
        const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: dispute.workspaceId, userId: input.userId } }, select: { id: true } });
        if (!member) throw notFound("Dispute");
        assertFrom(dispute, APPEALABLE_STATUSES, "appealed");
        if (dispute.appealLevel > 0) throw new DomainError("illegal_transition", "A dispute can be appealed only once", { status: dispute.status });
        const until = appealableUntil(dispute, settings);
        if (!until || now > until) throw new DomainError("dispute_window_closed", `Decisions can be appealed within ${settings.appealWindowDays} days`);
        const appealed = await recordTransition(tx, dispute, {
          action: "appealed",
          actor: { type: "USER", id: input.userId },
          to: "APPEALED",
          message: input.explanation,
          data: {
            appealLevel: 1,
            assignedToId: null,
            firstResponseAt: null,
            dueAt: new Date(now.getTime() + settings.firstResponseHours * HOUR_MS),
          },
          now,
        });
        return toJson(toDisputeView(appealed, settings, now));
      });
      return { dispute: disputeView.parse(value), replayed };
    });
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "P2002") throw new DomainError("dispute_exists", "This charge already has an open dispute");
    throw error;
  }
}
