import { json } from "@/lib/http/responses";
import { withApiKey } from "@/lib/http/route";
import { checkUsage } from "@/services/credits/check-usage";
import { usageCheckBody, usageCheckResponse } from "@/types/usage";

// POST /api/v1/usage/check — would this usage succeed now? Changes nothing.
export const POST = withApiKey({ body: usageCheckBody }, async ({ db, body, caller }) => {
  return json(usageCheckResponse, await checkUsage(db, caller.workspaceId, body));
});
