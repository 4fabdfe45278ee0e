import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { findPromotion } from "../promotions/find-promotion";
import { promotionEffect } from "../promotions/promotion-effect";
import type { CheckoutPackage } from "./create-checkout";
import { ensureStripeCustomer } from "./ensure-stripe-customer";
import { ensureStripePrice } from "./ensure-stripe-price";
import { startOneTimePayment } from "./start-one-time-payment";

/**
 * Starts buying a one-time credit pack: a pending payment, then a Stripe Checkout Session for it
 * (keyed by the payment, so a retried request makes no second session). Credits are granted only
 * when Stripe reports the session paid (fulfilCheckoutSession).
 *
 * With a promotion (a running sale, or the code given), the payment is for the promotional price
 * and the promotion is reserved with it. Percent off is charged as an inline `price_data` line of
 * the discounted amount on the pack's own Stripe Product, rather than a Stripe coupon: the amount
 * Checkout shows and charges is then exactly the one the pricing service quoted (one rounding
 * rule, ours), the pack's catalogue Price stays untouched, and no coupon object has to be kept in
 * step with the promotion's limits, which this app enforces itself.
 */
export async function createPackCheckout(db: Db, stripe: Stripe, pkg: CheckoutPackage, input: { workspaceId: string; appUrl: string; promotionCode?: string | null; now: Date }) {
  const purchase = { workspaceId: input.workspaceId, target: "PACK" as const, packageId: pkg.id, now: input.now };
  const promotion = await findPromotion(db, { ...purchase, code: input.promotionCode });
  const applied = promotion ? promotionEffect(promotion, pkg.priceCents) : null;
  const customer = await ensureStripeCustomer(db, stripe, input.workspaceId);
  const price = await ensureStripePrice(db, stripe, pkg);
  const amountCents = pkg.priceCents - (applied?.discountCents ?? 0);
  let lineItem: Stripe.Checkout.SessionCreateParams.LineItem = { price, quantity: 1 };
  if (applied && applied.discountCents > 0) {
    const { stripeProductId } = await db.creditPackage.findUniqueOrThrow({ where: { id: pkg.id }, select: { stripeProductId: true } });
    lineItem = { price_data: { currency: pkg.currency, unit_amount: amountCents, product: stripeProductId! }, quantity: 1 };
  }
  const checkout = await startOneTimePayment(db, stripe, {
    workspaceId: input.workspaceId,
    packageId: pkg.id,
    amountCents,
    currency: pkg.currency,
    credits: pkg.credits,
    customer,
    appUrl: input.appUrl,
    lineItem,
    promotion: applied ? { applied, purchase } : null,
  });
  return { ...checkout, promotion: applied };
}
