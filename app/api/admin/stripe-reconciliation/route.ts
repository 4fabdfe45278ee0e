import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { systemClock } from "@/lib/clock";
import { stripe } from "@/lib/stripe/client";
import { hoursBefore } from "@/services/billing/reconcile-checks/check";
import { reconcileStripe } from "@/services/billing/reconcile-stripe";
import { stripeReconciliationBody, stripeReconciliationReport } from "@/types/billing-admin";

const WINDOW_HOURS = 72;

// POST /api/admin/stripe-reconciliation — compare Stripe's last 72 h with ours; `repair: true` fixes it (audited).
// No Idempotency-Key: every repair goes through the idempotent webhook paths, so a repeat changes nothing.
export const POST = withAdmin({ body: stripeReconciliationBody }, async ({ db, body, session }) => {
  const since = hoursBefore(WINDOW_HOURS, systemClock);
  return json(stripeReconciliationReport, await reconcileStripe(db, stripe(), { since, repair: body.repair, actor: { type: "ADMIN", id: session.user.id } }));
});
