import type { Metadata } from "next";
import type { ReactNode } from "react";
import { formatShortDay } from "@/components/charts/format";
import { LineChart } from "@/components/charts/line-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { CreditsByTypeTable, CreditsDailyTable, PlansTable } from "@/components/admin/credit-tables";
import { CsvLink } from "@/components/admin/csv-link";
import { FinanceRangePicker } from "@/components/admin/finance-range-picker";
import { FinanceStats } from "@/components/admin/finance-stats";
import { RevenueTable } from "@/components/admin/revenue-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { findAdminSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCents, formatCredits } from "@/lib/format";
import { financeReport } from "@/services/finance/finance-report";
import { financeRangeDays, type FinanceTable } from "@/types/finance";

export const metadata: Metadata = { title: "Finance" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

// One formatter each, built once: a year's chart formats hundreds of labels.
const COMPACT_DOLLARS = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
// Axis labels stay short enough to read on a phone: "$1.2K", "15K".
const compactDollars = (cents: number) => COMPACT_DOLLARS.format(cents / 100);
const compactCount = (value: number) => COMPACT.format(Math.round(value));

/**
 * The chart's numbers as a table, folded away. A year of days is 365 rows per table, which costs
 * more to render than the whole report costs to compute: for the year the CSV carries them.
 */
function Numbers({ days, csv, children }: { days: number; csv: string; children: ReactNode }) {
  if (days > 90)
    return (
      <p className="mt-3 text-sm text-slate-600">
        The number for each day is in the{" "}
        <a href={csv} download className="font-medium text-accent-700 underline underline-offset-4">
          CSV
        </a>
        ; the table by month sums them.
      </p>
    );
  return (
    <details className="mt-3 rounded-lg border border-slate-200">
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">Show the numbers by day</summary>
      <div className="max-h-96 overflow-y-auto">{children}</div>
    </details>
  );
}

export default async function FinancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await findAdminSession())) return null;
  const raw = (await searchParams).days;
  const days = financeRangeDays.safeParse(Array.isArray(raw) ? raw[0] : raw).data ?? 30;
  const report = await financeReport(db(), days);
  const csv = (table: FinanceTable) => `/api/admin/finance/export?table=${table}&days=${days}`;
  const { revenue, credits } = report;

  return (
    <>
      <PageHeader title="Finance" description="Revenue, subscriptions, credits and what is still owed, by UTC day." actions={<FinanceRangePicker days={days} />} />
      <FinanceStats report={report} />

      <Card title="Revenue by day" description="Net of refunds and chargebacks, split into packs and subscriptions." className="mt-6" actions={<CsvLink href={csv("revenue-daily")} what="revenue by day" />}>
        {revenue.daily.some((d) => d.grossCents > 0 || d.netCents !== 0) ? (
          <>
            <StackedBarChart
              label={`Net revenue per day over the last ${days} days: ${formatCents(revenue.total.netCents)} in total, ${formatCents(revenue.total.netPacksCents)} from packs and ${formatCents(revenue.total.netSubscriptionsCents)} from subscriptions. The numbers are in the table below.`}
              series={["Packs", "Subscriptions"]}
              columns={revenue.daily.map((d) => ({ label: formatShortDay(d.period), values: [d.netPacksCents, d.netSubscriptionsCents] }))}
              formatTick={compactDollars}
              formatValue={formatCents}
            />
            <Numbers days={days} csv={csv("revenue-daily")}>
              <RevenueTable rows={[...revenue.daily].reverse()} caption="Revenue by day, newest first" />
            </Numbers>
          </>
        ) : (
          <EmptyState title={`No payments in the last ${days} days`} icon="billing" bordered={false}>
            Pack purchases and plan payments appear here by day, net of refunds and chargebacks.
          </EmptyState>
        )}
      </Card>

      <Card title="Revenue by month" description="Calendar months in the range; the first may be partial." className="mt-6" flush actions={<CsvLink href={csv("revenue-monthly")} what="revenue by month" />}>
        <RevenueTable rows={revenue.monthly} caption="Revenue by month" total={revenue.total} />
      </Card>

      <Card title="Subscriptions by plan" description="Active and past-due subscriptions now, at the price each subscriber pays." className="mt-6" flush actions={<CsvLink href={csv("plans")} what="subscriptions by plan" />}>
        {report.plans.rows.length ? (
          <PlansTable rows={report.plans.rows} />
        ) : (
          <EmptyState title="No active subscriptions" icon="packages" bordered={false}>
            Subscriptions to monthly plans appear here with the revenue they bring each month.
          </EmptyState>
        )}
      </Card>

      <Card
        title="Credits by day"
        description={`${formatCredits(credits.issued)} issued, ${formatCredits(credits.consumed)} consumed, ${formatCredits(credits.expired)} expired in the range.`}
        className="mt-6"
        actions={<CsvLink href={csv("credits-daily")} what="credits by day" />}
      >
        {credits.issued || credits.consumed || credits.expired ? (
          <>
            <LineChart
              label={`Credits per day over the last ${days} days: ${formatCredits(credits.issued)} issued, ${formatCredits(credits.consumed)} consumed and ${formatCredits(credits.expired)} expired. The numbers are in the table below.`}
              series={["Issued", "Consumed", "Expired"]}
              columns={credits.daily.map((d) => ({ label: formatShortDay(d.day), values: [d.issued, d.consumed, d.expired] }))}
              formatTick={compactCount}
            />
            <Numbers days={days} csv={csv("credits-daily")}>
              <CreditsDailyTable rows={[...credits.daily].reverse()} />
            </Numbers>
          </>
        ) : (
          <EmptyState title={`No credits moved in the last ${days} days`} icon="credits" bordered={false}>
            Credits issued, consumed and expired appear here by day.
          </EmptyState>
        )}
      </Card>

      <Card title="Credits by entry type" description="Every ledger movement in the range, in and out." className="mt-6" flush actions={<CsvLink href={csv("credits-by-type")} what="credits by entry type" />}>
        {credits.byType.length ? (
          <CreditsByTypeTable rows={credits.byType} />
        ) : (
          <EmptyState title="No credit movements in this range" icon="credits" bordered={false}>
            Purchases, usage and expiry appear here as they happen.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
