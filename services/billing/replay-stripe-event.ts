import "server-only";
import type Stripe from "stripe";
import { systemClock, type Clock } from "@/lib/clock";
import { isClient, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { STRIPE_EVENT_ID, type StripeEventReplay } from "@/types/billing-admin";
import { recordAudit } from "../audit/record-audit";
import { processStripeEvent } from "./receive-stripe-event";

export type ReplayStripeEventInput = { eventId: string; adminId: string };

/**
 * An admin runs a stored Stripe event's handler again (after fixing what made it fail). An event
 * already processed or ignored is left alone and nothing is recorded. A replay that fails again
 * is not an error of this call: it answers the event's FAILED status and its error, for the admin
 * to read. Throws `not_found` for an id that is not a stored event. Needs the client: processing
 * runs its own transaction, so the audit row is written after it, not inside it.
 */
export async function replayStripeEvent(db: Db, stripe: Stripe, input: ReplayStripeEventInput, clock: Clock = systemClock): Promise<StripeEventReplay> {
  if (!isClient(db)) throw new Error("replayStripeEvent runs its own transaction: pass the client, not a transaction");
  if (!STRIPE_EVENT_ID.test(input.eventId)) throw notFound("Stripe event");
  const before = await db.stripeEvent.findUnique({ where: { id: input.eventId }, select: { status: true, lastError: true } });
  if (!before) throw notFound("Stripe event");
  if (before.status === "PROCESSED" || before.status === "IGNORED") return { id: input.eventId, status: before.status, replayed: false, lastError: before.lastError };

  let replayed = true;
  try {
    replayed = !(await processStripeEvent(db, input.eventId, { stripe, clock })).duplicate;
  } catch {
    // processStripeEvent stored the failure on the event; it is read back below.
  }
  const after = await db.stripeEvent.findUniqueOrThrow({ where: { id: input.eventId }, select: { status: true, lastError: true } });
  if (replayed) {
    await recordAudit(db, {
      actor: { type: "ADMIN", id: input.adminId },
      action: "stripe_event.replayed",
      target: { type: "stripe_event", id: input.eventId },
      before: { status: before.status },
      after: { status: after.status, error: after.lastError },
    });
  }
  return { id: input.eventId, status: after.status, replayed, lastError: after.lastError };
}
