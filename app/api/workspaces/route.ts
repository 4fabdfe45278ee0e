import { json } from "@/lib/http/responses";
import { withCustomer } from "@/lib/http/route";
import { createTeamWorkspace } from "@/services/workspaces/create-team-workspace";
import { createWorkspaceBody } from "@/types/team";
import { workspaceView } from "@/types/workspace";

// POST /api/workspaces — create a shared workspace; the caller becomes its owner
export const POST = withCustomer({ body: createWorkspaceBody }, async ({ db, session, body }) => {
  return json(workspaceView, await createTeamWorkspace(db, { ownerId: session.user.id, name: body.name }), { status: 201 });
});
