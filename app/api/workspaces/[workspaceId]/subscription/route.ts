import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { changeSubscription } from "@/services/billing/change-subscription";
import { findCurrentSubscription } from "@/services/billing/find-current-subscription";
import { subscriptionChangeBody, subscriptionView } from "@/types/billing";

// GET /api/workspaces/:workspaceId/subscription — the workspace's live plan (null when none)
export const GET = withWorkspace({}, async ({ db, workspace }) => {
  return json(subscriptionView.nullable(), await findCurrentSubscription(db, workspace.workspaceId));
});

// POST /api/workspaces/:workspaceId/subscription — cancel, resume, pause or switch the plan (owners and admins)
// Idempotency-Key required: a retried or doubled request changes the plan and is audited once.
export const POST = withWorkspace({ body: subscriptionChangeBody, role: "ADMIN", idempotent: true }, async ({ db, body, workspace, session, idempotencyKey }) => {
  return json(subscriptionView.nullable(), await changeSubscription(db, stripe(), { workspaceId: workspace.workspaceId, actorId: session.user.id, change: body, idempotencyKey }));
});
