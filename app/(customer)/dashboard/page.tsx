import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LedgerTable } from "@/components/credits/ledger-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { CENTS_PER_CREDIT, formatCents, formatCredits } from "@/lib/format";
import { getBalance } from "@/services/credits/get-balance";
import { listLedger } from "@/services/credits/list-ledger";
import { listWorkspacesForUser } from "@/services/workspaces/list-workspaces-for-user";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const [workspace] = await listWorkspacesForUser(db(), session.user.id);
  if (!workspace) redirect("/sign-in");
  const [balance, recent] = await Promise.all([getBalance(db(), workspace.id), listLedger(db(), workspace.id, { limit: 8 })]);

  return (
    <>
      <PageHeader title="Dashboard" description={workspace.name} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card title="Credits">
          <p className="text-3xl font-semibold tabular-nums">{formatCredits(balance.balance)}</p>
          <p className="mt-1 text-sm text-slate-500">worth {formatCents(Math.max(balance.balance, 0) * CENTS_PER_CREDIT)} at $0.10 a credit</p>
        </Card>
        <Card title="Spendable now">
          <p className="text-3xl font-semibold tabular-nums">{formatCredits(balance.available)}</p>
          <p className="mt-1 text-sm text-slate-500">excludes credits past their expiry</p>
        </Card>
        <Card title="Wallet">
          <p className={`text-lg font-semibold ${balance.status === "PAUSED" ? "text-amber-700" : "text-emerald-700"}`}>
            {balance.status === "PAUSED" ? "Paused" : "Active"}
          </p>
          <p className="mt-1 text-sm text-slate-500">
            {balance.status === "PAUSED" ? "Usage is refused until support resumes it." : "Services can spend credits."}
          </p>
        </Card>
      </div>
      <Card title="Recent activity" className="mt-6">
        {recent.data.length ? (
          <LedgerTable entries={recent.data} caption="Recent credit activity" />
        ) : (
          <EmptyState title="No activity yet">Purchases, plan credits and usage will appear here.</EmptyState>
        )}
      </Card>
    </>
  );
}
