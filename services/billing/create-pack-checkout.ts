import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { stripeIdempotencyKey } from "@/lib/stripe/client";
import type { CheckoutPackage } from "./create-checkout";
import { ensureStripeCustomer } from "./ensure-stripe-customer";
import { ensureStripePrice } from "./ensure-stripe-price";


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
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      customer,
      line_items: [{ price, quantity: 1 }],
      client_reference_id: input.workspaceId,
      metadata: { payment_id: payment.id, workspace_id: input.workspaceId },
      success_url: `${input.appUrl}/credits/checkout?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${input.appUrl}/credits?canceled=1`,
    },
    { idempotencyKey: stripeIdempotencyKey("checkout", payment.id) },
  );
  await db.payment.update({ where: { id: payment.id }, data: { stripeCheckoutSessionId: session.id } });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { paymentId: payment.id, checkoutUrl: session.url };
}
