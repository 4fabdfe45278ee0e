import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { lockOwners } from "./lock-owners";

/**
 * Removes `userId` from a workspace; when it is the actor, they leave. Anyone may leave; owners
 * may remove anyone, admins only members and admins. Throws `conflict` for the last owner
 * (leaving or removed) — make someone else an owner first — and `forbidden`/`not_found` as usual.
 */
export async function removeMember(db: Db, input: { workspaceId: string; actorId: string; userId: string }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const owners = await lockOwners(tx, input.workspaceId);
    const [actor, target] = await Promise.all(
      [input.actorId, input.userId].map((userId) => tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId } }, select: { role: true } })),
    );
    if (!actor) throw notFound("Workspace");
    if (!target) throw notFound("Member");
    const leaving = input.actorId === input.userId;
    if (!leaving && actor.role === "MEMBER") throw forbidden("Only owners and admins can remove members");
    if (!leaving && actor.role === "ADMIN" && target.role === "OWNER") throw forbidden("Only an owner can remove an owner");
    if (target.role === "OWNER" && owners.length <= 1) {
      throw conflict(leaving ? "You are the only owner: make someone else an owner before leaving" : "A workspace needs an owner: make someone else an owner first");
    }
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } } });
    await recordAudit(tx, {
      actor: { type: "USER", id: input.actorId },
      action: leaving ? "workspace.member_left" : "workspace.member_removed",
      target: { type: "user", id: input.userId },
      workspaceId: input.workspaceId,
      before: { role: target.role },
    });
  });
}
