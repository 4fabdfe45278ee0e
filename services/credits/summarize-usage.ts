import "server-only";
import { Prisma, type Db } from "@/lib/db";
import type { UsageSummary, UsageSummaryQuery } from "@/types/usage";

/**
 * Usage per UTC day and service in [from, to), for charts. Net of nothing: reversals of usage
 * appear in the ledger, not here.
 */
export async function summarizeUsage(db: Db, workspaceId: string, query: UsageSummaryQuery): Promise<UsageSummary> {
  const data = await db.$queryRaw<UsageSummary["data"]>(Prisma.sql`
    SELECT to_char(date_trunc('day', e.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, s.key AS service,
           (-sum(e.amount))::integer AS credits, sum(e.quantity)::integer AS quantity, count(*)::integer AS calls
    FROM ledger_entries e JOIN services s ON s.id = e.service_id
    WHERE e.workspace_id = ${workspaceId}::uuid AND e.type = 'USAGE'
      AND e.created_at >= ${query.from}::timestamptz AND e.created_at < ${query.to}::timestamptz
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return { data };
}
