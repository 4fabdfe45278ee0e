import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { conflict, DomainError, notFound } from "@/lib/errors";
import type { AcceptedInvitation } from "@/types/team";
import { recordAudit } from "../audit/record-audit";
import { hashInvitationToken } from "./invitation-token";

/**
 * Joins `userId` to the workspace an open invitation names, with its role, and uses the
 * invitation up. Whoever holds the link may accept it (it was sent to that address; the holder
 * may sign in under another). Throws `not_found` for an unknown token, `validation_failed` for an
 * expired or used one, `conflict` when the user is already a member. The invitation row is locked,
 * so a link accepted twice at once joins once.
 */
export async function acceptInvitation(db: Db, input: { token: string; userId: string }, clock: Clock = systemClock): Promise<AcceptedInvitation> {
  return inTransaction(db, async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM workspace_invitations WHERE token_hash = ${hashInvitationToken(input.token)} FOR UPDATE`;
    if (!locked) throw notFound("Invitation");
    const invitation = await tx.workspaceInvitation.findUniqueOrThrow({
      where: { id: locked.id },
      select: { id: true, workspaceId: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { name: true } } },
    });
    if (invitation.acceptedAt || invitation.revokedAt) throw new DomainError("validation_failed", "This invitation was already used or withdrawn. Ask for a new one.");
    if (invitation.expiresAt <= clock.now()) throw new DomainError("validation_failed", "This invitation has expired. Ask for a new one.");
    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: input.userId } }, select: { id: true } });
    if (existing) throw conflict(`You are already a member of ${invitation.workspace.name}`);
    await tx.membership.create({ data: { workspaceId: invitation.workspaceId, userId: input.userId, role: invitation.role } });
    await tx.workspaceInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: clock.now() } });
    await recordAudit(tx, {
      actor: { type: "USER", id: input.userId },
      action: "workspace.member_joined",
      target: { type: "workspace_invitation", id: invitation.id },
      workspaceId: invitation.workspaceId,
      after: { userId: input.userId, role: invitation.role },
    });
    return { workspaceId: invitation.workspaceId, workspaceName: invitation.workspace.name, role: invitation.role };
  });
}
