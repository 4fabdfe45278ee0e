import { env } from "@/lib/env";
import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { createCheckout } from "@/services/billing/create-checkout";
import { checkoutBody, checkoutResponse } from "@/types/billing";

// POST /api/workspaces/:workspaceId/checkout — start paying for a pack, a plan or a custom number of credits (owners and admins)
export const POST = withWorkspace({ body: checkoutBody, role: "ADMIN" }, async ({ db, body, workspace }) => {
  const checkout = await createCheckout(db, stripe(), { ...body, workspaceId: workspace.workspaceId, appUrl: env().APP_URL });
  return json(checkoutResponse, checkout, { status: 201 });
});
