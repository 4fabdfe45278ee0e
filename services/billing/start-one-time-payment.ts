import "server-only";
import type Stripe from "stripe";
import { inTransaction, type Db } from "@/lib/db";
import type { AppliedPromotion } from "@/types/promotions";
import { releaseRedemption } from "../promotions/settle-redemption";
import { reservePromotion } from "../promotions/reserve-promotion";
import type { PromotionPurchase } from "../promotions/promotion-availability";
import { openPaymentCheckout } from "./open-payment-checkout";

export type OneTimePayment = {
  workspaceId: string;
  packageId: string | null;
  /** What Checkout charges: the price after any promotion. */
  amountCents: number;
  currency: string;
  credits: number;
  customer: string;
  appUrl: string;
  lineItem: Stripe.Checkout.SessionCreateParams.LineItem;
  metadata?: Record<string, string>;
  promotion: { applied: AppliedPromotion; purchase: PromotionPurchase } | null;
};

/**
 * Records a pending one-time payment and, in the same transaction, reserves its promotion (so the
 * promotion's limits count it from now on); then opens its Checkout Session. If Stripe refuses or
 * cannot be reached, the payment is marked failed and the reservation released, so a failed
 * attempt never holds a promotion's last redemption.
 */
export async function startOneTimePayment(db: Db, stripe: Stripe, input: OneTimePayment) {
  const payment = await inTransaction(db, async (tx) => {
    const created = await tx.payment.create({
      data: { workspaceId: input.workspaceId, packageId: input.packageId, interval: "ONE_TIME", amountCents: input.amountCents, currency: input.currency, credits: input.credits },
      select: { id: true },
    });
    if (input.promotion) await reservePromotion(tx, { ...input.promotion.purchase, workspaceId: input.workspaceId, applied: input.promotion.applied, paymentId: created.id });
    return created;
  });
  const promotionMetadata: Record<string, string> = input.promotion ? { promotion_id: input.promotion.applied.id, promotion_discount_cents: String(input.promotion.applied.discountCents) } : {};
  try {
    return await openPaymentCheckout(db, stripe, {
      paymentId: payment.id,
      workspaceId: input.workspaceId,
      customer: input.customer,
      appUrl: input.appUrl,
      lineItem: input.lineItem,
      metadata: { ...input.metadata, ...promotionMetadata },
    });
  } catch (error) {
    await inTransaction(db, async (tx) => {
      await tx.payment.updateMany({ where: { id: payment.id, status: "PENDING", stripeCheckoutSessionId: null }, data: { status: "FAILED", failureMessage: "Checkout could not be opened" } });
      await releaseRedemption(tx, { paymentId: payment.id });
    });
    throw error;
  }
}
