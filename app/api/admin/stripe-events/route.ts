import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { listStripeEvents } from "@/services/billing/list-stripe-events";
import { stripeEventList, stripeEventListQuery } from "@/types/billing-admin";

// GET /api/admin/stripe-events — stored Stripe events, newest first, by status and type prefix
export const GET = withAdmin({ query: stripeEventListQuery }, async ({ db, query }) => {
  return json(stripeEventList, await listStripeEvents(db, query));
});
