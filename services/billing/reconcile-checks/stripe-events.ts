import "server-only";
import type Stripe from "stripe";
import type { EventFinding } from "@/types/billing-admin";
import { receiveStripeEvent } from "../receive-stripe-event";
import { createdSince, errorMessage, inBatches, type ReconcileCheck } from "./check";

type Behind = { event: Stripe.Event; finding: EventFinding };

/**
 * Every Stripe event since `since` that is missing here (never delivered) or stored but not
 * processed (RECEIVED, FAILED) goes through receiveStripeEvent, as if delivered again: stored if
 * missing, processed under the event row's lock, so a delivery arriving meanwhile does no harm.
 * A replay that fails again stays listed in `eventsBehind` with its error; the others go on.
 */
export const checkStripeEvents: ReconcileCheck = async (ctx, report) => {
  const behind: Behind[] = [];
  const events = ctx.stripe.events.list({ created: { gte: createdSince(ctx.since) }, limit: 100 });
  for await (const batch of inBatches<Stripe.Event>(events)) {
    report.checkedEvents += batch.length;
    const stored = await ctx.db.stripeEvent.findMany({ where: { id: { in: batch.map((event) => event.id) } }, select: { id: true, status: true, lastError: true } });
    const byId = new Map(stored.map((row) => [row.id, row]));
    for (const event of batch) {
      const local = byId.get(event.id);
      if (local?.status === "PROCESSED" || local?.status === "IGNORED") continue;
      behind.push({ event, finding: { id: event.id, type: event.type, localStatus: local?.status ?? "MISSING", error: local?.lastError ?? null } });
    }
  }
  // Stripe lists newest first; replay oldest first. Handlers converge on the object's state, but a
  // refund handled before the purchase it refunds would find no credits to take back.
  behind.reverse();
  for (const { event, finding } of behind) {
    if (!ctx.repair) {
      report.eventsBehind.push(finding);
      continue;
    }
    try {
      const result = await receiveStripeEvent(ctx.db, event, { stripe: ctx.stripe, clock: ctx.clock });
      if (!result.duplicate) report.replayedEvents++;
    } catch (error) {
      report.eventsBehind.push({ ...finding, localStatus: "FAILED", error: errorMessage(error) });
    }
  }
};
