import "server-only";
import { systemClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_DISPUTE_STATUSES, type AdminDisputePage, type AdminDisputeQuery } from "@/types/disputes";
import { decodeDisputeCursor, encodeDisputeCursor } from "./dispute-cursor";
import { disputeSettings, HOUR_MS } from "./dispute-settings";
import { EVENTS_IN_ORDER, toDisputeView, type DisputeOptions } from "./dispute-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Waiting past the deadline with no admin action yet. */
export function overdueWhere(now: Date): Prisma.DisputeWhereInput {
  return { kind: "CREDIT", status: { in: [...OPEN_DISPUTE_STATUSES] }, firstResponseAt: null, dueAt: { lt: now } };
}

function customerWhere(customer: string): Prisma.DisputeWhereInput {
  if (UUID.test(customer)) return { workspaceId: customer };
  return {
    OR: [
      { workspace: { name: { contains: customer, mode: "insensitive" } } },
      { workspace: { memberships: { some: { user: { email: { contains: customer, mode: "insensitive" } } } } } },
    ],
  };
}

/** The admin queue: oldest first (closest to or past the SLA), filtered, keyset-paged. */
export async function listAdminDisputes(db: Db, query: AdminDisputeQuery, options: DisputeOptions = {}): Promise<AdminDisputePage> {
  const settings = options.settings ?? disputeSettings();
  const now = (options.clock ?? systemClock).now();
  const after = query.cursor ? decodeDisputeCursor(query.cursor) : null;
  const filters: Prisma.DisputeWhereInput[] = [{ kind: "CREDIT" }];
  if (query.state) filters.push({ status: query.state });
  if (query.minAgeHours !== undefined) filters.push({ createdAt: { lte: new Date(now.getTime() - query.minAgeHours * HOUR_MS) } });
  if (query.overdue === true) filters.push(overdueWhere(now));
  if (query.overdue === false) filters.push({ NOT: overdueWhere(now) });
  if (query.customer) filters.push(customerWhere(query.customer));
  if (after) filters.push({ OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] });
  const rows = await db.dispute.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    include: { events: EVENTS_IN_ORDER, workspace: { select: { name: true } } },
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((row) => ({ ...toDisputeView(row, settings, now), workspaceName: row.workspace.name })),
    nextCursor: rows.length > query.limit ? encodeDisputeCursor(page.at(-1)!) : null,
  };
}
