import { env } from "@/lib/env";
import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { startCheckout } from "@/services/billing/start-checkout";
import { checkoutBody, checkoutResponse } from "@/types/billing";

// POST /api/workspaces/:workspaceId/checkout — start paying for a pack, a plan or a custom number of credits (owners and admins)
// Idempotency-Key required: a repeated request answers with the first one's payment and Checkout page.
export const POST = withWorkspace({ body: checkoutBody, role: "ADMIN", idempotent: true }, async ({ db, body, workspace, idempotencyKey }) => {
  const checkout = await startCheckout(db, stripe(), { ...body, workspaceId: workspace.workspaceId, appUrl: env().APP_URL, idempotencyKey });
  return json(checkoutResponse, checkout, { status: 201 });
});
