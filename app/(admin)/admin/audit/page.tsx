import type { Metadata } from "next";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditLogTable } from "@/components/admin/audit-log-table";
import { CsvLink } from "@/components/admin/csv-link";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { findAdminSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listAuditLogs } from "@/services/audit/list-audit-logs";
import { auditLogQuery, type AuditLogQuery } from "@/types/audit";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
const FILTERS = ["actor", "action", "target", "workspace", "from", "to"] as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** A hand-edited URL should not break the page: each unusable filter is dropped, and marked. */
function readQuery(params: SearchParams): { query: AuditLogQuery; invalid: string[] } {
  const { shape } = auditLogQuery;
  const invalid: string[] = [];
  const query: AuditLogQuery = { limit: 25, format: "json", cursor: shape.cursor.safeParse(first(params.cursor)).data };
  for (const name of FILTERS) {
    const value = first(params[name]);
    if (!value) continue;
    const parsed = shape[name].safeParse(value);
    if (parsed.success && parsed.data) query[name] = parsed.data;
    else invalid.push(name);
  }
  return { query, invalid };
}

function href(query: AuditLogQuery, extra: Record<string, string> = {}, base = "/admin/audit"): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (query[name]) params.set(name, query[name]!);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await findAdminSession())) return null;
  const { query, invalid } = readQuery(await searchParams);
  const page = await listAuditLogs(db(), query);
  const isFiltered = FILTERS.some((name) => query[name]);

  return (
    <>
      <PageHeader title="Audit log" description="Every admin and billing action: who did it, to what, when, and what changed." />
      <AuditFilters query={query} invalid={invalid} />
      <Card
        title="Audit entries"
        description={`${page.data.length} ${page.data.length === 1 ? "entry" : "entries"} on this page, newest first. Times are UTC.`}
        flush
        actions={<CsvLink href={href(query, { format: "csv" }, "/api/admin/audit")} what={isFiltered ? "the matching audit entries" : "the whole audit log"} />}
      >
        {page.data.length ? (
          <AuditLogTable rows={page.data} />
        ) : (
          <EmptyState title={isFiltered ? "No entries match" : "No audit entries yet"} icon="audit" bordered={false}>
            {isFiltered ? "Try a shorter action prefix, another actor or a wider date range." : "Admin and billing actions are recorded here as they happen."}
          </EmptyState>
        )}
        <KeysetPager firstHref={query.cursor ? href(query) : null} nextHref={page.nextCursor ? href(query, { cursor: page.nextCursor }) : null} />
      </Card>
    </>
  );
}
