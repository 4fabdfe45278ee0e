import "server-only";
import type { Db } from "@/lib/db";

/**
 * One workspace's audit trail, newest first, keyset-paginated by id on the
 * (workspace_id, created_at) index. `cursor` is the last id of the previous page.
 */
export async function listWorkspaceAudit(db: Db, input: { workspaceId: string; cursor?: string; limit: number }) {
  const rows = await db.auditLog.findMany({
    where: { workspaceId: input.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, actorType: true, actorId: true, action: true, targetType: true, targetId: true, before: true, after: true, createdAt: true },
  });
  const data = rows.slice(0, input.limit);
  return { data, nextCursor: rows.length > input.limit ? (data.at(-1)?.id ?? null) : null };
}
