import "server-only";
import type { Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { clawBackGrant } from "./claw-back-grant";

/** A payment's amount and the money Stripe says left it (refunded, plus withdrawn by an open or lost chargeback). */
export type PaymentMoney = { amountCents: number; amountRefundedCents: number; amountDisputedCents: number };
export type ClawbackCause = { key: string; reference: { type: string; id: string } };

const moneyTaken = (payment: PaymentMoney) => Math.min(payment.amountCents, payment.amountRefundedCents + payment.amountDisputedCents);

/**
 * The promotional credits a payment's promotion granted that its refunds owe back: the refunded
 * share of them, rounded down — in the customer's favour — so a 30% refund of a 50-credit bonus
 * takes 15, of a 55-credit bonus 16 (16.5 rounded down), and the whole refund exactly all of it.
 */
export function bonusClawbackTarget(bonusCredits: number, payment: PaymentMoney): number {
  if (payment.amountCents <= 0) return 0;
  return Math.min(bonusCredits, Math.floor((bonusCredits * moneyTaken(payment)) / payment.amountCents));
}

/** A referral's bonuses are owed back only when all of the payment that earned them has left (a full refund or chargeback). */
export function referralClawbackTarget(credits: number, payment: PaymentMoney): number {
  return payment.amountCents > 0 && moneyTaken(payment) >= payment.amountCents ? credits : 0;
}

/**
 * Brings the promotional credits tied to a payment in line with the money that left it, after its
 * refunded and disputed amounts were updated (settlePaymentClawback, under the payment's lock):
 * - the bonus of the promotion redeemed with it, in proportion (bonusClawbackTarget), spent or not,
 *   as purchased credits are;
 * - when it is the referred workspace's first payment that earned a referral, on a full refund the
 *   new workspace's bonus (spent or not), and what is still unspent of the referrer's — the referrer
 *   did not get the money back, so its wallet is never driven into debt for it.
 * A won chargeback gives back what it took (promotional credits keep their original expiry). Each
 * movement is keyed by `cause`, and the counters move in the same transaction: a redelivered event
 * changes nothing. Returns the promotional credits moved (positive: taken back).
 */
export async function settleBonusClawbacks(tx: Prisma.TransactionClient, paymentId: string, payment: PaymentMoney, cause: ClawbackCause, clock: Clock): Promise<number> {
  let moved = 0;
  const redemption = await tx.promotionRedemption.findUnique({
    where: { paymentId },
    select: { id: true, workspaceId: true, status: true, bonusCredits: true, ledgerEntryId: true, creditsClawedBack: true, promotion: { select: { name: true } } },
  });
  if (redemption?.status === "CONFIRMED" && redemption.ledgerEntryId) {
    const credits = await clawBackGrant(
      tx,
      {
        workspaceId: redemption.workspaceId,
        entryId: redemption.ledgerEntryId,
        targetCredits: bonusClawbackTarget(redemption.bonusCredits, payment),
        clawedBackCredits: redemption.creditsClawedBack,
        reinstate: { type: "PROMO_BONUS", description: `Promotion “${redemption.promotion.name}”: bonus credits reinstated (chargeback won)`, keepExpiry: true },
        idempotencyKey: `${cause.key}:promo`,
        reference: cause.reference,
      },
      clock,
    );
    if (credits !== 0) await tx.promotionRedemption.update({ where: { id: redemption.id }, data: { creditsClawedBack: { increment: credits } } });
    moved += credits;
  }

  const referral = await tx.referral.findUnique({
    where: { paymentId },
    select: { id: true, status: true, referredWorkspaceId: true, referrerWorkspaceId: true, referredCredits: true, referrerCredits: true, referredClawedBack: true, referrerClawedBack: true },
  });
  if (referral?.status !== "REWARDED") return moved;
  const sides = [
    { side: "referred", workspaceId: referral.referredWorkspaceId, credits: referral.referredCredits, clawedBack: referral.referredClawedBack, unspentOnly: false },
    { side: "referrer", workspaceId: referral.referrerWorkspaceId, credits: referral.referrerCredits, clawedBack: referral.referrerClawedBack, unspentOnly: true },
  ] as const;
  for (const { side, workspaceId, credits, clawedBack, unspentOnly } of sides) {
    if (credits === 0) continue;
    const entryId = await referralEntryId(tx, workspaceId, `referral:${referral.id}:${side}`);
    if (!entryId) continue;
    const taken = await clawBackGrant(
      tx,
      {
        workspaceId,
        entryId,
        targetCredits: referralClawbackTarget(credits, payment),
        clawedBackCredits: clawedBack,
        unspentOnly,
        reinstate: { type: "PROMO_BONUS", description: "Referral bonus reinstated (chargeback won)", keepExpiry: true },
        idempotencyKey: `${cause.key}:referral`,
        reference: cause.reference,
      },
      clock,
    );
    if (taken === 0) continue;
    const counter = side === "referred" ? { referredClawedBack: { increment: taken } } : { referrerClawedBack: { increment: taken } };
    await tx.referral.update({ where: { id: referral.id }, data: counter });
    moved += taken;
  }
  return moved;
}

/** The PROMO_BONUS entry rewardReferral wrote for one side, by its key (unique per wallet). */
async function referralEntryId(tx: Prisma.TransactionClient, workspaceId: string, idempotencyKey: string): Promise<string | null> {
  const wallet = await tx.wallet.findUnique({ where: { workspaceId }, select: { id: true } });
  if (!wallet) return null;
  const entry = await tx.ledgerEntry.findUnique({ where: { walletId_idempotencyKey: { walletId: wallet.id, idempotencyKey } }, select: { id: true } });
  return entry?.id ?? null;
}
