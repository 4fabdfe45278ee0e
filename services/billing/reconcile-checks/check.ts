import "server-only";
import type Stripe from "stripe";
import type { Clock } from "@/lib/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StripeReconciliationReport } from "@/types/billing-admin";

export type ReconcileContext = {
  /** The client: repairs run their own transactions (event processing, fulfilment). */
  db: PrismaClient;
  stripe: Stripe;
  since: Date;
  /** False: compare and report only, change nothing. */
  repair: boolean;
  clock: Clock;
};

/**
 * One comparison of Stripe with the local state, for one kind of object: it reads Stripe since
 * `ctx.since`, adds what it counted and found to the report, and repairs when `ctx.repair` is set.
 * A new kind (invoices) is a new check in reconcile-stripe.ts's list.
 */
export type ReconcileCheck = (ctx: ReconcileContext, report: StripeReconciliationReport) => Promise<void>;

/** The start of a window of `hours` ending now. */
export const hoursBefore = (hours: number, clock: Clock) => new Date(clock.now().getTime() - hours * 3_600_000);

/** `since` as Stripe's `created` filter (unix seconds, rounded down so the boundary is included). */
export const createdSince = (since: Date) => Math.floor(since.getTime() / 1000);

/** Groups an auto-paginating Stripe list into batches, so each batch costs one local query. */
export async function* inBatches<T>(items: AsyncIterable<T>, size = 100): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);
