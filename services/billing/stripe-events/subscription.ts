import "server-only";
import type Stripe from "stripe";
import { readSubscription, syncSubscription } from "../sync-subscription";
import type { EventHandler } from "./context";

/**
 * `customer.subscription.created|updated|deleted` (and how `pause_collection` arrives): the event
 * only says which subscription changed; its current state is read from Stripe, so late or
 * reordered events can never roll the local copy back.
 */
export const onSubscriptionChanged: EventHandler = async (event, { stripe }) => {
  const current = await readSubscription(stripe, (event.data.object as Stripe.Subscription).id);
  return (tx) => syncSubscription(tx, current);
};
