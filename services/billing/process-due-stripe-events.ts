import "server-only";
import type Stripe from "stripe";
import { systemClock, type Clock } from "@/lib/clock";
import { isClient, type Db } from "@/lib/db";
import type { StripeEventSweep } from "@/types/billing-admin";
import { processStripeEvent } from "./receive-stripe-event";

/**
 * The sweep behind the webhook queue: processes stored events whose next attempt is due (failed
 * ones after their backoff, and ones a restart dropped from the queue), oldest first, up to
 * `limit`. Safe to run from several places at once: each event is processed under its row's
 * lock, once. Needs the client (each event runs its own transaction).
 */
export async function processDueStripeEvents(db: Db, stripe: Stripe, { limit = 200, clock = systemClock }: { limit?: number; clock?: Clock } = {}): Promise<StripeEventSweep> {
  if (!isClient(db)) throw new Error("processDueStripeEvents runs a transaction per event: pass the client, not a transaction");
  const due = await db.stripeEvent.findMany({
    where: { status: { in: ["RECEIVED", "FAILED"] }, nextAttemptAt: { lte: clock.now() } },
    orderBy: [{ stripeCreatedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  const sweep: StripeEventSweep = { due: due.length, processed: 0, failed: [] };
  for (const { id } of due) {
    try {
      if (!(await processStripeEvent(db, id, { stripe, clock })).duplicate) sweep.processed++;
    } catch (error) {
      sweep.failed.push({ id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return sweep;
}
