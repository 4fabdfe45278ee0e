import "server-only";
import type { Db } from "@/lib/db";
import { dayKey, rangeDays, type FinanceRange } from "./finance-range";

/** Money for one period, in cents. net = gross − refunds − chargebacks. */
export type RevenueRow = {
  period: string;
  payments: number;
  packsCents: number;
  subscriptionsCents: number;
  grossCents: number;
  refundsCents: number;
  chargebacksCents: number;
  netCents: number;
  netPacksCents: number;
  netSubscriptionsCents: number;
};

type Raw = { day: Date; interval: "ONE_TIME" | "MONTH"; payments: number; gross: bigint; refunded: bigint; taken: bigint };

const empty = (period: string): RevenueRow => ({
  period,
  payments: 0,
  packsCents: 0,
  subscriptionsCents: 0,
  grossCents: 0,
  refundsCents: 0,
  chargebacksCents: 0,
  netCents: 0,
  netPacksCents: 0,
  netSubscriptionsCents: 0,
});

/**
 * Revenue by UTC day of payment, in USD. A payment counts on the day it was paid; what was later
 * refunded or withdrawn by an open or lost chargeback is subtracted from that same day, so a
 * day's net is what that day's sales are worth now (a won chargeback adds it back). Never more is
 * taken off a payment than it was for.
 */
export async function revenueByDay(db: Db, range: FinanceRange): Promise<RevenueRow[]> {
  const rows = await db.$queryRaw<Raw[]>`
    SELECT (paid_at AT TIME ZONE 'UTC')::date AS day, "interval", count(*)::int AS payments,
           sum(amount_cents)::bigint AS gross,
           sum(least(amount_cents, amount_refunded_cents))::bigint AS refunded,
           sum(least(amount_cents, amount_refunded_cents + amount_disputed_cents))::bigint AS taken
    FROM payments
    WHERE paid_at >= ${range.from} AND paid_at < ${range.to} AND currency = 'usd'
      AND status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')
    GROUP BY 1, 2`;
  const byDay = new Map(rangeDays(range).map((day) => [day, empty(day)]));
  for (const row of rows) {
    const target = byDay.get(dayKey(row.day));
    if (target) add(target, row);
  }
  return [...byDay.values()];
}

function add(target: RevenueRow, row: Raw) {
  const gross = Number(row.gross);
  const refunded = Number(row.refunded);
  const taken = Number(row.taken);
  const net = gross - taken;
  target.payments += row.payments;
  target.grossCents += gross;
  target.refundsCents += refunded;
  target.chargebacksCents += taken - refunded;
  target.netCents += net;
  if (row.interval === "MONTH") {
    target.subscriptionsCents += gross;
    target.netSubscriptionsCents += net;
  } else {
    target.packsCents += gross;
    target.netPacksCents += net;
  }
}

/** The daily rows summed by calendar month (`YYYY-MM`); the first month may be partial. */
export function revenueByMonth(daily: RevenueRow[]): RevenueRow[] {
  const months = new Map<string, RevenueRow[]>();
  for (const day of daily) months.set(day.period.slice(0, 7), [...(months.get(day.period.slice(0, 7)) ?? []), day]);
  return [...months].map(([month, days]) => sumRevenue(days, month));
}

export function sumRevenue(rows: RevenueRow[], period: string): RevenueRow {
  const total = empty(period);
  for (const row of rows) {
    for (const field of Object.keys(total) as (keyof RevenueRow)[]) if (field !== "period") total[field] += row[field];
  }
  return total;
}
