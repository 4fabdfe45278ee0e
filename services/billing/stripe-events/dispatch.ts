// Which Stripe events the app acts on. One file per event family; an event of any other type is
// stored and acknowledged (Stripe sends what the endpoint subscribes to, and more over time).
import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db";
import { onChargeDispute } from "./charge-dispute";
import { onChargeRefunded } from "./charge-refunded";
import { onCheckoutSessionFailed, onCheckoutSessionPaid } from "./checkout-session";
import type { StripeEventContext } from "./context";
import { onInvoicePaid, onInvoicePaymentFailed } from "./invoice";
import { onSubscriptionChanged } from "./subscription";

type EventHandler = (tx: Prisma.TransactionClient, event: Stripe.Event, context: StripeEventContext) => Promise<void>;

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

/** Runs the event's handler in the caller's transaction. False when the app does not act on this type. */
export async function dispatchStripeEvent(tx: Prisma.TransactionClient, event: Stripe.Event, context: StripeEventContext): Promise<boolean> {
  const handler = HANDLERS[event.type];
  if (!handler) return false;
  await handler(tx, event, context);
  return true;
}
