import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { lockOwners } from "./lock-owners";

export type ChangeMemberRoleInput = { workspaceId: string; actorId: string; userId: string; role: WorkspaceRole };

/**
 * Sets a member's role. Owners may set any role; admins may move people between member and admin
 * only (never to or from owner). Throws `forbidden` otherwise, `not_found` for a non-member, and
 * `conflict` when it would leave the workspace without an owner.
 */
export async function changeMemberRole(db: Db, input: ChangeMemberRoleInput): Promise<{ userId: string; role: WorkspaceRole }> {
  return inTransaction(db, async (tx) => {
    const owners = await lockOwners(tx, input.workspaceId);
    const [actor, target] = await Promise.all(
      [input.actorId, input.userId].map((userId) => tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId } }, select: { role: true } })),
    );
    if (!actor) throw notFound("Workspace");
    if (!target) throw notFound("Member");
    if (actor.role === "MEMBER") throw forbidden("Only owners and admins can change roles");
    if (actor.role === "ADMIN" && (target.role === "OWNER" || input.role === "OWNER")) throw forbidden("Only an owner can make or unmake owners");
    if (target.role === "OWNER" && input.role !== "OWNER" && owners.length <= 1) throw conflict("A workspace needs an owner: make someone else an owner first");
    if (target.role === input.role) return { userId: input.userId, role: input.role };
    await tx.membership.update({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } }, data: { role: input.role } });
    await recordAudit(tx, {
      actor: { type: "USER", id: input.actorId },
      action: "workspace.member_role_changed",
      target: { type: "user", id: input.userId },
      workspaceId: input.workspaceId,
      before: { role: target.role },
      after: { role: input.role },
    });
    return { userId: input.userId, role: input.role };
  });
}
