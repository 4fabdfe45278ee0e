import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { revokeApiKey } from "@/services/api-keys/revoke-api-key";
import { apiKeyView } from "@/types/api-keys";

// DELETE /api/workspaces/:workspaceId/api-keys/:apiKeyId — revoke a key at once
export const DELETE = withWorkspace({ role: "ADMIN" }, async ({ db, workspace, session, params }) => {
  const key = await revokeApiKey(db, { workspaceId: workspace.workspaceId, apiKeyId: params.apiKeyId!, actorId: session.user.id });
  return json(apiKeyView, key);
});
