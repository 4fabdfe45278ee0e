import { csvResponse, type CsvColumn } from "@/lib/http/csv";
import type { CreditsByType, CreditsDay } from "@/services/finance/credit-flows";
import type { FinanceReport } from "@/services/finance/finance-report";
import type { RevenueRow } from "@/services/finance/revenue";
import type { PlanRow } from "@/services/finance/subscriptions-by-plan";
import type { FinanceTable } from "@/types/finance";

const REVENUE: CsvColumn<RevenueRow>[] = [
  { header: "period", value: (r) => r.period },
  { header: "payments", value: (r) => r.payments },
  { header: "gross_cents", value: (r) => r.grossCents },
  { header: "packs_cents", value: (r) => r.packsCents },
  { header: "subscriptions_cents", value: (r) => r.subscriptionsCents },
  { header: "refunds_cents", value: (r) => r.refundsCents },
  { header: "chargebacks_cents", value: (r) => r.chargebacksCents },
  { header: "net_cents", value: (r) => r.netCents },
  { header: "net_packs_cents", value: (r) => r.netPacksCents },
  { header: "net_subscriptions_cents", value: (r) => r.netSubscriptionsCents },
];

const CREDITS_DAILY: CsvColumn<CreditsDay>[] = [
  { header: "day", value: (r) => r.day },
  { header: "issued", value: (r) => r.issued },
  { header: "consumed", value: (r) => r.consumed },
  { header: "expired", value: (r) => r.expired },
  { header: "breakage_cents", value: (r) => r.breakageCents },
];

const CREDITS_BY_TYPE: CsvColumn<CreditsByType>[] = [
  { header: "type", value: (r) => r.type },
  { header: "entries", value: (r) => r.entries },
  { header: "credits_in", value: (r) => r.creditsIn },
  { header: "credits_out", value: (r) => r.creditsOut },
];

const PLANS: CsvColumn<PlanRow>[] = [
  { header: "package_id", value: (r) => r.packageId },
  { header: "plan", value: (r) => r.name },
  { header: "active_subscriptions", value: (r) => r.subscriptions },
  { header: "mrr_cents", value: (r) => r.mrrCents },
];

async function* each<T>(rows: T[]): AsyncIterable<T> {
  yield* rows;
}

/** One of the finance page's tables as a CSV download. */
export function financeCsv(report: FinanceReport, table: FinanceTable): Response {
  const filename = `finance-${table}-${report.range.days}d.csv`;
  switch (table) {
    case "revenue-daily":
      return csvResponse(filename, REVENUE, each(report.revenue.daily));
    case "revenue-monthly":
      return csvResponse(filename, REVENUE, each(report.revenue.monthly));
    case "credits-daily":
      return csvResponse(filename, CREDITS_DAILY, each(report.credits.daily));
    case "credits-by-type":
      return csvResponse(filename, CREDITS_BY_TYPE, each(report.credits.byType));
    case "plans":
      return csvResponse(filename, PLANS, each(report.plans.rows));
  }
}
