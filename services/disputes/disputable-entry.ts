import "server-only";
import type { Db } from "@/lib/db";
import type { LedgerEntry } from "@/lib/generated/prisma/client";

/** A usage charge, or credits an admin removed: the entries a customer may contest. */
export function isDisputableEntry(entry: Pick<LedgerEntry, "type" | "amount">): boolean {
  return entry.amount < 0 && (entry.type === "USAGE" || entry.type === "ADMIN_ADJUSTMENT");
}

/** What the entry took that has not been given back yet (by earlier disputes or admin reversals). */
export async function disputableCredits(db: Db, entry: Pick<LedgerEntry, "id" | "amount" | "workspaceId">): Promise<number> {
  const returned = await db.ledgerEntry.aggregate({ where: { reversesId: entry.id, workspaceId: entry.workspaceId }, _sum: { amount: true } });
  return -entry.amount - (returned._sum.amount ?? 0);
}
