import "server-only";
import type { Db } from "@/lib/db";

export type OperationsSummary = { failedStripeEvents: number; pendingStripeEvents: number; auditEntriesToday: number };

/** What the admin overview's Operations section flags: webhooks needing attention, recent audit activity. */
export async function operationsSummary(db: Db, now: Date): Promise<OperationsSummary> {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [failedStripeEvents, pendingStripeEvents, auditEntriesToday] = await Promise.all([
    db.stripeEvent.count({ where: { status: "FAILED" } }),
    db.stripeEvent.count({ where: { status: "RECEIVED" } }),
    db.auditLog.count({ where: { createdAt: { gte: midnight } } }),
  ]);
  return { failedStripeEvents, pendingStripeEvents, auditEntriesToday };
}
