import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import type { ReverseEntryBody } from "@/types/admin-credits";
import { recordAudit } from "../audit/record-audit";
import { reverseEntry } from "../credits/reverse-entry";

export type ReverseEntryAsAdminInput = ReverseEntryBody & { workspaceId: string; entryId: string; adminId: string; idempotencyKey: string };

/** An admin reverses all or part of an entry of the workspace, audited. Idempotent per key. */
export async function reverseEntryAsAdmin(db: Db, input: ReverseEntryAsAdminInput) {
  const actor = { type: "ADMIN" as const, id: input.adminId };
  return inTransaction(db, async (tx) => {
    const result = await reverseEntry(tx, {
      workspaceId: input.workspaceId,
      entryId: input.entryId,
      credits: input.credits,
      type: "REVERSAL",
      reason: input.reason,
      idempotencyKey: `admin:${input.idempotencyKey}`,
      actor,
    });
    if (!result.replayed) {
      await recordAudit(tx, {
        actor,
        action: "ledger_entry.reversed",
        target: { type: "ledger_entry", id: input.entryId },
        workspaceId: input.workspaceId,
        before: { balance: result.balance - result.amount },
        after: { balance: result.balance, reversalEntryId: result.entryId, credits: result.amount, reason: input.reason },
      });
    }
    return result;
  });
}
