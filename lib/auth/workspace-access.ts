import "server-only";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/generated/prisma/client";
import type { AuthSession } from "./session";

const RANK: Record<WorkspaceRole, number> = { MEMBER: 0, ADMIN: 1, OWNER: 2 };

export type WorkspaceAccess = { workspaceId: string; role: WorkspaceRole };

/**
 * The caller's membership of `workspaceId`, at least `minimumRole`. A workspace the caller does
 * not belong to is reported as not found, so ids of other tenants reveal nothing.
 */
export async function requireWorkspaceRole(
  session: AuthSession,
  workspaceId: string,
  minimumRole: WorkspaceRole = "MEMBER",
): Promise<WorkspaceAccess> {
  const membership = /^[0-9a-f-]{36}$/i.test(workspaceId)
    ? await db().membership.findUnique({
        where: { workspaceId_userId: { workspaceId, userId: session.user.id } },
        select: { role: true },
      })
    : null;
  if (!membership) throw notFound("Workspace");
  if (RANK[membership.role] < RANK[minimumRole]) throw forbidden(`This action needs the ${minimumRole.toLowerCase()} role`);
  return { workspaceId, role: membership.role };
}
