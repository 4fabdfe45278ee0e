import type { Metadata } from "next";
import { AdminDisputeFilters } from "@/components/disputes/admin-dispute-filters";
import { AdminDisputeTable } from "@/components/disputes/admin-dispute-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { findAdminSession } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { countOverdueDisputes } from "@/services/disputes/count-overdue-disputes";
import { listAdminDisputes } from "@/services/disputes/list-admin-disputes";
import { adminDisputeQuery, type AdminDisputeQuery } from "@/types/disputes";

export const metadata: Metadata = { title: "Disputes" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** A hand-edited URL should not break the page: each unusable filter is dropped on its own. */
function readQuery(params: SearchParams): AdminDisputeQuery {
  const { shape } = adminDisputeQuery;
  return {
    state: shape.state.safeParse(first(params.state)).data,
    overdue: shape.overdue.safeParse(first(params.overdue)).data,
    minAgeHours: shape.minAgeHours.safeParse(first(params.minAgeHours)).data,
    customer: shape.customer.safeParse(first(params.customer)).data || undefined,
    cursor: shape.cursor.safeParse(first(params.cursor)).data,
    limit: 25,
  };
}

function pageHref(query: AdminDisputeQuery, cursor?: string): string {
  const params = new URLSearchParams();
  if (query.state) params.set("state", query.state);
  if (query.overdue !== undefined) params.set("overdue", String(query.overdue));
  if (query.minAgeHours !== undefined) params.set("minAgeHours", String(query.minAgeHours));
  if (query.customer) params.set("customer", query.customer);
  if (cursor) params.set("cursor", cursor);
  const qs = params.toString();
  return qs ? `/admin/disputes?${qs}` : "/admin/disputes";
}

export default async function AdminDisputesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await findAdminSession())) return null;
  const query = readQuery(await searchParams);
  const now = systemClock.now();
  const [page, overdue] = await Promise.all([listAdminDisputes(db(), query), countOverdueDisputes(db())]);

  return (
    <>
      <PageHeader
        title="Disputes"
        description="Customers' credit disputes, oldest first. The first response is due 48 hours after a dispute is opened or appealed; appeals are decided by senior admins."
        actions={overdue > 0 ? <p className="text-sm font-medium text-red-700">{overdue} overdue</p> : undefined}
      />
      <AdminDisputeFilters query={query} />
      <Card title="Queue" description={`${page.data.length} ${page.data.length === 1 ? "dispute" : "disputes"} on this page.`} flush>
        {page.data.length ? (
          <AdminDisputeTable rows={page.data} now={now} />
        ) : (
          <EmptyState title="No disputes match" icon="disputes" bordered={false}>
            Customers open disputes from their ledger; they appear here with their deadline.
          </EmptyState>
        )}
        <KeysetPager firstHref={query.cursor ? pageHref(query) : null} nextHref={page.nextCursor ? pageHref(query, page.nextCursor) : null} />
      </Card>
    </>
  );
}
