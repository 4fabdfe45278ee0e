import "server-only";
import type Stripe from "stripe";
import type { EventHandler } from "./context";
import { fulfilCheckoutSession } from "../fulfil-checkout-session";

/** `checkout.session.completed` and `…async_payment_succeeded`: credit the purchase (once). */
export const onCheckoutSessionPaid: EventHandler = async (event, { clock }) => (tx) => fulfilCheckoutSession(tx, event.data.object as Stripe.Checkout.Session, clock);

/** `checkout.session.async_payment_failed` and `…expired`: the payment will not come. */
export const onCheckoutSessionFailed: EventHandler = async (event) => (tx) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const reason = event.type === "checkout.session.expired" ? "The checkout expired before payment" : "The payment failed";
  // Only a payment still pending: a late `expired` never undoes a payment that succeeded.
  return tx.payment.updateMany({ where: { stripeCheckoutSessionId: session.id, status: "PENDING" }, data: { status: "FAILED", failureMessage: reason } });
};
