import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { stripeIdempotencyKey } from "@/lib/stripe/client";
import type { CheckoutPackage } from "./create-checkout";
import { ensureStripeCustomer } from "./ensure-stripe-customer";
import { ensureStripePrice } from "./ensure-stripe-price";
import { findCurrentSubscription } from "./find-current-subscription";

const HOUR_MS = 3_600_000;

/**
 * Starts a subscription to a monthly plan through Checkout in subscription mode. Credits come
 * with each paid invoice (fulfilInvoice), not here. The session's key names the workspace, the
 * plan, the hour and the workspace's last subscription, so a double click (or a retried request)
 * opens the same session, while subscribing again after a cancellation opens a new one. Throws
 * `conflict` when the workspace already has a plan (change it instead).
 */
export async function createPlanCheckout(db: Db, stripe: Stripe, plan: CheckoutPackage, input: { workspaceId: string; appUrl: string; now: Date }) {
  if (await findCurrentSubscription(db, input.workspaceId)) throw conflict("This workspace already has a plan: change or cancel it on the billing page");
  const customer = await ensureStripeCustomer(db, stripe, input.workspaceId);
  const price = await ensureStripePrice(db, stripe, plan);
  const metadata = { workspace_id: input.workspaceId, package_id: plan.id };
  const previous = await db.subscription.findFirst({ where: { workspaceId: input.workspaceId }, orderBy: { createdAt: "desc" }, select: { id: true } });
  const session = await stripe.checkout.sessions.create(
    {
      mode: "subscription",
      customer,
      line_items: [{ price, quantity: 1 }],
      client_reference_id: input.workspaceId,
      metadata,
      subscription_data: { metadata },
      success_url: `${input.appUrl}/billing?subscribed=1`,
      cancel_url: `${input.appUrl}/billing?canceled=1`,
    },
    { idempotencyKey: stripeIdempotencyKey("plan-checkout", input.workspaceId, plan.id, previous?.id ?? "first", Math.floor(input.now.getTime() / HOUR_MS)) },
  );
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { paymentId: null, checkoutUrl: session.url };
}
