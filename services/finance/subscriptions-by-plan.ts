import "server-only";
import type { Db } from "@/lib/db";

export type PlanRow = { packageId: string; name: string; subscriptions: number; mrrCents: number };

/**
 * Active subscriptions (ACTIVE or PAST_DUE, collection not paused) per plan, and the monthly
 * recurring revenue they bring at the price each subscriber is on: a subscriber kept on an older
 * price (the version whose Stripe Price they hold) counts at that price.
 */
export async function subscriptionsByPlan(db: Db): Promise<PlanRow[]> {
  const rows = await db.$queryRaw<{ package_id: string; name: string; subscriptions: number; mrr: bigint }[]>`
    SELECT pk.id AS package_id, pk.name, count(*)::int AS subscriptions,
           sum(coalesce(v.price_cents, pk.price_cents))::bigint AS mrr
    FROM subscriptions s
    JOIN credit_packages pk ON pk.id = s.package_id
    LEFT JOIN LATERAL (
      SELECT price_cents FROM credit_package_versions v
      WHERE v.package_id = s.package_id AND v.stripe_price_id = s.stripe_price_id
      ORDER BY v.version DESC LIMIT 1
    ) v ON true
    WHERE s.status IN ('ACTIVE', 'PAST_DUE') AND NOT s.is_collection_paused
    GROUP BY pk.id, pk.name
    ORDER BY mrr DESC, pk.name`;
  return rows.map((row) => ({ packageId: row.package_id, name: row.name, subscriptions: row.subscriptions, mrrCents: Number(row.mrr) }));
}
