import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { grantCredits } from "../credits/grant-credits";
import { reverseEntry } from "../credits/reverse-entry";

type PaymentAmounts = { credits: number; bonusCredits: number; amountCents: number; amountRefundedCents: number; amountDisputedCents: number };

/**
 * Credits a payment owes back, given the money Stripe says left it (refunded, plus withdrawn by an
 * open or lost chargeback): proportional to the amount, never more than was granted. Cumulative,
 * so a 30% refund and then the rest come to exactly the whole grant.
 */
export function clawbackTarget(payment: PaymentAmounts): number {
  const granted = payment.credits + payment.bonusCredits;
  if (payment.amountCents <= 0) return 0;
  const moneyTaken = Math.min(payment.amountCents, payment.amountRefundedCents + payment.amountDisputedCents);
  return Math.min(granted, Math.round((granted * moneyTaken) / payment.amountCents));
}

/**
 * Brings the credits taken back from a payment to its target (after its refunded and disputed
 * amounts were updated): takes back the difference as a clawback of the purchase entry, or gives
 * credits back when a chargeback was won. `cause` names the Stripe state that led here; its key
 * makes a redelivered event a no-op. Locks the payment row: run in the caller's transaction.
 * Credits already spent are still taken back (the wallet may go negative and then refuses usage
 * until topped up); never more than the entry granted.
 */
export async function settlePaymentClawback(tx: Prisma.TransactionClient, paymentId: string, cause: { key: string; reference: { type: string; id: string } }, clock: Clock = systemClock) {
  const [payment] = await tx.$queryRaw<(PaymentAmounts & { workspaceId: string; ledgerEntryId: string | null; creditsClawedBack: number })[]>`
    SELECT workspace_id AS "workspaceId", ledger_entry_id AS "ledgerEntryId", credits, bonus_credits AS "bonusCredits",
           amount_cents AS "amountCents", amount_refunded_cents AS "amountRefundedCents",
           amount_disputed_cents AS "amountDisputedCents", credits_clawed_back AS "creditsClawedBack"
    FROM payments WHERE id = ${paymentId}::uuid FOR UPDATE`;
  if (!payment?.ledgerEntryId) return { credits: 0 };
  const delta = clawbackTarget(payment) - payment.creditsClawedBack;
  if (delta === 0) return { credits: 0 };
  const common = { workspaceId: payment.workspaceId, actor: { type: "STRIPE" as const }, reference: cause.reference, idempotencyKey: cause.key };
  let moved;
  if (delta > 0) {
    // Only what is left of the grant: an admin may have reversed part of it, and plan credits
    // that expired unused have left the wallet already.
    const takeBack = Math.min(delta, await reversibleCredits(tx, payment.ledgerEntryId, clock.now()));
    if (takeBack <= 0) return { credits: 0 };
    moved = await reverseEntry(tx, { ...common, entryId: payment.ledgerEntryId, credits: takeBack, type: "PAYMENT_REFUND_CLAWBACK", reason: "Payment refunded or disputed" }, clock);
  } else {
    moved = await grantCredits(tx, { ...common, type: "PURCHASE", credits: -delta, description: "Chargeback won: credits reinstated" }, clock);
  }
  await tx.payment.update({ where: { id: paymentId }, data: { creditsClawedBack: { increment: -moved.amount } } });
  return { credits: -moved.amount };
}

/** What is left to take back of the entry, by the ledger's own rule (credits_reversible). */
async function reversibleCredits(tx: Prisma.TransactionClient, entryId: string, now: Date): Promise<number> {
  const [row] = await tx.$queryRaw<{ left: number }[]>`
    SELECT credits_reversible(e, ${now}::timestamptz) AS left FROM ledger_entries e WHERE e.id = ${entryId}::uuid`;
  return row?.left ?? 0;
}
