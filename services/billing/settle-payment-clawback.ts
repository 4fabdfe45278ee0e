import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { clawBackGrant } from "./claw-back-grant";
import { settleBonusClawbacks, type ClawbackCause, type PaymentMoney } from "./settle-bonus-clawbacks";

type PaymentAmounts = PaymentMoney & { credits: number; bonusCredits: number };

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
 * credits back when a chargeback was won; then does the same for the promotional credits tied to
 * the payment — its promotion's bonus and the referral bonuses it earned (settleBonusClawbacks).
 * `cause` names the Stripe state that led here; its key makes a redelivered event a no-op. Locks
 * the payment row: run in the caller's transaction. Credits already spent are still taken back
 * (the wallet may go negative and then refuses usage until topped up); never more than the entry
 * granted, less what was reversed or expired unused. Returns the purchased and the promotional
 * credits moved (positive: taken back).
 */
export async function settlePaymentClawback(tx: Prisma.TransactionClient, paymentId: string, cause: ClawbackCause, clock: Clock = systemClock) {
  const [payment] = await tx.$queryRaw<(PaymentAmounts & { workspaceId: string; ledgerEntryId: string | null; creditsClawedBack: number })[]>`
    SELECT workspace_id AS "workspaceId", ledger_entry_id AS "ledgerEntryId", credits, bonus_credits AS "bonusCredits",
           amount_cents AS "amountCents", amount_refunded_cents AS "amountRefundedCents",
           amount_disputed_cents AS "amountDisputedCents", credits_clawed_back AS "creditsClawedBack"
    FROM payments WHERE id = ${paymentId}::uuid FOR UPDATE`;
  if (!payment?.ledgerEntryId) return { credits: 0, bonusCredits: 0 };
  // Only what is left of the grant: an admin may have reversed part of it, and plan credits
  // that expired unused have left the wallet already.
  const credits = await clawBackGrant(
    tx,
    {
      workspaceId: payment.workspaceId,
      entryId: payment.ledgerEntryId,
      targetCredits: clawbackTarget(payment),
      clawedBackCredits: payment.creditsClawedBack,
      reinstate: { type: "PURCHASE", description: "Chargeback won: credits reinstated" },
      idempotencyKey: cause.key,
      reference: cause.reference,
    },
    clock,
  );
  if (credits !== 0) await tx.payment.update({ where: { id: paymentId }, data: { creditsClawedBack: { increment: credits } } });
  const bonusCredits = await settleBonusClawbacks(tx, paymentId, payment, cause, clock);
  return { credits, bonusCredits };
}
