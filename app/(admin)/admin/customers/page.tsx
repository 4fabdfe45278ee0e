import type { Metadata } from "next";
import { CustomerSearch } from "@/components/admin/customer-search";
import { WorkspaceTable } from "@/components/admin/workspace-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { findAdminSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listWorkspaces } from "@/services/admin/list-workspaces";
import { listPackagesOnSale } from "@/services/billing/list-packages-on-sale";
import { adminWorkspaceListQuery, type AdminWorkspaceListQuery } from "@/types/workspace";

export const metadata: Metadata = { title: "Customers" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
const FILTERS = ["search", "status", "plan", "hasSubscription"] as const;

/** A hand-edited URL should not break the page: an unusable filter or cursor is dropped, the rest kept. */
function readQuery(params: SearchParams): AdminWorkspaceListQuery {
  const query: Record<string, string | number | undefined> = { limit: 25 };
  for (const name of [...FILTERS, "cursor"] as const) {
    const value = first(params[name])?.slice(0, 100);
    if (value !== undefined && adminWorkspaceListQuery.safeParse({ ...query, [name]: value }).success) query[name] = value;
  }
  return adminWorkspaceListQuery.parse(query);
}

function pageHref(query: AdminWorkspaceListQuery, cursor?: string): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (query[name]) params.set(name, query[name]);
  if (cursor) params.set("cursor", cursor);
  const qs = params.toString();
  return qs ? `/admin/customers?${qs}` : "/admin/customers";
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await findAdminSession())) return null;
  const query = readQuery(await searchParams);
  const [page, plans] = await Promise.all([listWorkspaces(db(), query), listPackagesOnSale(db(), "MONTH")]);
  const isFiltered = FILTERS.some((name) => query[name]);

  return (
    <>
      <PageHeader title="Customers" description="Every workspace, newest first. Search by name, slug, member email or Stripe customer id; open one for its ledger and actions." />
      <CustomerSearch query={query} plans={plans.map(({ id, name }) => ({ id, name }))} />
      <Card
        title={query.search ? `Results for “${query.search}”` : isFiltered ? "Filtered workspaces" : "All workspaces"}
        description={`${page.data.length} ${page.data.length === 1 ? "workspace" : "workspaces"} on this page.`}
        flush
      >
        {page.data.length ? (
          <WorkspaceTable rows={page.data} caption={query.search ? `Workspaces matching ${query.search}` : "Customer workspaces"} />
        ) : (
          <EmptyState title={isFiltered ? "No customers match" : "No customers yet"} icon="search" bordered={false}>
            {isFiltered ? "Try part of a name, a slug or an email address, or clear the filters." : "Workspaces appear here as people sign up."}
          </EmptyState>
        )}
        <KeysetPager firstHref={query.cursor ? pageHref(query) : null} nextHref={page.nextCursor ? pageHref(query, page.nextCursor) : null} />
      </Card>
    </>
  );
}
