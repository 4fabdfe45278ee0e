import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { Prisma, type Db } from "@/lib/db";
import type { UsageSummary, UsageSummaryQuery } from "@/types/usage";
import { rollupCutoff, rollUpUsage, startOfUtcDay } from "./roll-up-usage";

const DAY_MS = 86_400_000;

/** Usage straight from the ledger in [from, to): two separate ranges, each one index range scan. */
function live(workspaceId: string, from: Date, to: Date) {
  return Prisma.sql`
      SELECT to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), e.service_id, -sum(e.amount), sum(e.quantity), count(*)
      FROM ledger_entries e
      WHERE e.workspace_id = ${workspaceId}::uuid AND e.type = 'USAGE'
        AND e.created_at >= ${from}::timestamptz AND e.created_at < ${to}::timestamptz
      GROUP BY 1, 2`;
}

/**
 * Usage per UTC day and service in [from, to), for charts. Net of nothing: reversals of usage
 * appear in the ledger, not here.
 *
 * Whole days that are over come from the daily rollup (filled here on first need); the rest —
 * today, and partial days at the edges of the window — from the ledger itself, so the answer is
 * the same as summing the ledger and stays fast with a year of history.
 */
export async function summarizeUsage(db: Db, workspaceId: string, query: UsageSummaryQuery, clock: Clock = systemClock): Promise<UsageSummary> {
  const firstWholeDay = startOfUtcDay(new Date(query.from.getTime() + DAY_MS - 1));
  const cutoff = rollupCutoff(clock.now());
  const rolledEnd = new Date(Math.min(startOfUtcDay(query.to).getTime(), cutoff.getTime()));
  const hasRolled = firstWholeDay < rolledEnd;
  if (hasRolled) await rollUpUsage(db, workspaceId, firstWholeDay, rolledEnd);
  // Without rolled days, the whole window is read live: [from, to) as one range.
  const liveHeadEnd = hasRolled ? firstWholeDay : query.to;
  const liveTailStart = hasRolled ? rolledEnd : query.to;
  const data = await db.$queryRaw<UsageSummary["data"]>(Prisma.sql`
    WITH usage AS (
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.service_id, d.credits, d.quantity, d.calls
      FROM usage_daily d
      WHERE ${hasRolled} AND d.workspace_id = ${workspaceId}::uuid
        AND d.day >= (${firstWholeDay}::timestamptz AT TIME ZONE 'UTC')::date AND d.day < (${rolledEnd}::timestamptz AT TIME ZONE 'UTC')::date
      UNION ALL ${live(workspaceId, query.from, liveHeadEnd)}
      UNION ALL ${live(workspaceId, liveTailStart, query.to)})
    SELECT u.day, s.key AS service, sum(u.credits)::integer AS credits, coalesce(sum(u.quantity), 0)::integer AS quantity, sum(u.calls)::integer AS calls
    FROM usage u JOIN services s ON s.id = u.service_id
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return { data };
}
