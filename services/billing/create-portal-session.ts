import "server-only";
import type Stripe from "stripe";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { stripeIdempotencyKey } from "@/lib/stripe/client";
import { ensureStripeCustomer } from "./ensure-stripe-customer";

/**
 * A Stripe Customer Portal session for the workspace: cards, invoices and receipts, managed on
 * Stripe's page. Plan changes stay in the app, where credits are explained. Keyed by the workspace
 * and the minute: a double click opens one session, a later visit a fresh one (they are short-lived).
 */
export async function createPortalSession(db: Db, stripe: Stripe, input: { workspaceId: string; returnUrl: string }, clock: Clock = systemClock): Promise<{ url: string }> {
  const customer = await ensureStripeCustomer(db, stripe, input.workspaceId);
  const minute = Math.floor(clock.now().getTime() / 60_000);
  const session = await stripe.billingPortal.sessions.create({ customer, return_url: input.returnUrl }, { idempotencyKey: stripeIdempotencyKey("portal", input.workspaceId, minute) });
  return { url: session.url };
}
