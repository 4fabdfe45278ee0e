import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import type { AdjustCreditsBody } from "@/types/admin-credits";
import { recordAudit } from "../audit/record-audit";
import { grantCredits } from "../credits/grant-credits";
import { removeCredits } from "../credits/remove-credits";

export type AdjustCreditsInput = AdjustCreditsBody & { workspaceId: string; adminId: string; idempotencyKey: string };

/**
 * An admin adds or removes credits with a reason, audited in the same transaction. A removal may
 * take the wallet negative. Idempotent per key; a retry is not audited twice.
 */
export async function adjustCredits(db: Db, input: AdjustCreditsInput) {
  const actor = { type: "ADMIN" as const, id: input.adminId };
  const idempotencyKey = `admin:${input.idempotencyKey}`;
  return inTransaction(db, async (tx) => {
    const result =
      input.direction === "add"
        ? await grantCredits(tx, { workspaceId: input.workspaceId, type: "ADMIN_ADJUSTMENT", credits: input.credits, expiresAt: input.expiresAt, description: input.reason, idempotencyKey, actor })
        : await removeCredits(tx, { workspaceId: input.workspaceId, type: "ADMIN_ADJUSTMENT", credits: input.credits, reason: input.reason, idempotencyKey, actor });
    if (!result.replayed) {
      await recordAudit(tx, {
        actor,
        action: input.direction === "add" ? "credits.added" : "credits.removed",
        target: { type: "ledger_entry", id: result.entryId },
        workspaceId: input.workspaceId,
        after: { credits: input.credits, reason: input.reason, balance: result.balance },
      });
    }
    return result;
  });
}
