import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { listTeam } from "@/services/workspaces/list-team";
import { teamView } from "@/types/team";

// GET /api/workspaces/:workspaceId/members — members with their roles, and open invitations
export const GET = withWorkspace({}, async ({ db, workspace }) => {
  return json(teamView, await listTeam(db, workspace.workspaceId));
});
