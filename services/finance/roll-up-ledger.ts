import "server-only";
import { inTransaction, Prisma, type Db } from "@/lib/db";

/**
 * Entries are dated by the writer's clock inside its transaction, so one dated just before
 * midnight may commit a little after. A day is treated as closed (and summed once, for good) only
 * when it ended more than this long ago.
 */
const SETTLE_MS = 60 * 60 * 1000;

/** The first UTC day that is not closed yet at `now`, as `YYYY-MM-DD`. */
export function firstOpenDay(now: Date): string {
  return new Date(now.getTime() - SETTLE_MS).toISOString().slice(0, 10);
}

/**
 * What `credits` (≥ 0) of a lot paid by payment `p` were paid for, in cents rounded half up: the
 * payment's amount over every credit it granted (bonus included). Null for a lot no payment paid
 * for. Integer arithmetic: on a year of lots it is several times faster than numeric.
 */
export function lotValueSql(credits: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(2::bigint * ${credits} * p.amount_cents + (p.credits + p.bonus_credits)) / nullif(2::bigint * (p.credits + p.bonus_credits), 0)`;
}

/**
 * Per (day, type) sums of the ledger entries in [from, to): entries, credits in and out, and for
 * EXPIRY entries the paid value of what expired (each entry's credits at its lot's price per
 * credit, to the cent; credits from a lot no payment paid for carry none).
 * The one definition both the rollup and the live part of a report use.
 */
export function ledgerTotalsSql(from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT (e.created_at AT TIME ZONE 'UTC')::date AS day, e.type,
           count(*)::int AS entries,
           coalesce(sum(e.amount) FILTER (WHERE e.amount > 0), 0)::bigint AS credits_in,
           coalesce(-sum(e.amount) FILTER (WHERE e.amount < 0), 0)::bigint AS credits_out,
           coalesce(sum(${lotValueSql(Prisma.sql`(-e.amount)`)}), 0)::bigint AS paid_value_cents
    FROM ledger_entries e
    LEFT JOIN credit_grants g
      ON g.id = CASE WHEN e.type = 'EXPIRY' AND e.reference_type = 'credit_grant' THEN e.reference_id::uuid END
    LEFT JOIN payments p ON p.ledger_entry_id = g.source_entry_id
    WHERE e.created_at >= ${from} AND e.created_at < ${to}
    GROUP BY 1, 2`;
}

/**
 * Sums every closed day not summed yet into ledger_daily_totals and returns the first day that is
 * not in it. Cheap when up to date (one row read); after a day ends, the next report sums that
 * day's entries once (the BRIN index on created_at finds them). Concurrent callers queue on the
 * state row, and the second finds the work done.
 */
export async function rollUpLedger(db: Db, now: Date): Promise<string> {
  const open = firstOpenDay(now);
  const current = await readRolledThrough(db);
  if (current !== null && current >= open) return current;
  return inTransaction(db, async (tx) => {
    await tx.$executeRaw`
      INSERT INTO ledger_rollup_state (id, rolled_through, updated_at) VALUES (1, DATE '1970-01-01', now())
      ON CONFLICT (id) DO NOTHING`;
    const [state] = await tx.$queryRaw<{ through: string }[]>`
      SELECT to_char(rolled_through, 'YYYY-MM-DD') AS through FROM ledger_rollup_state WHERE id = 1 FOR UPDATE`;
    const through = state!.through;
    if (through >= open) return through;
    const from = Prisma.sql`(${through}::date AT TIME ZONE 'UTC')`;
    const to = Prisma.sql`(${open}::date AT TIME ZONE 'UTC')`;
    await tx.$executeRaw`
      INSERT INTO ledger_daily_totals (day, type, entries, credits_in, credits_out, paid_value_cents)
      ${ledgerTotalsSql(from, to)}`;
    await tx.$executeRaw`UPDATE ledger_rollup_state SET rolled_through = ${open}::date, updated_at = now() WHERE id = 1`;
    return open;
  });
}

async function readRolledThrough(db: Db): Promise<string | null> {
  const [row] = await db.$queryRaw<{ through: string }[]>`SELECT to_char(rolled_through, 'YYYY-MM-DD') AS through FROM ledger_rollup_state WHERE id = 1`;
  return row?.through ?? null;
}
