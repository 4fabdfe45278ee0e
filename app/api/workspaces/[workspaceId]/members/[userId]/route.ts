import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { changeMemberRole } from "@/services/workspaces/change-member-role";
import { removeMember } from "@/services/workspaces/remove-member";
import { changeRoleBody, memberRoleView } from "@/types/team";

// PATCH /api/workspaces/:workspaceId/members/:userId — change a member's role (owners and admins; never the last owner)
export const PATCH = withWorkspace({ body: changeRoleBody, role: "ADMIN" }, async ({ db, session, workspace, params, body }) => {
  return json(memberRoleView, await changeMemberRole(db, { workspaceId: workspace.workspaceId, actorId: session.user.id, userId: params.userId!, role: body.role }));
});

// DELETE /api/workspaces/:workspaceId/members/:userId — remove a member, or leave when it is you
export const DELETE = withWorkspace({}, async ({ db, session, workspace, params }) => {
  await removeMember(db, { workspaceId: workspace.workspaceId, actorId: session.user.id, userId: params.userId! });
  return new Response(null, { status: 204 });
});
