import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import type { WalletPauseView } from "@/types/admin-customers";
import type { Actor } from "../credits/actor";
import { getWalletPause } from "../credits/get-wallet-pause";
import { setWalletStatus } from "../credits/set-wallet-status";
import { queueEmail } from "../mail/queue-email";
import { walletPausedEmail } from "../mail/templates/wallet-paused";
import { walletResumedEmail } from "../mail/templates/wallet-resumed";
import { claimOnce } from "../idempotency/run-once";

export type SetWalletPauseInput = {
  workspaceId: string;
  paused: boolean;
  reason?: string;
  resumeAt?: Date | null;
  actor: Actor;
  /** The admin's Idempotency-Key: a retry changes nothing, even after a later opposite change. */
  idempotencyKey?: string;
};

/**
 * Pauses (with a reason and an optional scheduled resume) or resumes a workspace's credit usage,
 * audited, and tells its owners and admins by email in the same transaction. Setting the state
 * it already has changes nothing and sends nothing. Throws not_found for an unknown workspace.
 */
export async function setWalletPause(db: Db, input: SetWalletPauseInput, clock: Clock = systemClock): Promise<WalletPauseView> {
  return inTransaction(db, async (tx) => {
    if (input.idempotencyKey) {
      const request = { op: "wallet-status", workspaceId: input.workspaceId, paused: input.paused, reason: input.reason, resumeAt: input.resumeAt ?? undefined };
      const isFirst = await claimOnce(tx, { scope: `admin:${input.actor.id}`, key: input.idempotencyKey, request });
      if (!isFirst) return getWalletPause(tx, input.workspaceId);
    }
    const { changed } = await setWalletStatus(tx, input, clock);
    const pause = await getWalletPause(tx, input.workspaceId);
    if (changed) {
      const workspace = await tx.workspace.findUniqueOrThrow({
        where: { id: input.workspaceId },
        select: { name: true, memberships: { where: { role: { in: ["OWNER", "ADMIN"] } }, select: { user: { select: { email: true } } } } },
      });
      for (const { user } of workspace.memberships) {
        const recipient = { to: user.email, workspaceId: input.workspaceId, workspaceName: workspace.name };
        await queueEmail(tx, input.paused ? walletPausedEmail({ ...recipient, reason: pause.pausedReason, resumeAt: pause.resumeAt }) : walletResumedEmail(recipient));
      }
    }
    return pause;
  });
}
