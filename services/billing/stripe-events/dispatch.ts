// Which Stripe events the app acts on. One file per event family; an event of any other type is
// stored and acknowledged (Stripe sends what the endpoint subscribes to, and more over time).
import "server-only";
import type Stripe from "stripe";
import type { Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { onChargeDispute } from "./charge-dispute";
import { onChargeRefunded } from "./charge-refunded";
import { onCheckoutSessionFailed, onCheckoutSessionPaid } from "./checkout-session";

type EventHandler = (tx: Prisma.TransactionClient, event: Stripe.Event, clock: Clock) => Promise<void>;

const HANDLERS: Partial<Record<Stripe.Event.Type, EventHandler>> = {
  "checkout.session.completed": onCheckoutSessionPaid,
  "checkout.session.async_payment_succeeded": onCheckoutSessionPaid,
  "checkout.session.async_payment_failed": onCheckoutSessionFailed,
  "checkout.session.expired": onCheckoutSessionFailed,
  "charge.refunded": onChargeRefunded,
  "charge.dispute.created": onChargeDispute,
  "charge.dispute.updated": onChargeDispute,
  "charge.dispute.closed": onChargeDispute,
};

/** Runs the event's handler in the caller's transaction. False when the app does not act on this type. */
export async function dispatchStripeEvent(tx: Prisma.TransactionClient, event: Stripe.Event, clock: Clock): Promise<boolean> {
  const handler = HANDLERS[event.type];
  if (!handler) return false;
  await handler(tx, event, clock);
  return true;
}
