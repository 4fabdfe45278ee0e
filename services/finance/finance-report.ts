import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { FinanceRangeDays } from "@/types/finance";
import { creditFlows, type CreditFlows } from "./credit-flows";
import { financeRange, type FinanceRange } from "./finance-range";
import { liabilityAt, type Liability } from "./liability";
import { paymentHealth, type PaymentHealth } from "./payment-health";
import { revenueByDay, revenueByMonth, sumRevenue, type RevenueRow } from "./revenue";
import { subscriptionsByPlan, type PlanRow } from "./subscriptions-by-plan";

export type FinanceReport = {
  range: FinanceRange;
  revenue: { daily: RevenueRow[]; monthly: RevenueRow[]; total: RevenueRow; today: RevenueRow };
  plans: { rows: PlanRow[]; mrrCents: number; subscriptions: number };
  credits: CreditFlows;
  liability: Liability;
  health: PaymentHealth;
};

/** Everything the finance page shows, for the last `days` UTC days. Read-only but for the rollup. */
export async function financeReport(db: Db, days: FinanceRangeDays, clock: Clock = systemClock): Promise<FinanceReport> {
  const range = financeRange(days, clock.now());
  const [daily, planRows, credits, liability] = await Promise.all([revenueByDay(db, range), subscriptionsByPlan(db), creditFlows(db, range), liabilityAt(db, range.to)]);
  const total = sumRevenue(daily, "total");
  const health = await paymentHealth(db, range, total.payments);
  return {
    range,
    revenue: { daily, monthly: revenueByMonth(daily), total, today: daily.at(-1)! },
    plans: { rows: planRows, mrrCents: planRows.reduce((sum, row) => sum + row.mrrCents, 0), subscriptions: planRows.reduce((sum, row) => sum + row.subscriptions, 0) },
    credits,
    liability,
    health,
  };
}
