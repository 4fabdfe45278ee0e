import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { WorkspaceRole } from "@/lib/generated/prisma/client";
import { hashInvitationToken } from "./invitation-token";

export type InvitationPreview = {
  workspaceName: string;
  email: string;
  role: WorkspaceRole;
  invitedBy: string | null;
  state: "open" | "expired" | "used";
};

/** What the accept page shows for a token, or null for a token that names no invitation. Reveals nothing else. */
export async function findInvitation(db: Db, token: string, clock: Clock = systemClock): Promise<InvitationPreview | null> {
  const invitation = await db.workspaceInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { name: true } }, invitedBy: { select: { name: true, email: true } } },
  });
  if (!invitation) return null;
  const state = invitation.acceptedAt || invitation.revokedAt ? "used" : invitation.expiresAt <= clock.now() ? "expired" : "open";
  return { workspaceName: invitation.workspace.name, email: invitation.email, role: invitation.role, invitedBy: invitation.invitedBy?.name || invitation.invitedBy?.email || null, state };
}
