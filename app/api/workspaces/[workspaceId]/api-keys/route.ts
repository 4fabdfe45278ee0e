import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { createApiKey } from "@/services/api-keys/create-api-key";
import { listApiKeys } from "@/services/api-keys/list-api-keys";
import { apiKeyList, createApiKeyBody, createdApiKey } from "@/types/api-keys";

// GET /api/workspaces/:workspaceId/api-keys — the workspace's keys (never the secrets)
export const GET = withWorkspace({}, async ({ db, workspace }) => {
  return json(apiKeyList, { data: await listApiKeys(db, workspace.workspaceId) });
});

// POST /api/workspaces/:workspaceId/api-keys — create a key; the secret is in this response only
export const POST = withWorkspace({ body: createApiKeyBody, role: "ADMIN" }, async ({ db, workspace, session, body }) => {
  const key = await createApiKey(db, { workspaceId: workspace.workspaceId, name: body.name, actorId: session.user.id });
  return json(createdApiKey, key, { status: 201, headers: { "cache-control": "no-store" } });
});
