import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { inviteMember } from "@/services/workspaces/invite-member";
import { createdInvitation, inviteMemberBody } from "@/types/team";

// POST /api/workspaces/:workspaceId/invitations — invite by email; the link is in this response and the email only
export const POST = withWorkspace({ body: inviteMemberBody, role: "ADMIN" }, async ({ db, session, workspace, body }) => {
  const invitation = await inviteMember(db, { workspaceId: workspace.workspaceId, actorId: session.user.id, ...body });
  return json(createdInvitation, invitation, { status: 201, headers: { "cache-control": "no-store" } });
});
