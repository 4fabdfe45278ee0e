// Webhook processing after the answer: Stripe is told 2xx once an event is stored, and the event is
// processed here right after, a few at a time, in this process. The stored row is the durable copy:
// what this queue loses in a restart, or refuses when full, the sweep processes a minute later.
// One per process (like the database client), so it is not handed a database: it uses the app's.
import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { createWorkQueue, type WorkQueue } from "@/lib/jobs/work-queue";
import { stripe } from "@/lib/stripe/client";
import { processStripeEvent } from "./receive-stripe-event";

// Enough to overlap Stripe reads with database work, few enough that a burst of deliveries leaves
// connections free for the requests that store and answer the next ones. While deliveries are
// being answered, one at a time: answering Stripe comes first, and a burst is processed after it.
const CONCURRENCY = 4;
const BUSY_CONCURRENCY = 1;
const CAPACITY = 10_000;

const globalForQueue = globalThis as typeof globalThis & { __streamlineStripeEvents?: WorkQueue<Stripe.Event> };

export function stripeEventQueue(): WorkQueue<Stripe.Event> {
  globalForQueue.__streamlineStripeEvents ??= createWorkQueue<Stripe.Event>({
    concurrency: CONCURRENCY,
    busyConcurrency: BUSY_CONCURRENCY,
    capacity: CAPACITY,
    run: (event) => processStripeEvent(db(), event.id, { stripe: stripe() }, event),
    // processStripeEvent has stored the error on the event for the sweep and the admin page.
    onError: (error, event) => console.error(`Stripe event ${event.id} (${event.type}) failed:`, error instanceof Error ? error.message : error),
  });
  return globalForQueue.__streamlineStripeEvents;
}
