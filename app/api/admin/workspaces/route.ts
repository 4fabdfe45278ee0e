import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { listWorkspaces } from "@/services/admin/list-workspaces";
import { adminWorkspaceList, adminWorkspaceListQuery } from "@/types/workspace";

// GET /api/admin/workspaces — every customer workspace, searchable, keyset-paginated
export const GET = withAdmin({ query: adminWorkspaceListQuery }, async ({ db, query }) => {
  return json(adminWorkspaceList, await listWorkspaces(db, query));
});
