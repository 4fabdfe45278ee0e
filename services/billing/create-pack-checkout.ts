import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import type { CheckoutPackage } from "./create-checkout";
import { ensureStripeCustomer } from "./ensure-stripe-customer";
import { ensureStripePrice } from "./ensure-stripe-price";
import { openPaymentCheckout } from "./open-payment-checkout";

/**
 * Starts buying a one-time credit pack: a pending payment, then a Stripe Checkout Session for it
 * (keyed by the payment, so a retried request makes no second session). Credits are granted only
 * when Stripe reports the session paid (fulfilCheckoutSession).
 */
export async function createPackCheckout(db: Db, stripe: Stripe, pkg: CheckoutPackage, input: { workspaceId: string; appUrl: string }) {
  const customer = await ensureStripeCustomer(db, stripe, input.workspaceId);
  const price = await ensureStripePrice(db, stripe, pkg);
  const payment = await db.payment.create({
    data: { workspaceId: input.workspaceId, packageId: pkg.id, interval: "ONE_TIME", amountCents: pkg.priceCents, currency: pkg.currency, credits: pkg.credits },
    select: { id: true },
  });
  return openPaymentCheckout(db, stripe, { paymentId: payment.id, workspaceId: input.workspaceId, customer, lineItem: { price, quantity: 1 }, appUrl: input.appUrl });
}
