// Which Stripe events the app acts on. One file per event family; an event of any other type is
// stored and acknowledged (Stripe sends what the endpoint subscribes to, and more over time).
import "server-only";
import type Stripe from "stripe";
import { onChargeDispute } from "./charge-dispute";
import { onChargeRefunded } from "./charge-refunded";
import { onCheckoutSessionFailed, onCheckoutSessionPaid } from "./checkout-session";
import type { EventApply, EventHandler, StripeEventContext } from "./context";
import { onInvoicePaid, onInvoicePaymentFailed } from "./invoice";
import { onSubscriptionChanged } from "./subscription";

const HANDLERS: Partial<Record<Stripe.Event.Type, EventHandler>> = {
  "checkout.session.completed": onCheckoutSessionPaid,
  "checkout.session.async_payment_succeeded": onCheckoutSessionPaid,
  "checkout.session.async_payment_failed": onCheckoutSessionFailed,
  "checkout.session.expired": onCheckoutSessionFailed,
  "customer.subscription.created": onSubscriptionChanged,
  "customer.subscription.updated": onSubscriptionChanged,
  "customer.subscription.deleted": onSubscriptionChanged,
  "invoice.paid": onInvoicePaid,
  "invoice.payment_failed": onInvoicePaymentFailed,
  "charge.refunded": onChargeRefunded,
  "charge.dispute.created": onChargeDispute,
  "charge.dispute.updated": onChargeDispute,
  "charge.dispute.closed": onChargeDispute,
};

/** Reads what the event's handler needs from Stripe and returns its changes; null when the app does not act on this type. */
export async function prepareStripeEvent(event: Stripe.Event, context: StripeEventContext): Promise<EventApply | null> {
  const handler = HANDLERS[event.type];
  return handler ? handler(event, context) : null;
}
