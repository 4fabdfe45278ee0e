import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { fulfilCheckoutSession } from "./fulfil-checkout-session";

export type CheckoutReturn =
  | { status: "credited"; credits: number; balance: number }
  | { status: "pending" }
  | { status: "failed"; message: string };

/**
 * What the customer sees on returning from Checkout: the session's true state, read from Stripe.
 * When it is paid the credits are granted here too (the same key as the webhook's, so whichever
 * comes first grants and the other finds them), so the page never says "paid" before the credits
 * exist. Only a member of the paying workspace may look: anyone else gets `not_found`.
 */
export async function completeCheckoutReturn(db: Db, stripe: Stripe, input: { sessionId: string; userId: string }): Promise<CheckoutReturn> {
  const payment = await db.payment.findFirst({
    where: { stripeCheckoutSessionId: input.sessionId, workspace: { memberships: { some: { userId: input.userId } } } },
    select: { status: true, failureMessage: true },
  });
  if (!payment) throw notFound("Checkout");
  if (payment.status === "FAILED") return { status: "failed", message: payment.failureMessage ?? "The payment failed" };
  const session = await stripe.checkout.sessions.retrieve(input.sessionId);
  const result = await fulfilCheckoutSession(db, session);
  return result.status === "credited" ? { status: "credited", credits: result.credits!, balance: result.balance! } : { status: "pending" };
}
