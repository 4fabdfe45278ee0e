import "server-only";
import type { Db } from "@/lib/db";
import type { FinanceRange } from "./finance-range";

export type PaymentHealth = {
  /** Payments paid in the range (the dispute rate's denominator). */
  paidPayments: number;
  /** Card chargebacks opened in the range. */
  chargebacks: number;
  /** chargebacks / paidPayments; null when nothing was paid. */
  disputeRate: number | null;
  failedPayments: number;
  failedCents: number;
};

export async function paymentHealth(db: Db, range: FinanceRange, paidPayments: number): Promise<PaymentHealth> {
  const [failed] = await db.$queryRaw<{ count: number; cents: bigint }[]>`
    SELECT count(*)::int AS count, coalesce(sum(amount_cents), 0)::bigint AS cents FROM payments
    WHERE status = 'FAILED' AND created_at >= ${range.from} AND created_at < ${range.to}`;
  const [disputes] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM disputes
    WHERE kind = 'CHARGEBACK' AND created_at >= ${range.from} AND created_at < ${range.to}`;
  const chargebacks = disputes!.count;
  return {
    paidPayments,
    chargebacks,
    disputeRate: paidPayments ? chargebacks / paidPayments : null,
    failedPayments: failed!.count,
    failedCents: Number(failed!.cents),
  };
}
