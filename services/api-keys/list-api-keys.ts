import "server-only";
import type { Db } from "@/lib/db";
import type { ApiKeyView } from "@/types/api-keys";

/** The workspace's keys, newest first, revoked ones included (they show when they were revoked). */
export async function listApiKeys(db: Db, workspaceId: string): Promise<ApiKeyView[]> {
  return db.apiKey.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
