import type { Metadata } from "next";
import Link from "next/link";
import { findAdminSession } from "@/lib/auth/session";
import { StatCard } from "@/components/admin/stat-card";
import { WorkspaceTable } from "@/components/admin/workspace-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/lib/db";
import { formatCents, formatCredits } from "@/lib/format";
import { listWorkspaces } from "@/services/admin/list-workspaces";
import { operationsSummary } from "@/services/admin/operations-summary";
import { countOverdueDisputes } from "@/services/disputes/count-overdue-disputes";
import { financeReport } from "@/services/finance/finance-report";

export const metadata: Metadata = { title: "Admin overview" };

const PAGE_SIZE = 25;

export default async function AdminOverviewPage() {
  if (!(await findAdminSession())) return null;
  const [recent, finance, operations, overdueDisputes] = await Promise.all([
    listWorkspaces(db(), { limit: PAGE_SIZE }),
    financeReport(db(), 30),
    operationsSummary(db(), new Date()),
    countOverdueDisputes(db()),
  ]);
  const rows = recent.data;
  const shown = `${rows.length}${recent.nextCursor ? "+" : ""}`;
  const credits = rows.reduce((sum, row) => sum + row.wallet.balance, 0);
  const paused = rows.filter((row) => row.wallet.status === "PAUSED").length;

  return (
    <>
      <PageHeader title="Admin overview" description="Customers, their credits and the state of their wallets." />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Workspaces" value={shown} note={recent.nextCursor ? `Showing the newest ${PAGE_SIZE}` : "All workspaces"} />
        <StatCard label="Credit balances" value={formatCredits(credits)} note={recent.nextCursor ? `Across the newest ${PAGE_SIZE} workspaces` : "Across all workspaces"} />
        <StatCard label="Paused wallets" value={formatCredits(paused)} note={paused ? "Usage is refused for these" : "Every wallet can spend"} />
        <StatCard label="Overdue disputes" value={formatCredits(overdueDisputes)} note={overdueDisputes ? "Past their first-response deadline: see Disputes" : "Every dispute is within its SLA"} />
      </div>
      <section aria-labelledby="overview-finance" className="mt-8">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="overview-finance" className="text-base font-semibold text-slate-900">
            Finance
          </h2>
          <Link href="/admin/finance" className="text-sm font-medium text-accent-700 underline-offset-4 hover:underline">
            Open the finance report
          </Link>
        </div>
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <StatCard label="Net revenue, 30 days" value={formatCents(finance.revenue.total.netCents)} note="Paid, less refunds and chargebacks" />
          <StatCard label="Revenue today" value={formatCents(finance.revenue.today.netCents)} note={`${finance.revenue.today.payments} ${finance.revenue.today.payments === 1 ? "payment" : "payments"} since midnight UTC`} />
          <StatCard label="MRR" value={formatCents(finance.plans.mrrCents)} note={`${formatCredits(finance.plans.subscriptions)} active subscriptions`} />
          <StatCard label="Deferred revenue" value={formatCents(finance.liability.liabilityCents)} note="Paid credits not yet spent" />
        </div>
      </section>
      <OperationsSection operations={operations} />
      <Card
        title="Recent workspaces"
        description="Newest first."
        className="mt-6"
        flush
        actions={
          rows.length > 0 && (
            <Link href="/admin/customers" className={buttonClassName({ variant: "secondary", size: "sm" })}>
              See every workspace
            </Link>
          )
        }
      >
        {rows.length ? (
          <WorkspaceTable rows={rows} caption="Recent workspaces" />
        ) : (
          <EmptyState title="No workspaces yet" icon="customers" bordered={false}>
            Every sign-up creates a personal workspace; they will be listed here.
          </EmptyState>
        )}
      </Card>
    </>
  );
}

const OPERATIONS = [
  { href: "/admin/webhooks", title: "Stripe events", body: "Every webhook received, how it was processed; replay a failed one." },
  { href: "/admin/webhooks?panel=reconciliation", title: "Reconciliation", body: "On the webhooks page: compare recent Stripe payments with the ledger, repair what is missing." },
  { href: "/admin/integrity", title: "Integrity report", body: "Check that every wallet's balance equals the sum of its ledger." },
  { href: "/admin/audit", title: "Audit log", body: "Who did what, when, with before and after; filter and export." },
];

function OperationsSection({ operations }: { operations: Awaited<ReturnType<typeof operationsSummary>> }) {
  const status: Record<string, string> = {
    "/admin/webhooks": operations.failedStripeEvents
      ? `${operations.failedStripeEvents} failed, waiting for a retry or a replay`
      : operations.pendingStripeEvents
        ? `${operations.pendingStripeEvents} received, not processed yet`
        : "Nothing waiting",
    "/admin/audit": `${operations.auditEntriesToday} ${operations.auditEntriesToday === 1 ? "entry" : "entries"} today (UTC)`,
  };
  return (
    <section aria-labelledby="overview-operations" className="mt-8 mb-8">
      <h2 id="overview-operations" className="mb-3 text-base font-semibold text-slate-900">
        Operations
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {OPERATIONS.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-card hover:border-accent-200 hover:bg-accent-50/40">
              <span className="block text-sm font-semibold text-slate-900">{item.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{item.body}</span>
              {status[item.href] && (
                <span className={`mt-2 block text-sm font-medium ${operations.failedStripeEvents && item.href === "/admin/webhooks" ? "text-red-700" : "text-slate-700"}`}>{status[item.href]}</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
