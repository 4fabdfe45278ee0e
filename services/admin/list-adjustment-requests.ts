import "server-only";
import type { Db } from "@/lib/db";
import type { AdjustmentRequestList, AdjustmentRequestListQuery } from "@/types/admin-customers";
import { findAdjustmentRequests } from "./adjustment-request-view";

/**
 * Adjustment requests in one state, keyset-paginated: pending ones oldest first (the longest
 * waiting on top), decided ones newest first. Optionally one workspace's only.
 */
export async function listAdjustmentRequests(db: Db, query: AdjustmentRequestListQuery & { workspaceId?: string }): Promise<AdjustmentRequestList> {
  const direction = query.status === "PENDING" ? ("asc" as const) : ("desc" as const);
  const rows = await findAdjustmentRequests(db, {
    where: { status: query.status, ...(query.workspaceId ? { workspaceId: query.workspaceId } : {}) },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const data = rows.slice(0, query.limit);
  return { data, nextCursor: rows.length > query.limit ? (data.at(-1)?.id ?? null) : null };
}
