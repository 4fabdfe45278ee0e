import "server-only";
import type { Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { grantCredits, type GrantType } from "../credits/grant-credits";
import { reverseEntry } from "../credits/reverse-entry";

export type GrantClawback = {
  workspaceId: string;
  /** The ledger entry that granted the credits. */
  entryId: string;
  /** What should have been taken back of it in all, given the money that left the payment. */
  targetCredits: number;
  /** What has been taken back so far, net of anything given back (the caller's counter). */
  clawedBackCredits: number;
  /**
   * Take back only what is still unspent in the grant's own lot, never driving the wallet into
   * debt: for credits a third party received (a referrer), who did not get the money back.
   */
  unspentOnly?: boolean;
  /** How credits given back after a won chargeback are granted: their type, and whether they keep the original lot's expiry. */
  reinstate: { type: GrantType; description: string; keepExpiry?: boolean };
  idempotencyKey: string;
  reference: { type: string; id: string };
};

/**
 * Moves what has been taken back of one grant toward its target: takes back the difference (a
 * PAYMENT_REFUND_CLAWBACK reversal of the grant) or gives it back (a new grant, after a won
 * chargeback). Never more than is left of the grant — less what was reversed already and what
 * expired unused — and, with `unspentOnly`, no more than its lot still holds. Credits already spent
 * are otherwise taken back too: the wallet may go negative and then refuses usage until topped
 * up. A reinstatement that would keep a lapsed expiry gives nothing back (those credits would have
 * expired anyway) and leaves the counter as it is. Returns the credits moved: positive when taken
 * back, negative when given back; the caller adds it to its counter in the same transaction, under
 * the lock that serialises this payment (the key makes a replay a no-op).
 */
export async function clawBackGrant(tx: Prisma.TransactionClient, input: GrantClawback, clock: Clock): Promise<number> {
  const delta = input.targetCredits - input.clawedBackCredits;
  if (delta === 0) return 0;
  const now = clock.now();
  const common = { workspaceId: input.workspaceId, actor: { type: "STRIPE" as const }, reference: input.reference, idempotencyKey: input.idempotencyKey };
  if (delta > 0) {
    let takeBack = Math.min(delta, await reversibleCredits(tx, input.entryId, now));
    if (input.unspentOnly) takeBack = Math.min(takeBack, await unspentInLot(tx, input.workspaceId, input.entryId, now));
    if (takeBack <= 0) return 0;
    const moved = await reverseEntry(tx, { ...common, entryId: input.entryId, credits: takeBack, type: "PAYMENT_REFUND_CLAWBACK", reason: "Payment refunded or disputed" }, clock);
    return -moved.amount;
  }
  let expiresAt: Date | null = null;
  if (input.reinstate.keepExpiry) {
    const lot = await tx.creditGrant.findUnique({ where: { sourceEntryId: input.entryId }, select: { expiresAt: true } });
    expiresAt = lot?.expiresAt ?? null;
    if (expiresAt !== null && expiresAt <= now) return 0;
  }
  const moved = await grantCredits(tx, { ...common, type: input.reinstate.type, credits: -delta, expiresAt, description: input.reinstate.description }, clock);
  return -moved.amount;
}

/** What is left to take back of the entry, by the ledger's own rule (credits_reversible). */
async function reversibleCredits(tx: Prisma.TransactionClient, entryId: string, now: Date): Promise<number> {
  const [row] = await tx.$queryRaw<{ left: number }[]>`
    SELECT credits_reversible(e, ${now}::timestamptz) AS left FROM ledger_entries e WHERE e.id = ${entryId}::uuid`;
  return row?.left ?? 0;
}

/**
 * What the entry's own lot still holds for spending (unexpired, not reserved by a hold). The
 * wallet is locked first, as every ledger function does, so no spend can change the lot between
 * this read and the reversal, which then takes exactly these credits from the lot.
 */
async function unspentInLot(tx: Prisma.TransactionClient, workspaceId: string, entryId: string, now: Date): Promise<number> {
  await tx.$queryRaw`SELECT id FROM wallets WHERE workspace_id = ${workspaceId}::uuid FOR UPDATE`;
  const [row] = await tx.$queryRaw<{ unspent: number }[]>`
    SELECT CASE WHEN g.expires_at IS NOT NULL AND g.expires_at <= ${now}::timestamptz THEN 0 ELSE g.remaining - g.held END AS unspent
    FROM credit_grants g WHERE g.source_entry_id = ${entryId}::uuid`;
  return Math.max(0, row?.unspent ?? 0);
}
