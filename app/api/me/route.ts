import { json } from "@/lib/http/responses";
import { withCustomer } from "@/lib/http/route";
import { listWorkspacesForUser } from "@/services/workspaces/list-workspaces-for-user";
import { meResponse } from "@/types/workspace";

// GET /api/me — the signed-in user and their workspaces
export const GET = withCustomer({}, async ({ db, session }) => {
  const workspaces = await listWorkspacesForUser(db, session.user.id);
  return json(meResponse, { user: session.user, workspaces });
});
