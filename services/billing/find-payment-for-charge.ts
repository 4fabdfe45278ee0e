import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db";
import { stripeId } from "@/lib/stripe/ids";

/** The payment a Stripe charge belongs to: by the charge, or by its PaymentIntent (set at fulfilment). */
export async function findPaymentForCharge(tx: Prisma.TransactionClient, chargeId: string, paymentIntent: string | Stripe.PaymentIntent | null) {
  const paymentIntentId = stripeId(paymentIntent);
  return tx.payment.findFirst({
    where: { OR: [{ stripeChargeId: chargeId }, ...(paymentIntentId ? [{ stripePaymentIntentId: paymentIntentId }] : [])] },
  });
}
