import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";

/** Withdraws an open invitation of `workspaceId` (its link stops working). Throws `not_found` for one of another workspace, or already used. */
export async function revokeInvitation(db: Db, input: { workspaceId: string; invitationId: string; actorId: string }, clock: Clock = systemClock): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { count } = await tx.workspaceInvitation.updateMany({
      where: { id: input.invitationId, workspaceId: input.workspaceId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: clock.now() },
    });
    if (count === 0) throw notFound("Invitation");
    await recordAudit(tx, { actor: { type: "USER", id: input.actorId }, action: "workspace.invitation_revoked", target: { type: "workspace_invitation", id: input.invitationId }, workspaceId: input.workspaceId });
  });
}
