import type Stripe from "stripe";
import type { Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";

/** What an event handler may use: Stripe, to read an object's current state, and the time. */
export type StripeEventContext = { stripe: Stripe; clock: Clock };

/** The local changes an event makes, run in the event's processing transaction. */
export type EventApply = (tx: Prisma.TransactionClient) => Promise<unknown>;

/**
 * An event's handler: reads what it needs from Stripe first, with no transaction open (a
 * connection held across a network call is held for as long as Stripe takes to answer), and
 * returns the changes to make in the event's transaction.
 */
export type EventHandler = (event: Stripe.Event, context: StripeEventContext) => Promise<EventApply>;
