import { json } from "@/lib/http/responses";
import { withStripeWebhook } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { webhookAck } from "@/types/billing";

// POST /api/stripe/webhook — Stripe's event deliveries (signature-verified; duplicates are no-ops)
export const POST = withStripeWebhook(async ({ db, event }) => {
  return json(webhookAck, { received: true, ...(await receiveStripeEvent(db, event, { stripe: stripe() })) });
});
