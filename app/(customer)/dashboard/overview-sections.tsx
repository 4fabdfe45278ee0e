import Link from "next/link";
import { RangeToggle } from "@/components/charts/range-toggle";
import { UsageChart } from "@/components/charts/usage-chart";
import { UsageDayTable } from "@/components/charts/usage-day-table";
import { BalanceCards } from "@/components/credits/balance-cards";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/lib/db";
import { formatCredits } from "@/lib/format";
import { listLedger } from "@/services/credits/list-ledger";
import { getOverview, type UsageRange } from "@/services/insights/get-overview";
import { AccountStatus } from "./account-status";
import { PlanCard } from "./plan-card";
import { RecentActivity } from "./recent-activity";

const RECENT_ENTRIES = 8;

type Props = { workspaceId: string; canBuy: boolean; range: UsageRange };

/** Everything on the dashboard that reads the wallet, the plan and the ledger. */
export async function OverviewSections({ workspaceId, canBuy, range }: Props) {
  const [overview, recent] = await Promise.all([getOverview(db(), workspaceId, range), listLedger(db(), workspaceId, { limit: RECENT_ENTRIES })]);
  const serviceName = (key: string) => overview.serviceNames[key] ?? key;
  const chartLabel = `Credits spent per day by service, last ${range} days`;

  return (
    <>
      <AccountStatus
        position={overview.position}
        low={overview.low}
        dailyAverage={overview.dailyAverage}
        smallestPack={overview.smallestPack}
        workspaceId={workspaceId}
        canBuy={canBuy}
      />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <BalanceCards position={overview.position} baseUnitCents={overview.baseUnitCents} currency={overview.currency} />
        <PlanCard plan={overview.plan} />
      </div>
      <Card
        title="Usage"
        description={`${formatCredits(overview.usage.total)} credits in the last ${range} days (UTC days, today included).`}
        actions={<RangeToggle path="/dashboard" ranges={[30, 90]} current={range} label="Usage period" />}
        className="mt-6"
      >
        {overview.usage.total ? (
          <>
            <UsageChart series={overview.usage} label={chartLabel} serviceName={serviceName} />
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium text-accent-700">Show the numbers</summary>
              <div className="mt-3">
                <UsageDayTable series={overview.usage} caption={`${chartLabel}, as a table`} serviceName={serviceName} />
              </div>
            </details>
          </>
        ) : (
          <EmptyState title={`No usage in the last ${range} days`} icon="usage" bordered={false}>
            What your services spend through the usage API appears here, per day and per service.
          </EmptyState>
        )}
        <p className="mt-4 text-sm">
          <Link href="/usage" className="font-medium text-accent-700 underline underline-offset-2 hover:text-accent-800">
            Usage by service, trends and tips
          </Link>
        </p>
      </Card>
      <Card
        title="Recent activity"
        description="Purchases, plan credits and usage, newest first."
        actions={
          <Link href="/transactions" className={buttonClassName({ variant: "secondary", size: "sm" })}>
            Full history
          </Link>
        }
        className="mt-6"
        flush
      >
        {recent.data.length ? (
          <RecentActivity entries={recent.data} serviceName={serviceName} />
        ) : (
          <EmptyState title="No activity yet" icon="clock" bordered={false}>
            Purchases, plan credits and what your services spend will appear here as they happen.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
