import type { Metadata } from "next";
import { StripeEventFilters } from "@/components/admin/stripe-event-filters";
import { StripeEventTable } from "@/components/admin/stripe-event-table";
import { StripeReconciliationPanel } from "@/components/admin/stripe-reconciliation-panel";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { findAdminSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listStripeEvents } from "@/services/billing/list-stripe-events";
import { stripeEventListQuery, type StripeEventListQuery } from "@/types/billing-admin";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** A hand-edited URL should not break the page: each unusable filter is dropped on its own. */
function readQuery(params: SearchParams): StripeEventListQuery {
  const { shape } = stripeEventListQuery;
  return {
    status: shape.status.safeParse(first(params.status)).data,
    type: shape.type.safeParse(first(params.type)).data || undefined,
    cursor: shape.cursor.safeParse(first(params.cursor)).data,
    limit: 25,
  };
}

function pageHref(query: StripeEventListQuery, cursor?: string): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.type) params.set("type", query.type);
  if (cursor) params.set("cursor", cursor);
  const qs = params.toString();
  return qs ? `/admin/webhooks?${qs}` : "/admin/webhooks";
}

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await findAdminSession())) return null;
  const query = readQuery(await searchParams);
  const page = await listStripeEvents(db(), query);
  const isFiltered = Boolean(query.status || query.type);

  return (
    <>
      <PageHeader title="Webhooks" description="Stripe events received, newest first, and how each was processed. Failed ones can be replayed." />
      <StripeEventFilters query={query} />
      <Card title="Stripe events" description={`${page.data.length} ${page.data.length === 1 ? "event" : "events"} on this page.`} flush>
        {page.data.length ? (
          <StripeEventTable rows={page.data} caption="Stripe events" />
        ) : (
          <EmptyState title={isFiltered ? "No events match" : "No Stripe events yet"} icon="webhooks" bordered={false}>
            {isFiltered ? "Try another status or the start of a type, such as charge." : "Events appear here as Stripe delivers them to /api/stripe/webhook."}
          </EmptyState>
        )}
        <KeysetPager firstHref={query.cursor ? pageHref(query) : null} nextHref={page.nextCursor ? pageHref(query, page.nextCursor) : null} />
      </Card>
      <StripeReconciliationPanel />
    </>
  );
}
