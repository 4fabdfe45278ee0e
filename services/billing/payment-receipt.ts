import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db";

/** The charge that paid, and Stripe's hosted receipt for it. */
export type PaymentReceipt = { chargeId: string; receiptUrl: string };

/**
 * The receipt of a PaymentIntent's latest charge, once that charge has succeeded (a bank debit
 * still processing has none yet). Read from Stripe before the event's transaction opens.
 * Best effort: a receipt is a convenience, so Stripe failing to answer must not hold back the
 * credits the event grants (the event would be retried for days); the payment then shows no
 * receipt link, and its receipt stays in the Customer Portal.
 */
export async function readPaymentReceipt(stripe: Stripe, paymentIntentId: string | null): Promise<PaymentReceipt | null> {
  if (!paymentIntentId) return null;
  // One try: the event is answered either way, so retrying here would only hold its processing up.
  const paymentIntent = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] }, { maxNetworkRetries: 0 }).catch((error: unknown) => {
    console.warn(`Receipt of ${paymentIntentId} not read from Stripe`, error instanceof Error ? error.message : error);
    return null;
  });
  if (!paymentIntent) return null;
  const charge = paymentIntent.latest_charge;
  if (!charge || typeof charge === "string" || charge.status !== "succeeded" || !charge.receipt_url) return null;
  return { chargeId: charge.id, receiptUrl: charge.receipt_url };
}

/** Stores the receipt on the payment it paid for (found by its checkout session or invoice); a no-op without one. */
export async function recordPaymentReceipt(tx: Prisma.TransactionClient, where: { stripeCheckoutSessionId: string } | { stripeInvoiceId: string }, receipt: PaymentReceipt | null) {
  if (!receipt) return;
  await tx.payment.updateMany({ where, data: { receiptUrl: receipt.receiptUrl, stripeChargeId: receipt.chargeId } });
}
