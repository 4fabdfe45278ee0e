import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { previewPlanChange } from "@/services/billing/preview-plan-change";
import { planChangePreview, planChangePreviewQuery } from "@/types/billing";

// GET /api/workspaces/:workspaceId/subscription/preview?packageId= — what switching plan would charge now and at renewal (owners and admins)
export const GET = withWorkspace({ query: planChangePreviewQuery, role: "ADMIN" }, async ({ db, query, workspace }) => {
  return json(planChangePreview, await previewPlanChange(db, stripe(), { workspaceId: workspace.workspaceId, packageId: query.packageId }));
});
