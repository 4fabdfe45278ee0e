import { env } from "@/lib/env";
import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { createPackCheckout } from "@/services/billing/create-pack-checkout";
import { packCheckoutBody, packCheckoutResponse } from "@/types/billing";

// POST /api/workspaces/:workspaceId/checkout — start paying for a credit pack (owners and admins)
export const POST = withWorkspace({ body: packCheckoutBody, role: "ADMIN" }, async ({ db, body, workspace }) => {
  const checkout = await createPackCheckout(db, stripe(), { workspaceId: workspace.workspaceId, packageId: body.packageId, appUrl: env().APP_URL });
  return json(packCheckoutResponse, checkout, { status: 201 });
});
