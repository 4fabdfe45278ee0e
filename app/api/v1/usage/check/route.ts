import { usageWorkspace } from "@/lib/auth/api-key";
import { json } from "@/lib/http/responses";
import { withUsageKey } from "@/lib/http/route";
import { checkUsage } from "@/services/credits/check-usage";
import { usageCheckBody, usageCheckResponse } from "@/types/usage";

// POST /api/v1/usage/check — would this usage succeed now? Changes nothing.
export const POST = withUsageKey({ body: usageCheckBody }, async ({ db, body, caller }) => {
  return json(usageCheckResponse, await checkUsage(db, usageWorkspace(caller, body.workspaceId), body));
});
