import { json } from "@/lib/http/responses";
import { withStripeWebhook } from "@/lib/http/route";
import { stripeEventQueue } from "@/services/billing/stripe-event-queue";
import { storeStripeEvent } from "@/services/billing/receive-stripe-event";
import { webhookAck } from "@/types/billing";

// POST /api/stripe/webhook — Stripe's event deliveries: verified, stored, answered, then processed
export const POST = withStripeWebhook(({ db, event }) => {
  const queue = stripeEventQueue();
  return queue.foreground(async () => {
    const stored = await storeStripeEvent(db, event);
    if (stored.status === "QUEUED") queue.push(event);
    return json(webhookAck, { received: true, ...stored });
  });
});
