import { notFound } from "@/lib/errors";
import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { renameWorkspace } from "@/services/workspaces/rename-workspace";
import { findWorkspaceForUser } from "@/services/workspaces/list-workspaces-for-user";
import { renameWorkspaceBody, workspaceView } from "@/types/workspace";

// GET /api/workspaces/:workspaceId — the workspace and its wallet summary
export const GET = withWorkspace({}, async ({ db, session, workspace }) => {
  const view = await findWorkspaceForUser(db, session.user.id, workspace.workspaceId);
  if (!view) throw notFound("Workspace");
  return json(workspaceView, view);
});

// PATCH /api/workspaces/:workspaceId — rename (workspace owners and admins)
export const PATCH = withWorkspace({ body: renameWorkspaceBody, role: "ADMIN" }, async ({ db, session, workspace, body }) => {
  await renameWorkspace(db, { workspaceId: workspace.workspaceId, name: body.name, actorId: session.user.id });
  const view = await findWorkspaceForUser(db, session.user.id, workspace.workspaceId);
  if (!view) throw notFound("Workspace");
  return json(workspaceView, view);
});
