import "server-only";
import { inTransaction, Prisma, type Db } from "@/lib/db";

const DAY_MS = 86_400_000;
/**
 * A day is rolled up only once it ended this long ago. The ledger functions stamp an entry with
 * the time its transaction started, so an entry committed just after midnight can carry the day
 * before; transactions here time out in seconds, and an hour leaves room for any of them.
 */
export const ROLLUP_SETTLE_MS = 3_600_000;

/** The UTC midnight at or before `at`. */
export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** The first day not yet closed for rolling up at `now`: days before it never change again. */
export function rollupCutoff(now: Date): Date {
  return startOfUtcDay(new Date(now.getTime() - ROLLUP_SETTLE_MS));
}

async function rollRange(db: Db, workspaceId: string, from: Date, until: Date) {
  // One statement: the days' totals and the range that now covers them are written together
  // (DO NOTHING: a closed day's total never changes, so rows already there are right).
  await db.$executeRaw(Prisma.sql`
    WITH rolled AS (
      INSERT INTO usage_daily (workspace_id, day, service_id, credits, quantity, calls)
      SELECT e.workspace_id, (e.created_at AT TIME ZONE 'UTC')::date, e.service_id, -sum(e.amount), coalesce(sum(e.quantity), 0), count(*)
      FROM ledger_entries e
      WHERE e.workspace_id = ${workspaceId}::uuid AND e.type = 'USAGE' AND e.service_id IS NOT NULL
        AND e.created_at >= ${from}::timestamptz AND e.created_at < ${until}::timestamptz
      GROUP BY 1, 2, 3
      ON CONFLICT DO NOTHING
      RETURNING 1)
    INSERT INTO usage_rollup_ranges (workspace_id, rolled_from, rolled_until)
    SELECT ${workspaceId}::uuid, (${from}::timestamptz AT TIME ZONE 'UTC')::date, (${until}::timestamptz AT TIME ZONE 'UTC')::date
    FROM (SELECT count(*) FROM rolled) AS done
    ON CONFLICT (workspace_id) DO UPDATE SET
      rolled_from = least(usage_rollup_ranges.rolled_from, excluded.rolled_from),
      rolled_until = greatest(usage_rollup_ranges.rolled_until, excluded.rolled_until)`);
}

type RolledRange = { rolledFrom: Date; rolledUntil: Date };

async function findRange(db: Db, workspaceId: string): Promise<RolledRange | undefined> {
  const [range] = await db.$queryRaw<RolledRange[]>(Prisma.sql`
    SELECT rolled_from::timestamp AT TIME ZONE 'UTC' AS "rolledFrom", rolled_until::timestamp AT TIME ZONE 'UTC' AS "rolledUntil"
    FROM usage_rollup_ranges WHERE workspace_id = ${workspaceId}::uuid`);
  return range;
}

async function hasUsage(db: Db, workspaceId: string, from: Date, until: Date): Promise<boolean> {
  const [row] = await db.$queryRaw<{ found: boolean }[]>(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.workspace_id = ${workspaceId}::uuid AND e.type = 'USAGE'
      AND e.created_at >= ${from}::timestamptz AND e.created_at < ${until}::timestamptz) AS found`);
  return Boolean(row?.found);
}

const covers = (range: RolledRange | undefined, from: Date, until: Date) => Boolean(range && range.rolledFrom <= from && range.rolledUntil >= until);

/**
 * Makes `usage_daily` hold every closed UTC day from `from` (a midnight) up to `until` (a midnight,
 * at most rollupCutoff(now)), keeping the rolled range contiguous. Idempotent and safe to run
 * concurrently: when days are missing, one transaction per workspace at a time (an advisory lock)
 * re-reads the range and rolls what is still missing, so two views asking for different windows
 * cannot leave a gap the range claims to cover. The usual case — nothing missing — is one read.
 *
 * It assumes what the app guarantees: a USAGE entry is written with the current time. Seeds and
 * tests that backdate usage must do so before those days are first read.
 */
export async function rollUpUsage(db: Db, workspaceId: string, from: Date, until: Date): Promise<void> {
  if (from >= until || covers(await findRange(db, workspaceId), from, until)) return;
  // A workspace that never spent in the window (every new one) has nothing to roll up: no write on a read.
  if (!(await hasUsage(db, workspaceId, from, until))) return;
  await inTransaction(db, async (tx) => {
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('usage_rollup:' || ${workspaceId}))`);
    const range = await findRange(tx, workspaceId);
    if (!range) return rollRange(tx, workspaceId, from, until);
    if (range.rolledUntil < until) await rollRange(tx, workspaceId, range.rolledUntil, until);
    if (from < range.rolledFrom) await rollRange(tx, workspaceId, from, range.rolledFrom);
  });
}
