import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";

const STATUS: Record<Stripe.Subscription.Status, SubscriptionStatus> = {
  incomplete: "INCOMPLETE",
  incomplete_expired: "INCOMPLETE_EXPIRED",
  trialing: "TRIALING",
  active: "ACTIVE",
  past_due: "PAST_DUE",
  canceled: "CANCELED",
  unpaid: "UNPAID",
  paused: "PAUSED",
};

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/**
 * Makes the local copy of a subscription match Stripe's object, as it is now. Callers pass the
 * object read from Stripe, not an event's snapshot, so events arriving late, twice or out of
 * order all converge on the same state. The workspace comes from the subscription's metadata,
 * the plan from its price. Returns null for a subscription this app did not start.
 */
export async function syncSubscription(tx: Prisma.TransactionClient, subscription: Stripe.Subscription, now: Date) {
  const item = subscription.items.data[0];
  const priceId = item?.price.id;
  const workspaceId = subscription.metadata.workspace_id;
  if (!priceId || !workspaceId) return null;
  const plan = await tx.creditPackage.findFirst({
    where: { OR: [{ stripePriceId: priceId }, ...(subscription.metadata.package_id ? [{ id: subscription.metadata.package_id }] : [])] },
    select: { id: true },
  });
  if (!plan) return null;
  const state = {
    packageId: plan.id,
    stripePriceId: priceId,
    status: STATUS[subscription.status] ?? "INCOMPLETE",
    currentPeriodStart: fromUnix(item.current_period_start),
    currentPeriodEnd: fromUnix(item.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    isCollectionPaused: subscription.pause_collection !== null,
    pausedUntil: fromUnix(subscription.pause_collection?.resumes_at),
    canceledAt: fromUnix(subscription.canceled_at),
    endedAt: fromUnix(subscription.ended_at),
    stripeVersionAt: now,
  };
  return tx.subscription.upsert({
    where: { stripeSubscriptionId: subscription.id },
    create: { workspaceId, stripeSubscriptionId: subscription.id, ...state },
    update: state,
  });
}
