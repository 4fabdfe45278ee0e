import type { Metadata } from "next";
import { CustomerSearch } from "@/components/admin/customer-search";
import { findAdminSession } from "@/lib/auth/session";
import { WorkspaceTable } from "@/components/admin/workspace-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { db } from "@/lib/db";
import { listWorkspaces } from "@/services/admin/list-workspaces";
import { adminWorkspaceListQuery, type AdminWorkspaceListQuery } from "@/types/workspace";

export const metadata: Metadata = { title: "Customers" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A hand-edited URL should not break the page: an unusable cursor is dropped, the search kept. */
function readQuery(params: SearchParams): AdminWorkspaceListQuery {
  const search = first(params.search)?.slice(0, 100) || undefined;
  const parsed = adminWorkspaceListQuery.safeParse({ search, cursor: first(params.cursor) || undefined, limit: 25 });
  return parsed.success ? parsed.data : adminWorkspaceListQuery.parse({ search, limit: 25 });
}

function pageHref(query: AdminWorkspaceListQuery, cursor?: string): string {
  const params = new URLSearchParams();
  if (query.search) params.set("search", query.search);
  if (cursor) params.set("cursor", cursor);
  const qs = params.toString();
  return qs ? `/admin/customers?${qs}` : "/admin/customers";
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await findAdminSession())) return null;
  const query = readQuery(await searchParams);
  const page = await listWorkspaces(db(), query);

  return (
    <>
      <PageHeader title="Customers" description="Every workspace, newest first. Search by name, slug or owner email." />
      <CustomerSearch search={query.search} />
      <Card
        title={query.search ? `Results for “${query.search}”` : "All workspaces"}
        description={`${page.data.length} ${page.data.length === 1 ? "workspace" : "workspaces"} on this page.`}
        flush
      >
        {page.data.length ? (
          <WorkspaceTable rows={page.data} caption={query.search ? `Workspaces matching ${query.search}` : "Customer workspaces"} />
        ) : (
          <EmptyState title={query.search ? "No customers match" : "No customers yet"} icon="search" bordered={false}>
            {query.search ? "Try part of a name, a slug or an email address." : "Workspaces appear here as people sign up."}
          </EmptyState>
        )}
        <KeysetPager firstHref={query.cursor ? pageHref(query) : null} nextHref={page.nextCursor ? pageHref(query, page.nextCursor) : null} />
      </Card>
    </>
  );
}
