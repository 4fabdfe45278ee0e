import { withWorkspace } from "@/lib/http/route";
import { revokeInvitation } from "@/services/workspaces/revoke-invitation";

// DELETE /api/workspaces/:workspaceId/invitations/:invitationId — withdraw an open invitation
export const DELETE = withWorkspace({ role: "ADMIN" }, async ({ db, session, workspace, params }) => {
  await revokeInvitation(db, { workspaceId: workspace.workspaceId, invitationId: params.invitationId!, actorId: session.user.id });
  return new Response(null, { status: 204 });
});
