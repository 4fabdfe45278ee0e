import { currentWorkspaceCookie } from "@/lib/http/current-workspace-cookie";
import { json } from "@/lib/http/responses";
import { withCustomer } from "@/lib/http/route";
import { acceptInvitation } from "@/services/workspaces/accept-invitation";
import { acceptedInvitation, acceptInvitationBody } from "@/types/team";

// POST /api/invitations/accept — join the workspace an invitation link names; it becomes the current one
export const POST = withCustomer({ body: acceptInvitationBody }, async ({ db, session, body }) => {
  const joined = await acceptInvitation(db, { token: body.token, userId: session.user.id });
  return json(acceptedInvitation, joined, { headers: { "set-cookie": currentWorkspaceCookie(joined.workspaceId) } });
});
