import { env } from "@/lib/env";
import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { createPortalSession } from "@/services/billing/create-portal-session";
import { portalSessionResponse } from "@/types/billing";

// POST /api/workspaces/:workspaceId/billing-portal — open Stripe's Customer Portal (owners and admins)
export const POST = withWorkspace({ role: "ADMIN" }, async ({ db, workspace }) => {
  return json(portalSessionResponse, await createPortalSession(db, stripe(), { workspaceId: workspace.workspaceId, returnUrl: `${env().APP_URL}/billing` }), { status: 201 });
});
