import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { cancelSubscriptionAsAdmin } from "@/services/admin/cancel-subscription-as-admin";
import { cancelSubscriptionBody } from "@/types/admin-customers";
import { subscriptionView } from "@/types/billing";

// POST /api/admin/workspaces/:workspaceId/subscription-cancellation — cancel the plan at Stripe, now or at period end
export const POST = withAdmin({ body: cancelSubscriptionBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const plan = await cancelSubscriptionAsAdmin(db, stripe(), { workspaceId: params.workspaceId!, adminId: session.user.id, atPeriodEnd: body.atPeriodEnd, idempotencyKey });
  return json(subscriptionView.nullable(), plan);
});
