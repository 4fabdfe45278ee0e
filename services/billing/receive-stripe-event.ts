import "server-only";
import type Stripe from "stripe";
import { systemClock } from "@/lib/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StripeEventContext } from "./stripe-events/context";
import { prepareStripeEvent } from "./stripe-events/dispatch";

// A failed event is retried by the sweep after 30 s, then twice as long each time up to 6 h, for
// 20 attempts (about three days, as long as Stripe itself retries); then it waits for an admin.
// One that was never attempted (the queue lost it in a restart) is swept a minute after arrival.
const RETRY = { firstDelaySeconds: 30, maxDelaySeconds: 6 * 3600, maxAttempts: 20, unattemptedAfterSeconds: 60 };

type SettledStatus = "PROCESSED" | "IGNORED";
export type StoredEvent = { status: SettledStatus | "QUEUED"; duplicate: boolean };
export type ProcessedEvent = { status: SettledStatus; duplicate: boolean };
type EventDeps = Pick<StripeEventContext, "stripe"> & Partial<Pick<StripeEventContext, "clock">>;

const isSettled = (status: string | null | undefined): status is SettledStatus => status === "PROCESSED" || status === "IGNORED";

/**
 * Stores a verified Stripe event by its id, in one round trip, before anything acts on it: what
 * was received is never lost, and a redelivery finds it. Answers whether it is already settled
 * (PROCESSED or IGNORED: nothing left to do) or QUEUED for processing (new, or stored earlier and
 * not yet processed). `duplicate` is true when the event was stored before this delivery.
 */
export async function storeStripeEvent(db: PrismaClient, event: Stripe.Event): Promise<StoredEvent> {
  // The second branch reads the snapshot from before the insert, so at most one branch has a row.
  // Neither has one when a concurrent delivery stored the event first: it is not settled then.
  const [row] = await db.$queryRaw<{ status: string | null }[]>`
    WITH stored AS (
      INSERT INTO stripe_events (id, type, api_version, livemode, payload, stripe_created_at, next_attempt_at)
      VALUES (${event.id}, ${event.type}, ${event.api_version ?? null}, ${event.livemode}, ${JSON.stringify(event)}::jsonb, ${new Date(event.created * 1000)},
              now() + make_interval(secs => ${RETRY.unattemptedAfterSeconds}))
      ON CONFLICT (id) DO NOTHING
      RETURNING NULL::text AS status)
    SELECT status FROM stored
    UNION ALL
    SELECT status::text FROM stripe_events WHERE id = ${event.id}`;
  const duplicate = !row || row.status !== null;
  return isSettled(row?.status) ? { status: row.status, duplicate } : { status: "QUEUED", duplicate };
}

/**
 * Stores an event and processes it now (reconciliation, which reports what each replay did). The
 * webhook route stores, answers, and leaves processing to the queue (stripe-event-queue.ts).
 */
export async function receiveStripeEvent(db: PrismaClient, event: Stripe.Event, context: EventDeps): Promise<ProcessedEvent> {
  const stored = await storeStripeEvent(db, event);
  if (stored.status !== "QUEUED") return { status: stored.status, duplicate: true };
  return processStripeEvent(db, event.id, context, event);
}

/**
 * Acts on a stored event: reads what its handler needs from Stripe, then makes its changes in one
 * transaction holding the event row's lock, unless it was already processed meanwhile: however
 * many deliveries, replays and sweeps reach it at once, its changes commit once. When the handler
 * fails, the transaction rolls back, the event is marked FAILED with its error and the time of its
 * next attempt (the sweep retries it, with backoff), and the error is rethrown. `event` is the verified delivery when there is one, so its stored copy need not be
 * read back. Needs the client (it runs its own transactions).
 */
export async function processStripeEvent(db: PrismaClient, eventId: string, { stripe, clock = systemClock }: EventDeps, event?: Stripe.Event): Promise<ProcessedEvent> {
  try {
    const payload = event ?? (await storedPayload(db, eventId));
    // Stripe reads first: no connection is held while Stripe answers.
    const apply = await prepareStripeEvent(payload, { stripe, clock });
    return await db.$transaction(async (tx) => {
      const [stored] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM stripe_events WHERE id = ${eventId} FOR UPDATE`;
      if (!stored) throw new Error(`Stripe event ${eventId} is not stored`);
      if (isSettled(stored.status)) return { status: stored.status, duplicate: true };
      if (apply) await apply(tx);
      const status = apply ? "PROCESSED" : "IGNORED";
      await tx.stripeEvent.update({
        where: { id: eventId },
        data: { status, attempts: { increment: 1 }, lastError: null, nextAttemptAt: null, processedAt: clock.now() },
      });
      return { status, duplicate: false };
    });
  } catch (error) {
    await recordFailure(db, eventId, error, clock.now());
    throw error;
  }
}

async function storedPayload(db: PrismaClient, eventId: string): Promise<Stripe.Event> {
  const stored = await db.stripeEvent.findUnique({ where: { id: eventId }, select: { payload: true } });
  if (!stored) throw new Error(`Stripe event ${eventId} is not stored`);
  return stored.payload as unknown as Stripe.Event;
}

async function recordFailure(db: PrismaClient, eventId: string, error: unknown, now: Date) {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  await db.$executeRaw`
    UPDATE stripe_events
       SET status = 'FAILED', attempts = attempts + 1, last_error = ${message},
           next_attempt_at = CASE WHEN attempts + 1 >= ${RETRY.maxAttempts} THEN NULL
             ELSE ${now}::timestamptz + make_interval(secs => least(${RETRY.firstDelaySeconds} * power(2, attempts), ${RETRY.maxDelaySeconds})) END
     WHERE id = ${eventId}`;
}
