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
import { formatCredits } from "@/lib/format";
import { listWorkspaces } from "@/services/admin/list-workspaces";

export const metadata: Metadata = { title: "Admin overview" };

const PAGE_SIZE = 25;

export default async function AdminOverviewPage() {
  if (!(await findAdminSession())) return null;
  const recent = await listWorkspaces(db(), { limit: PAGE_SIZE });
  const rows = recent.data;
  const shown = `${rows.length}${recent.nextCursor ? "+" : ""}`;
  const credits = rows.reduce((sum, row) => sum + row.wallet.balance, 0);
  const paused = rows.filter((row) => row.wallet.status === "PAUSED").length;

  return (
    <>
      <PageHeader title="Admin overview" description="Customers, their credits and the state of their wallets." />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label="Workspaces" value={shown} note={recent.nextCursor ? `Showing the newest ${PAGE_SIZE}` : "All workspaces"} />
        <StatCard label="Credits held" value={formatCredits(credits)} note={recent.nextCursor ? `Across the newest ${PAGE_SIZE} workspaces` : "Across all workspaces"} />
        <StatCard label="Paused wallets" value={formatCredits(paused)} note={paused ? "Usage is refused for these" : "Every wallet can spend"} />
      </div>
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
