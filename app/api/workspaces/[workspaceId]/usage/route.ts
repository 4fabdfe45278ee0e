import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { summarizeUsage } from "@/services/credits/summarize-usage";
import { usageSummary, usageSummaryQuery } from "@/types/usage";

// GET /api/workspaces/:workspaceId/usage?from&to — credits spent per day and service
export const GET = withWorkspace({ query: usageSummaryQuery }, async ({ db, query, workspace }) => {
  return json(usageSummary, await summarizeUsage(db, workspace.workspaceId, query));
});
