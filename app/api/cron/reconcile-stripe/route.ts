import { systemClock } from "@/lib/clock";
import { json } from "@/lib/http/responses";
import { withCron } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { hoursBefore } from "@/services/billing/reconcile-checks/check";
import { reconcileStripe } from "@/services/billing/reconcile-stripe";
import { reconcileWindowQuery, stripeReconciliationReport } from "@/types/billing-admin";

// POST /api/cron/reconcile-stripe?hours=72 — replay missed Stripe events and credit paid checkouts the ledger lacks (hourly)
export const POST = withCron({ query: reconcileWindowQuery }, async ({ db, query }) => {
  return json(stripeReconciliationReport, await reconcileStripe(db, stripe(), { since: hoursBefore(query.hours, systemClock) }));
});
