import "server-only";
import type Stripe from "stripe";
import { systemClock } from "@/lib/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/db";
import type { StripeEventContext } from "./stripe-events/context";
import { dispatchStripeEvent } from "./stripe-events/dispatch";

export type ReceivedEvent = { status: "PROCESSED" | "IGNORED"; duplicate: boolean };
type EventDeps = Pick<StripeEventContext, "stripe"> & Partial<Pick<StripeEventContext, "clock">>;

const isSettled = (status: string | undefined): status is ReceivedEvent["status"] => status === "PROCESSED" || status === "IGNORED";

/**
 * Takes a verified Stripe event: stores it by its id first (so nothing received is lost, and a
 * duplicate delivery finds it), then acts on it in one transaction holding the event row's lock.
 * A delivery of an event already processed changes nothing, however many arrive at once. When the
 * handler fails, the transaction rolls back, the event is marked FAILED with its error, and the
 * error is rethrown so the delivery is answered 5xx and Stripe retries. Needs the client (it runs
 * its own transactions).
 */
export async function receiveStripeEvent(db: PrismaClient, event: Stripe.Event, context: EventDeps): Promise<ReceivedEvent> {
  // Stripe redelivers often: a settled event is answered in one round trip, without resending its payload.
  const known = await db.stripeEvent.findUnique({ where: { id: event.id }, select: { status: true } });
  if (isSettled(known?.status)) return { status: known.status, duplicate: true };
  await db.stripeEvent.createMany({
    data: [
      {
        id: event.id,
        type: event.type,
        apiVersion: event.api_version,
        livemode: event.livemode,
        payload: event as unknown as Prisma.InputJsonValue,
        stripeCreatedAt: new Date(event.created * 1000),
      },
    ],
    skipDuplicates: true,
  });
  return processStripeEvent(db, event.id, context, event);
}

/**
 * Acts on a stored event unless it was already processed (also how an admin replays one). `event`
 * is the verified delivery when there is one, so its stored copy need not be read back.
 */
export async function processStripeEvent(db: PrismaClient, eventId: string, { stripe, clock = systemClock }: EventDeps, event?: Stripe.Event): Promise<ReceivedEvent> {
  try {
    return await db.$transaction(async (tx) => {
      const [stored] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM stripe_events WHERE id = ${eventId} FOR UPDATE`;
      if (!stored) throw new Error(`Stripe event ${eventId} is not stored`);
      if (isSettled(stored.status)) return { status: stored.status, duplicate: true };
      const payload = event ?? ((await tx.stripeEvent.findUniqueOrThrow({ where: { id: eventId }, select: { payload: true } })).payload as unknown as Stripe.Event);
      const status = (await dispatchStripeEvent(tx, payload, { stripe, clock })) ? "PROCESSED" : "IGNORED";
      await tx.stripeEvent.update({ where: { id: eventId }, data: { status, attempts: { increment: 1 }, lastError: null, processedAt: clock.now() } });
      return { status, duplicate: false };
    });
  } catch (error) {
    await db.stripeEvent.update({
      where: { id: eventId },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: (error instanceof Error ? error.message : String(error)).slice(0, 2000) },
    });
    throw error;
  }
}
