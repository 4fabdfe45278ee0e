import { json } from "@/lib/http/responses";
import { withCron } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { processDueStripeEvents } from "@/services/billing/process-due-stripe-events";
import { stripeEventSweep } from "@/types/billing-admin";

// POST /api/cron/process-stripe-events — retry failed Stripe events and pick up dropped ones (every minute)
export const POST = withCron({}, async ({ db }) => {
  return json(stripeEventSweep, await processDueStripeEvents(db, stripe()));
});
