import "server-only";
import type { Db } from "@/lib/db";
import type { StripeEventList, StripeEventListQuery } from "@/types/billing-admin";

/**
 * Stored Stripe events, newest received first, by keyset pagination on (receivedAt, id), filtered
 * by status and by type prefix. The payload is left out: it can be large and is not shown.
 */
export async function listStripeEvents(db: Db, query: StripeEventListQuery): Promise<StripeEventList> {
  const rows = await db.stripeEvent.findMany({
    where: { ...(query.status ? { status: query.status } : {}), ...(query.type ? { type: { startsWith: query.type } } : {}) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: { id: true, type: true, status: true, attempts: true, lastError: true, livemode: true, stripeCreatedAt: true, receivedAt: true, processedAt: true, nextAttemptAt: true },
  });
  const page = rows.slice(0, query.limit);
  return { data: page, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}
