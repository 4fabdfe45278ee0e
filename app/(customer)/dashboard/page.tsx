import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BalanceCards } from "@/components/credits/balance-cards";
import { LedgerTable } from "@/components/credits/ledger-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getBalance } from "@/services/credits/get-balance";
import { listLedger } from "@/services/credits/list-ledger";
import { currentWorkspace } from "@/app/(customer)/current-workspace";

export const metadata: Metadata = { title: "Dashboard" };

const RECENT_ENTRIES = 8;

export default async function DashboardPage() {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/dashboard");
  const workspace = await currentWorkspace(session.user.id);
  if (!workspace) {
    // Sign-up always creates a personal workspace; this only happens if it was removed.
    return (
      <>
        <PageHeader title="Dashboard" />
        <EmptyState title="No workspace yet">Your account is not a member of any workspace. Ask a workspace owner to invite you, or contact support.</EmptyState>
      </>
    );
  }
  const [balance, recent] = await Promise.all([getBalance(db(), workspace.id), listLedger(db(), workspace.id, { limit: RECENT_ENTRIES })]);

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={workspace.name}
        actions={
          <Link href="/credits" className={buttonClassName()}>
            Buy credits
          </Link>
        }
      />
      <BalanceCards balance={balance} />
      <Card title="Recent activity" description="Purchases, plan credits and usage, newest first." className="mt-6" flush>
        {recent.data.length ? (
          <LedgerTable entries={recent.data} caption="Recent credit activity" />
        ) : (
          <EmptyState title="No activity yet" icon="clock" bordered={false}>
            Purchases, plan credits and what your services spend will appear here as they happen.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
