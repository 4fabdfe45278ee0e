import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RangeToggle } from "@/components/charts/range-toggle";
import { UsageChart } from "@/components/charts/usage-chart";
import { UsageDayTable } from "@/components/charts/usage-day-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCredits } from "@/lib/format";
import { getUsageReport } from "@/services/insights/get-usage-report";
import { currentWorkspace } from "@/app/(customer)/current-workspace";
import { usageRangeOf } from "../dashboard/usage-range";
import { ServiceTrendTable } from "./service-trend-table";
import { TipList } from "./tip-list";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage({ searchParams }: { searchParams: Promise<{ range?: string | string[] }> }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/usage");
  const workspace = await currentWorkspace(session.user.id);
  if (!workspace) redirect("/dashboard");
  const range = usageRangeOf((await searchParams).range);
  const report = await getUsageReport(db(), workspace.id, range);
  const serviceName = (key: string) => report.serviceNames[key] ?? key;
  const chartLabel = `Credits spent per day by service, last ${range} days`;
  const hasAny = report.trends.length > 0;

  return (
    <>
      <PageHeader
        title="Usage"
        description={`What your services spent, per service and per day: the last ${range} days against the ${range} days before.`}
        actions={<RangeToggle path="/usage" ranges={[30, 90]} current={range} label="Usage period" />}
      />
      {!hasAny ? (
        <EmptyState title={`No usage in the last ${range * 2} days`} icon="usage">
          When your services spend credits through the usage API, this page shows what each service cost per day, how it compares with the
          period before, and where you could spend less.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title="Tips" description="Computed from your own usage and purchases; each says the numbers it is based on.">
            <TipList tips={report.tips} />
          </Card>
          <Card
            title="Per day"
            description={`${formatCredits(report.usage.total)} credits from ${report.currentFrom} to ${report.currentTo} (UTC days, today included).`}
          >
            {report.usage.total ? (
              <UsageChart series={report.usage} label={chartLabel} serviceName={serviceName} />
            ) : (
              <p className="text-sm text-slate-600">No usage in this period; the table below compares it with the period before.</p>
            )}
          </Card>
          <Card title="Per service" description={`Cost at the base rate. “Previous” is ${report.previousFrom} to ${report.previousTo}.`} flush>
            <ServiceTrendTable trends={report.trends} serviceName={serviceName} baseUnitCents={report.baseUnitCents} currency={report.currency} periodDays={range} />
          </Card>
          <Card title="Per day and service" description="The chart's numbers, newest day first.">
            <UsageDayTable series={report.usage} caption={`${chartLabel}, as a table`} serviceName={serviceName} />
          </Card>
        </div>
      )}
    </>
  );
}
