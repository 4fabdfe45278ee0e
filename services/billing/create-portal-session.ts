import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { ensureStripeCustomer } from "./ensure-stripe-customer";

/**
 * A Stripe Customer Portal session for the workspace: cards, invoices and receipts, managed on
 * Stripe's page. Plan changes stay in the app, where credits are explained. Not keyed: each visit
 * is a new short-lived session, and creating one changes nothing.
 */
export async function createPortalSession(db: Db, stripe: Stripe, input: { workspaceId: string; returnUrl: string }): Promise<{ url: string }> {
  const customer = await ensureStripeCustomer(db, stripe, input.workspaceId);
  const session = await stripe.billingPortal.sessions.create({ customer, return_url: input.returnUrl });
  return { url: session.url };
}
