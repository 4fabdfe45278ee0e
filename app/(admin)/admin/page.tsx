import type { Metadata } from "next";
import Link from "next/link";
import { WorkspaceTable } from "@/components/admin/workspace-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/lib/db";
import { listWorkspaces } from "@/services/admin/list-workspaces";

export const metadata: Metadata = { title: "Admin overview" };

export default async function AdminOverviewPage() {
  const recent = await listWorkspaces(db(), { limit: 10 });
  return (
    <>
      <PageHeader title="Admin overview" description="Customers, credits and the health of the ledger." />
      <Card title="Recent workspaces">
        {recent.data.length ? (
          <>
            <WorkspaceTable rows={recent.data} caption="Recently created workspaces" />
            <Link href="/admin/customers" className="mt-4 inline-block text-sm font-medium text-accent-600 hover:underline">
              All customers →
            </Link>
          </>
        ) : (
          <EmptyState title="No customers yet">Workspaces appear here as people sign up.</EmptyState>
        )}
      </Card>
    </>
  );
}
