import "server-only";
import { appUrl } from "@/lib/app-url";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { CreatedInvitation, InviteMemberBody } from "@/types/team";
import { recordAudit } from "../audit/record-audit";
import { queueEmail } from "../mail/queue-email";
import { inviteEmail } from "../mail/templates/invite";
import { INVITATION_TTL_MS, newInvitationToken } from "./invitation-token";

export type InviteMemberInput = InviteMemberBody & { workspaceId: string; actorId: string };

/**
 * Invites someone to a workspace: stores the invitation (the token's hash only), queues the
 * invitation email in the same transaction, and returns the accept link, which exists nowhere
 * else. Inviting an address again replaces its open invitation (a fresh link). Throws `conflict`
 * when the address already belongs to a member. The caller checks the actor may invite.
 */
export async function inviteMember(db: Db, input: InviteMemberInput, clock: Clock = systemClock): Promise<CreatedInvitation> {
  return inTransaction(db, async (tx) => {
    const workspace = await tx.workspace.findUnique({ where: { id: input.workspaceId }, select: { id: true, name: true } });
    if (!workspace) throw notFound("Workspace");
    const member = await tx.membership.findFirst({
      where: { workspaceId: workspace.id, user: { email: { equals: input.email, mode: "insensitive" } } },
      select: { id: true },
    });
    if (member) throw conflict(`${input.email} is already a member of ${workspace.name}`);
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: input.actorId }, select: { email: true, name: true } });

    const now = clock.now();
    await tx.workspaceInvitation.updateMany({
      where: { workspaceId: workspace.id, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const { token, tokenHash } = newInvitationToken();
    const invitation = await tx.workspaceInvitation.create({
      data: { workspaceId: workspace.id, email: input.email, role: input.role, tokenHash, invitedById: input.actorId, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    });
    const acceptUrl = appUrl(`/invite/${token}`);
    await queueEmail(
      tx,
      inviteEmail({ to: input.email, workspaceId: workspace.id, workspaceName: workspace.name, inviterName: inviter.name || inviter.email, role: input.role, acceptUrl, expiresAt: invitation.expiresAt }),
    );
    await recordAudit(tx, {
      actor: { type: "USER", id: input.actorId },
      action: "workspace.member_invited",
      target: { type: "workspace_invitation", id: invitation.id },
      workspaceId: workspace.id,
      after: { email: invitation.email, role: invitation.role },
    });
    return { ...invitation, invitedBy: inviter.email, acceptUrl };
  });
}
