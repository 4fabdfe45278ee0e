import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, Prisma, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "./actor";

export type SetWalletStatusInput = {
  workspaceId: string;
  paused: boolean;
  reason?: string;
  /** Only when pausing: when the resume sweep reopens the wallet (null: until someone resumes it). */
  resumeAt?: Date | null;
  actor: Actor;
};

/**
 * Pauses or resumes a workspace's credit usage. A paused wallet refuses usage (423) but still
 * receives credits. Idempotent by nature: setting the current state again changes nothing and
 * writes no audit row (`changed: false`). Takes the wallet lock, so it orders with in-flight usage.
 */
export async function setWalletStatus(db: Db, input: SetWalletStatusInput, clock: Clock = systemClock) {
  return inTransaction(db, async (tx) => {
    const [wallet] = await tx.$queryRaw<{ id: string; status: "ACTIVE" | "PAUSED"; paused_reason: string | null; resume_at: Date | null }[]>(
      Prisma.sql`SELECT id, status, paused_reason, resume_at FROM wallets WHERE workspace_id = ${input.workspaceId}::uuid FOR UPDATE`,
    );
    if (!wallet) throw notFound("Wallet");
    const status = input.paused ? ("PAUSED" as const) : ("ACTIVE" as const);
    if (wallet.status === status) return { status, changed: false };
    const resumeAt = input.paused ? (input.resumeAt ?? null) : null;
    await tx.wallet.update({
      where: { id: wallet.id },
      data: { status, pausedAt: input.paused ? clock.now() : null, pausedReason: input.paused ? (input.reason ?? null) : null, resumeAt },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: input.paused ? "wallet.paused" : "wallet.resumed",
      target: { type: "wallet", id: wallet.id },
      workspaceId: input.workspaceId,
      before: { status: wallet.status, reason: wallet.paused_reason, resumeAt: wallet.resume_at?.toISOString() ?? null },
      after: { status, reason: input.paused ? (input.reason ?? null) : null, resumeAt: resumeAt?.toISOString() ?? null },
    });
    return { status, changed: true };
  });
}
