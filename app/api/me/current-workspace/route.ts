import { currentWorkspaceCookie } from "@/lib/http/current-workspace-cookie";
import { json } from "@/lib/http/responses";
import { withCustomer } from "@/lib/http/route";
import { getWorkspaceForUser } from "@/services/workspaces/list-workspaces-for-user";
import { currentWorkspaceBody } from "@/types/team";
import { workspaceView } from "@/types/workspace";

// POST /api/me/current-workspace — switch the workspace the dashboard shows (one you belong to)
export const POST = withCustomer({ body: currentWorkspaceBody }, async ({ db, session, body }) => {
  const workspace = await getWorkspaceForUser(db, session.user.id, body.workspaceId);
  return json(workspaceView, workspace, { headers: { "set-cookie": currentWorkspaceCookie(workspace.id) } });
});
