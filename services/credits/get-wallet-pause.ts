import "server-only";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { WalletPauseView } from "@/types/admin-customers";

/**
 * Whether the workspace's credit usage is paused, why, since when and until when (a scheduled
 * resume). What the customer's dashboard shows and the admin detail page reads. Throws not_found.
 */
export async function getWalletPause(db: Db, workspaceId: string): Promise<WalletPauseView> {
  const wallet = await db.wallet.findUnique({ where: { workspaceId }, select: { status: true, pausedAt: true, pausedReason: true, resumeAt: true } });
  if (!wallet) throw notFound("Wallet");
  return wallet;
}
