import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { recordAudit } from "../audit/record-audit";
import { DEFAULT_LOW_BALANCE_CREDITS } from "./queue-low-balance-warnings";

/**
 * Sets the balance under which the workspace's owners and admins are warned. The next check arms
 * the warning again if the balance is at or above the new threshold. The caller checks the role.
 */
export async function setLowBalanceThreshold(db: Db, input: { workspaceId: string; actorId: string; thresholdCredits: number }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await tx.lowBalanceAlert.findUnique({ where: { workspaceId: input.workspaceId }, select: { thresholdCredits: true } });
    await tx.lowBalanceAlert.upsert({
      where: { workspaceId: input.workspaceId },
      create: { workspaceId: input.workspaceId, thresholdCredits: input.thresholdCredits },
      update: { thresholdCredits: input.thresholdCredits },
    });
    await recordAudit(tx, {
      actor: { type: "USER", id: input.actorId },
      action: "workspace.low_balance_threshold_changed",
      target: { type: "workspace", id: input.workspaceId },
      workspaceId: input.workspaceId,
      before: { thresholdCredits: before?.thresholdCredits ?? DEFAULT_LOW_BALANCE_CREDITS },
      after: { thresholdCredits: input.thresholdCredits },
    });
  });
}
