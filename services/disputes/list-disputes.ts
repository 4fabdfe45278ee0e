import "server-only";
import { systemClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { DisputeListQuery, DisputePage, DisputeView } from "@/types/disputes";
import { decodeDisputeCursor, encodeDisputeCursor } from "./dispute-cursor";
import { disputeSettings } from "./dispute-settings";
import { EVENTS_IN_ORDER, loadDispute, toDisputeView, type DisputeOptions } from "./dispute-view";

/** The credit disputes of the workspaces `userId` belongs to, newest first, keyset-paged. */
export async function listDisputes(db: Db, userId: string, query: DisputeListQuery, options: DisputeOptions = {}): Promise<DisputePage> {
  const settings = options.settings ?? disputeSettings();
  const now = (options.clock ?? systemClock).now();
  const after = query.cursor ? decodeDisputeCursor(query.cursor) : null;
  const rows = await db.dispute.findMany({
    where: {
      kind: "CREDIT",
      workspace: { memberships: { some: { userId } } },
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { events: EVENTS_IN_ORDER },
  });
  const page = rows.slice(0, query.limit);
  return { data: page.map((row) => toDisputeView(row, settings, now)), nextCursor: rows.length > query.limit ? encodeDisputeCursor(page.at(-1)!) : null };
}

/** One dispute, if `userId` is a member of its workspace; otherwise not found, like one that does not exist. */
export async function getDisputeForMember(db: Db, userId: string, disputeId: string, options: DisputeOptions = {}): Promise<DisputeView> {
  const row = await loadDispute(db, disputeId);
  const member = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: row.workspaceId, userId } }, select: { id: true } });
  if (!member) throw notFound("Dispute");
  return toDisputeView(row, options.settings ?? disputeSettings(), (options.clock ?? systemClock).now());
}
