import "server-only";
import { appUrl } from "@/lib/app-url";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { listBillingRecipients } from "./list-billing-recipients";
import { queueEmail } from "./queue-email";
import { lowBalanceEmail } from "./templates/low-balance";

/** The threshold of a workspace that never chose one. */
export const DEFAULT_LOW_BALANCE_CREDITS = 100;

/**
 * Queues one low-balance warning per crossing. A periodic check, not part of spending: the spend
 * path stays exactly as fast as it was, and a warning arrives within a minute of the crossing.
 *
 * A workspace is armed once its balance is seen at or above its threshold and disarmed when its
 * warning is queued, so a balance hovering under the line warns once, and a wallet that never
 * had credits (a new sign-up) is never warned. A dip and refill between two checks goes unseen:
 * that is the price of keeping the spend path untouched. Each step is one statement; the
 * warnings are queued in the transaction that disarms them. Returns how many workspaces warned.
 */
export async function queueLowBalanceWarnings(db: Db, { clock = systemClock }: { clock?: Clock } = {}): Promise<number> {
  await db.$executeRaw`
    INSERT INTO low_balance_alerts (workspace_id, threshold_credits, armed)
    SELECT w.workspace_id, COALESCE(a.threshold_credits, ${DEFAULT_LOW_BALANCE_CREDITS}), true
      FROM wallets w LEFT JOIN low_balance_alerts a ON a.workspace_id = w.workspace_id
     WHERE w.balance >= COALESCE(a.threshold_credits, ${DEFAULT_LOW_BALANCE_CREDITS}) AND a.armed IS NOT TRUE
    ON CONFLICT (workspace_id) DO UPDATE SET armed = true`;
  return inTransaction(db, async (tx) => {
    const crossed = await tx.$queryRaw<{ workspaceId: string; balance: number; thresholdCredits: number }[]>`
      UPDATE low_balance_alerts a SET armed = false, notified_at = ${clock.now()}
        FROM wallets w
       WHERE w.workspace_id = a.workspace_id AND a.armed AND w.balance < a.threshold_credits
      RETURNING a.workspace_id::text AS "workspaceId", w.balance, a.threshold_credits AS "thresholdCredits"`;
    for (const alert of crossed) {
      const { workspaceName, emails } = await listBillingRecipients(tx, alert.workspaceId);
      for (const to of emails) {
        await queueEmail(tx, lowBalanceEmail({ to, workspaceId: alert.workspaceId, workspaceName, balance: alert.balance, thresholdCredits: alert.thresholdCredits, topUpUrl: appUrl("/credits"), settingsUrl: appUrl("/settings") }));
      }
    }
    return crossed.length;
  });
}
