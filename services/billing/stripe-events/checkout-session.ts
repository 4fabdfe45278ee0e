import "server-only";
import type Stripe from "stripe";
import type { EventHandler } from "./context";
import { stripeId } from "@/lib/stripe/ids";
import { fulfilCheckoutSession } from "../fulfil-checkout-session";
import { redemptionIdIn } from "../../promotions/redemption-metadata";
import { releaseRedemption } from "../../promotions/settle-redemption";
import { readPaymentReceipt, recordPaymentReceipt } from "../payment-receipt";

/** `checkout.session.completed` and `…async_payment_succeeded`: credit the purchase (once), and keep its receipt for the payment history. */
export const onCheckoutSessionPaid: EventHandler = async (event, { stripe, clock }) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const receipt = session.mode === "payment" && session.payment_status === "paid" ? await readPaymentReceipt(stripe, stripeId(session.payment_intent)) : null;
  return async (tx) => {
    const result = await fulfilCheckoutSession(tx, session, clock);
    if (result.status === "credited") await recordPaymentReceipt(tx, { stripeCheckoutSessionId: session.id }, receipt);
    return result;
  };
};

/** `checkout.session.async_payment_failed` and `…expired`: the payment will not come. */
export const onCheckoutSessionFailed: EventHandler = async (event) => async (tx) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const reason = event.type === "checkout.session.expired" ? "The checkout expired before payment" : "The payment failed";
  // Only a payment still pending: a late `expired` never undoes a payment that succeeded.
  const failed = await tx.payment.updateMany({ where: { stripeCheckoutSessionId: session.id, status: "PENDING" }, data: { status: "FAILED", failureMessage: reason } });
  // Its promotion, if any, is given back to the promotion's limits.
  const payment = await tx.payment.findUnique({ where: { stripeCheckoutSessionId: session.id }, select: { id: true, status: true } });
  if (payment?.status === "FAILED") await releaseRedemption(tx, { paymentId: payment.id });
  // A plan's session has no payment row: its reservation is named in its metadata, or found by the
  // session (releasing is only ever of a reservation, so a subscription that went through keeps it).
  if (session.mode === "subscription") {
    const redemptionId = redemptionIdIn(session.metadata);
    await releaseRedemption(tx, redemptionId ? { redemptionId } : { stripeCheckoutSessionId: session.id });
  }
  return failed;
};
