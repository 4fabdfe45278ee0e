import "server-only";
import type Stripe from "stripe";
import { inTransaction, type Db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { stripeIdempotencyKey } from "@/lib/stripe/client";
import type { SubscriptionChange } from "@/types/billing";
import { recordAudit } from "../audit/record-audit";
import { ensureStripePrice } from "./ensure-stripe-price";
import { findCurrentSubscription } from "./find-current-subscription";
import { syncSubscription, timedRead, type SubscriptionRead } from "./sync-subscription";

/**
 * Changes the workspace's plan at Stripe (cancel now or at period end, resume, pause collection,
 * switch to another plan: see switchPlan), then brings the local copy
 * up to date from Stripe's answer without waiting for the webhook, audited. Returns the plan as it
 * now is (null once canceled). The Stripe request's
 * key names the change and the subscription's last known version, so a double click sends it
 * once while a later, deliberate repeat (cancel, resume, cancel again) is a new request.
 * Throws `not_found` without a live plan, `conflict` for a switch to the current plan.
 */
export async function changeSubscription(db: Db, stripe: Stripe, input: { workspaceId: string; actorId: string; actorType?: "USER" | "ADMIN"; change: SubscriptionChange }) {
  const current = await findCurrentSubscription(db, input.workspaceId);
  if (!current) throw notFound("Plan");
  const key = (action: string) => stripeIdempotencyKey(`subscription-${action}`, current.stripeSubscriptionId, current.stripeVersionAt?.getTime() ?? 0);
  const change = input.change;
  let updated: SubscriptionRead;
  if (change.action === "cancel" && !change.atPeriodEnd) {
    updated = await timedRead(() => stripe.subscriptions.cancel(current.stripeSubscriptionId, {}, { idempotencyKey: key("cancel-now") }));
  } else if (change.action === "switch_plan") {
    updated = await switchPlan(db, stripe, current, change.packageId, key("switch"));
  } else {
    const params: Stripe.SubscriptionUpdateParams =
      change.action === "cancel" ? { cancel_at_period_end: true } : change.action === "pause" ? { pause_collection: { behavior: "void" } } : { cancel_at_period_end: false, pause_collection: "" };
    updated = await timedRead(() => stripe.subscriptions.update(current.stripeSubscriptionId, params, { idempotencyKey: key(change.action) }));
  }
  return inTransaction(db, async (tx) => {
    const synced = await syncSubscription(tx, updated);
    await recordAudit(tx, {
      actor: { type: input.actorType ?? "USER", id: input.actorId },
      action: `subscription.${change.action}`,
      target: { type: "subscription", id: current.id },
      workspaceId: input.workspaceId,
      before: { status: current.status, cancelAtPeriodEnd: current.cancelAtPeriodEnd, isCollectionPaused: current.isCollectionPaused, plan: current.plan.id },
      after: { ...change, status: synced?.status ?? null, cancelAtPeriodEnd: synced?.cancelAtPeriodEnd ?? null, isCollectionPaused: synced?.isCollectionPaused ?? null },
    });
    return findCurrentSubscription(tx, input.workspaceId);
  });
}

/**
 * An upgrade (to a dearer plan) is charged now for the rest of the period, prorated, and that
 * invoice grants the prorated difference in credits (fulfilInvoice). A downgrade is not prorated:
 * nothing is refunded, this period's credits stay, and the next renewal bills and grants the new plan.
 */
async function switchPlan(db: Db, stripe: Stripe, current: { stripeSubscriptionId: string; plan: { id: string; priceCents: number } }, packageId: string, idempotencyKey: string) {
  if (packageId === current.plan.id) throw conflict("The workspace is already on this plan");
  const plan = await db.creditPackage.findFirst({ where: { id: packageId, isActive: true, interval: "MONTH" } });
  if (!plan) throw notFound("Plan");
  const price = await ensureStripePrice(db, stripe, plan);
  const subscription = await stripe.subscriptions.retrieve(current.stripeSubscriptionId);
  return timedRead(() =>
    stripe.subscriptions.update(
      current.stripeSubscriptionId,
      {
        items: [{ id: subscription.items.data[0]!.id, price }],
        proration_behavior: plan.priceCents > current.plan.priceCents ? "always_invoice" : "none",
        metadata: { ...subscription.metadata, package_id: plan.id },
      },
      { idempotencyKey },
    ),
  );
}
