import type { Metadata } from "next";
import Link from "next/link";
import { WorkspaceTable } from "@/components/admin/workspace-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/lib/db";
import { listWorkspaces } from "@/services/admin/list-workspaces";
import { adminWorkspaceListQuery } from "@/types/workspace";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const parsed = adminWorkspaceListQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { limit: 25 };
  const page = await listWorkspaces(db(), query);
  const next = page.nextCursor ? `?${new URLSearchParams({ ...(query.search ? { search: query.search } : {}), cursor: page.nextCursor })}` : null;
  return (
    <>
      <PageHeader title="Customers" description="Every workspace, newest first." />
      <form role="search" className="mb-4 flex gap-2">
        <label htmlFor="search" className="sr-only">Search customers</label>
        <input id="search" name="search" defaultValue={query.search} placeholder="Name, slug or owner email" className="w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
        <button className="rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700">Search</button>
      </form>
      <Card>
        {page.data.length ? <WorkspaceTable rows={page.data} caption="Customer workspaces" /> : <EmptyState title="No customers match">Try another search.</EmptyState>}
        {next && (
          <Link href={`/admin/customers${next}`} className="mt-4 inline-block text-sm font-medium text-accent-600 hover:underline">
            Next page →
          </Link>
        )}
      </Card>
    </>
  );
}
