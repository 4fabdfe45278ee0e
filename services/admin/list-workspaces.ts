import "server-only";
import { Prisma, type Db } from "@/lib/db";
import type { AdminWorkspaceList, AdminWorkspaceListQuery } from "@/types/workspace";
import { LIVE_SUBSCRIPTION_STATUSES } from "../billing/find-current-subscription";

type Row = {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
  balance: number | null;
  status: "ACTIVE" | "PAUSED" | null;
  owner_email: string | null;
  plan_name: string | null;
  plan_status: string | null;
  lifetime_spend_cents: number;
  last_activity_at: Date | null;
};

const LIVE = Prisma.join(LIVE_SUBSCRIPTION_STATUSES.map((status) => Prisma.sql`${status}::subscription_status`));

/** `%text%` for ILIKE, with the user's own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

function filters(query: AdminWorkspaceListQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (query.search) {
    const like = containing(query.search);
    where.push(Prisma.sql`(w.name ILIKE ${like} OR w.slug ILIKE ${like} OR w.stripe_customer_id ILIKE ${like}
      OR EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = w.id AND u.email ILIKE ${like}))`);
  }
  if (query.status) where.push(Prisma.sql`EXISTS (SELECT 1 FROM wallets s WHERE s.workspace_id = w.id AND s.status = ${query.status}::wallet_status)`);
  if (query.plan) where.push(Prisma.sql`EXISTS (SELECT 1 FROM subscriptions s WHERE s.workspace_id = w.id AND s.status IN (${LIVE}) AND s.package_id = ${query.plan}::uuid)`);
  if (query.hasSubscription) {
    const live = Prisma.sql`EXISTS (SELECT 1 FROM subscriptions s WHERE s.workspace_id = w.id AND s.status IN (${LIVE}))`;
    where.push(query.hasSubscription === "yes" ? live : Prisma.sql`NOT ${live}`);
  }
  if (query.cursor) where.push(Prisma.sql`(w.created_at, w.id) < (SELECT c.created_at, c.id FROM workspaces c WHERE c.id = ${query.cursor}::uuid)`);
  return where;
}

/**
 * Every workspace, newest first, by keyset pagination, with what the customer list shows: balance
 * and wallet status, owner, live plan, lifetime spend and last activity. One statement: the page's
 * ids are chosen first (filters, keyset order on the (created_at, id) index), then each of those
 * rows takes its figures through index lookups (payments by workspace, the newest ledger entry
 * by the ledger's (workspace_id, created_at) index), so the cost follows the page size, not the
 * number of workspaces or ledger entries.
 */
export async function listWorkspaces(db: Db, query: AdminWorkspaceListQuery): Promise<AdminWorkspaceList> {
  const rows = await db.$queryRaw<Row[]>(customerListSql(query));
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      createdAt: row.created_at,
      ownerEmail: row.owner_email,
      wallet: { balance: row.balance ?? 0, status: row.status ?? "ACTIVE" },
      plan: row.plan_name ? { name: row.plan_name, status: row.plan_status ?? "ACTIVE" } : null,
      lifetimeSpendCents: row.lifetime_spend_cents,
      lastActivityAt: row.last_activity_at,
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The list's statement (one row more than the page, to tell whether another page follows); exported for EXPLAIN. */
export function customerListSql(query: AdminWorkspaceListQuery): Prisma.Sql {
  const where = filters(query);
  return Prisma.sql`
    WITH page AS (
      SELECT w.id, w.name, w.slug, w.created_at FROM workspaces w
      ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
      ORDER BY w.created_at DESC, w.id DESC
      LIMIT ${query.limit + 1}
    )
    SELECT page.*, wa.balance, wa.status, owner.email AS owner_email, sub.plan_name, sub.plan_status,
      coalesce(spend.cents, 0)::integer AS lifetime_spend_cents, activity.created_at AS last_activity_at
    FROM page
    LEFT JOIN wallets wa ON wa.workspace_id = page.id
    LEFT JOIN LATERAL (SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.workspace_id = page.id AND m.role = 'OWNER' ORDER BY m.created_at LIMIT 1) owner ON true
    LEFT JOIN LATERAL (SELECT p.name AS plan_name, s.status::text AS plan_status FROM subscriptions s JOIN credit_packages p ON p.id = s.package_id
      WHERE s.workspace_id = page.id AND s.status IN (${LIVE}) ORDER BY s.created_at DESC LIMIT 1) sub ON true
    LEFT JOIN LATERAL (SELECT sum(p.amount_cents - p.amount_refunded_cents) AS cents FROM payments p
      WHERE p.workspace_id = page.id AND p.paid_at IS NOT NULL) spend ON true
    LEFT JOIN LATERAL (SELECT e.created_at FROM ledger_entries e
      WHERE e.workspace_id = page.id ORDER BY e.created_at DESC, e.sequence DESC LIMIT 1) activity ON true
    ORDER BY page.created_at DESC, page.id DESC`;
}
