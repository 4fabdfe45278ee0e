import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db";
import { syncSubscription } from "../sync-subscription";
import type { StripeEventContext } from "./context";

/**
 * `customer.subscription.created|updated|deleted` (and how `pause_collection` arrives): the event
 * only says which subscription changed; its current state is read from Stripe, so late or
 * reordered events can never roll the local copy back.
 */
export async function onSubscriptionChanged(tx: Prisma.TransactionClient, event: Stripe.Event, { stripe, clock }: StripeEventContext) {
  const { id } = event.data.object as Stripe.Subscription;
  await syncSubscription(tx, await stripe.subscriptions.retrieve(id), clock.now());
}
