import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, Prisma, type Db } from "@/lib/db";
import { setWalletPause } from "./set-wallet-pause";

/**
 * The resume sweep: reopens every paused wallet whose scheduled resume time has come, one
 * transaction each (audited as the system, the customer emailed). The wallet is locked and the
 * schedule read again inside the transaction, so a concurrent sweep, or an admin who resumed it
 * or moved the date meanwhile, is respected: each wallet is resumed once, when due.
 */
export async function resumeDueWallets(db: Db, clock: Clock = systemClock): Promise<{ resumed: number }> {
  const now = clock.now();
  const due = await db.wallet.findMany({ where: { status: "PAUSED", resumeAt: { lte: now } }, select: { workspaceId: true }, orderBy: { resumeAt: "asc" }, take: 1000 });
  let resumed = 0;
  for (const { workspaceId } of due) {
    const isResumed = await inTransaction(db, async (tx) => {
      const stillDue = await tx.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT id FROM wallets WHERE workspace_id = ${workspaceId}::uuid AND status = 'PAUSED' AND resume_at <= ${now}::timestamptz FOR UPDATE`,
      );
      if (!stillDue.length) return false;
      await setWalletPause(tx, { workspaceId, paused: false, actor: { type: "SYSTEM" } }, clock);
      return true;
    });
    if (isResumed) resumed += 1;
  }
  return { resumed };
}
