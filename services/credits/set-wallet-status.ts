import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, Prisma, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "./actor";

export type SetWalletStatusInput = { workspaceId: string; paused: boolean; reason?: string; actor: Actor };

/**
 * Pauses or resumes a workspace's credit usage. A paused wallet refuses usage (423) but still
 * receives credits. Idempotent by nature: setting the current state again changes nothing and
 * writes no audit row. Takes the wallet lock, so it orders with in-flight usage.
 */
export async function setWalletStatus(db: Db, input: SetWalletStatusInput, clock: Clock = systemClock) {
  return inTransaction(db, async (tx) => {
    const [wallet] = await tx.$queryRaw<{ id: string; status: "ACTIVE" | "PAUSED" }[]>(
      Prisma.sql`SELECT id, status FROM wallets WHERE workspace_id = ${input.workspaceId}::uuid FOR UPDATE`,
    );
    if (!wallet) throw notFound("Wallet");
    const status = input.paused ? ("PAUSED" as const) : ("ACTIVE" as const);
    if (wallet.status === status) return { status };
    await tx.wallet.update({
      where: { id: wallet.id },
      data: { status, pausedAt: input.paused ? clock.now() : null, pausedReason: input.paused ? (input.reason ?? null) : null },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: input.paused ? "wallet.paused" : "wallet.resumed",
      target: { type: "wallet", id: wallet.id },
      workspaceId: input.workspaceId,
      before: { status: wallet.status },
      after: { status, reason: input.reason ?? null },
    });
    return { status };
  });
}
