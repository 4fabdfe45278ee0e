import "server-only";
import type { Prisma } from "@/lib/db";

/**
 * Locks a workspace's owner memberships and returns their user ids. Every change that could take
 * away an owner takes these locks first, so two owners demoting or removing each other at once
 * cannot leave the workspace with none: the second sees the first's change and is refused.
 */
export async function lockOwners(tx: Prisma.TransactionClient, workspaceId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT user_id::text AS "userId" FROM memberships WHERE workspace_id = ${workspaceId}::uuid AND role = 'OWNER'::workspace_role ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.userId);
}
