import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db";
import type { StripeEventContext } from "./context";
import { fulfilCheckoutSession } from "../fulfil-checkout-session";

/** `checkout.session.completed` and `…async_payment_succeeded`: credit the purchase (once). */
export async function onCheckoutSessionPaid(tx: Prisma.TransactionClient, event: Stripe.Event, { clock }: StripeEventContext) {
  await fulfilCheckoutSession(tx, event.data.object as Stripe.Checkout.Session, clock);
}

/** `checkout.session.async_payment_failed` and `…expired`: the payment will not come. */
export async function onCheckoutSessionFailed(tx: Prisma.TransactionClient, event: Stripe.Event) {
  const session = event.data.object as Stripe.Checkout.Session;
  const reason = event.type === "checkout.session.expired" ? "The checkout expired before payment" : "The payment failed";
  // Only a payment still pending: a late `expired` never undoes a payment that succeeded.
  await tx.payment.updateMany({ where: { stripeCheckoutSessionId: session.id, status: "PENDING" }, data: { status: "FAILED", failureMessage: reason } });
}
