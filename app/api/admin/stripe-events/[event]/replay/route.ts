import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { replayStripeEvent } from "@/services/billing/replay-stripe-event";
import { stripeEventReplayResponse } from "@/types/billing-admin";

// POST /api/admin/stripe-events/:event/replay — run a stored event's handler again (no-op once processed).
// The segment is `[event]`, not `[eventId]`: the wrapper 404s `…Id` params that are not UUIDs, and
// Stripe's ids are `evt_…` (the service checks their shape and 404s anything else).
export const POST = withAdmin({}, async ({ db, params, session }) => {
  return json(stripeEventReplayResponse, await replayStripeEvent(db, stripe(), { eventId: params.event ?? "", adminId: session.user.id }));
});
