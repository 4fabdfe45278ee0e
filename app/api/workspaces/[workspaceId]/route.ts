import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { getWorkspaceForUser } from "@/services/workspaces/list-workspaces-for-user";
import { renameWorkspace } from "@/services/workspaces/rename-workspace";
import { renameWorkspaceBody, workspaceView } from "@/types/workspace";

// GET /api/workspaces/:workspaceId — the workspace and its wallet summary
export const GET = withWorkspace({}, async ({ db, session, workspace }) => {
  return json(workspaceView, await getWorkspaceForUser(db, session.user.id, workspace.workspaceId));
});

// PATCH /api/workspaces/:workspaceId — rename (workspace owners and admins)
export const PATCH = withWorkspace({ body: renameWorkspaceBody, role: "ADMIN" }, async ({ db, session, workspace, body }) => {
  return json(workspaceView, await renameWorkspace(db, { workspaceId: workspace.workspaceId, name: body.name, actorId: session.user.id }));
});
