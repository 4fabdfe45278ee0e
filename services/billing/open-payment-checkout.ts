import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { stripeIdempotencyKey } from "@/lib/stripe/client";

export type PaymentCheckoutInput = {
  paymentId: string;
  workspaceId: string;
  customer: string;
  lineItem: Stripe.Checkout.SessionCreateParams.LineItem;
  appUrl: string;
  metadata?: Record<string, string>;
};

/**
 * Opens the payment-mode Checkout Session of a pending one-time payment (a pack or a custom
 * amount) and links it to the payment. Keyed by the payment id, so a retried request makes no
 * second session. The `payment_id` metadata and the session id on the payment are what
 * fulfilment finds the payment by; both kinds return to the same pages.
 */
export async function openPaymentCheckout(db: Db, stripe: Stripe, input: PaymentCheckoutInput) {
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      customer: input.customer,
      line_items: [input.lineItem],
      client_reference_id: input.workspaceId,
      metadata: { ...input.metadata, payment_id: input.paymentId, workspace_id: input.workspaceId },
      success_url: `${input.appUrl}/credits/checkout?session_id={CHECKOUT_SESSION_ID}`,
      // The payment id lets the Buy credits page say why an abandoned attempt failed (a declined card).
      cancel_url: `${input.appUrl}/credits?canceled=${input.paymentId}`,
    },
    { idempotencyKey: stripeIdempotencyKey("checkout", input.paymentId) },
  );
  await db.payment.update({ where: { id: input.paymentId }, data: { stripeCheckoutSessionId: session.id } });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { paymentId: input.paymentId, checkoutUrl: session.url };
}
