import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";

/**
 * Why a checkout the customer walked away from did not go through: the last payment error Stripe
 * recorded on its PaymentIntent (a declined card, a failed authentication), or null when it was
 * simply left. Only for a payment of a workspace the user belongs to, still unpaid.
 */
export async function findCheckoutDecline(db: Db, stripe: Stripe, input: { paymentId: string; userId: string }): Promise<{ message: string } | null> {
  const payment = await db.payment.findFirst({
    where: { id: input.paymentId, status: "PENDING", workspace: { memberships: { some: { userId: input.userId } } } },
    select: { stripeCheckoutSessionId: true },
  });
  if (!payment?.stripeCheckoutSessionId) return null;
  const session = await stripe.checkout.sessions.retrieve(payment.stripeCheckoutSessionId, { expand: ["payment_intent"] });
  const paymentIntent = session.payment_intent;
  if (session.payment_status !== "unpaid" || !paymentIntent || typeof paymentIntent === "string") return null;
  return paymentIntent.last_payment_error?.message ? { message: paymentIntent.last_payment_error.message } : null;
}
