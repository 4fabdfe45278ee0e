import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";
import { queuePlanChangeEmails } from "../mail/queue-plan-change-emails";

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

/** What callers of syncSubscription need of the local copy. */
export type SyncedSubscription = { id: string; workspaceId: string; packageId: string; status: SubscriptionStatus; cancelAtPeriodEnd: boolean; isCollectionPaused: boolean };
const SYNCED = { id: true, workspaceId: true, packageId: true, status: true, cancelAtPeriodEnd: true, isCollectionPaused: true } as const;

/** A subscription as Stripe answered, and when the request that got it was sent. */
export type SubscriptionRead = { subscription: Stripe.Subscription; readAt: Date };

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/**
 * Sends `request` to Stripe and notes when. Wall-clock time, not the injectable clock: it orders
 * real reads of Stripe's state, whatever business time a test runs at.
 */
export async function timedRead(request: () => Promise<Stripe.Subscription>): Promise<SubscriptionRead> {
  const readAt = new Date();
  return { subscription: await request(), readAt };
}

/** The subscription's current state at Stripe. */
export const readSubscription = (stripe: Stripe, id: string) => timedRead(() => stripe.subscriptions.retrieve(id));

/**
 * Makes the local copy of a subscription match Stripe's object as read. Callers pass an object read
 * from Stripe, not an event's snapshot, so events arriving late, twice or out of order converge;
 * and a read sent before the one the copy holds is not applied over it, so two events processed
 * at once cannot leave the older read in place (the read sent last saw every change before it).
 * The workspace comes from the subscription's metadata, the plan from its price. A change the
 * workspace would care about (started, new plan, paused, ended…) queues a plan-change email in the
 * same transaction. Returns the local copy, or null for a subscription this app did not start.
 */
export async function syncSubscription(tx: Prisma.TransactionClient, { subscription, readAt }: SubscriptionRead): Promise<SyncedSubscription | null> {
  const item = subscription.items.data[0];
  const priceId = item?.price.id;
  const workspaceId = subscription.metadata.workspace_id;
  if (!priceId || !workspaceId) return null;
  const status = STATUS[subscription.status] ?? "INCOMPLETE";
  // The state being replaced, locked so two syncs of one subscription tell its members once.
  const [before] = await tx.$queryRaw<SyncedSubscription[]>`
    SELECT id, workspace_id AS "workspaceId", package_id AS "packageId", status::text AS status,
           cancel_at_period_end AS "cancelAtPeriodEnd", is_collection_paused AS "isCollectionPaused"
      FROM subscriptions WHERE stripe_subscription_id = ${subscription.id} FOR UPDATE`;
  // The plan is the one selling the price now, or one of whose versions sold it (a subscriber
  // kept on an older Price), or, failing both, the one the metadata names; without
  // one nothing is inserted. The row comes back unless a later read was applied already.
  const [synced] = await tx.$queryRaw<SyncedSubscription[]>`
    INSERT INTO subscriptions (workspace_id, package_id, stripe_subscription_id, stripe_price_id, status, current_period_start, current_period_end,
                               cancel_at_period_end, is_collection_paused, paused_until, canceled_at, ended_at, stripe_version_at, updated_at)
    SELECT ${workspaceId}::uuid, plan.id, ${subscription.id}, ${priceId}, ${status}::subscription_status,
           ${fromUnix(item.current_period_start)}, ${fromUnix(item.current_period_end)}, ${subscription.cancel_at_period_end},
           ${subscription.pause_collection !== null}, ${fromUnix(subscription.pause_collection?.resumes_at)},
           ${fromUnix(subscription.canceled_at)}, ${fromUnix(subscription.ended_at)}, ${readAt}, now()
      FROM (SELECT id FROM credit_packages
             WHERE stripe_price_id = ${priceId} OR id::text = ${subscription.metadata.package_id ?? ""}
                OR id IN (SELECT package_id FROM credit_package_prices WHERE stripe_price_id = ${priceId})
             ORDER BY stripe_price_id = ${priceId} DESC,
                      id IN (SELECT package_id FROM credit_package_prices WHERE stripe_price_id = ${priceId}) DESC LIMIT 1) plan
    ON CONFLICT (stripe_subscription_id) DO UPDATE SET
      package_id = EXCLUDED.package_id, stripe_price_id = EXCLUDED.stripe_price_id, status = EXCLUDED.status,
      current_period_start = EXCLUDED.current_period_start, current_period_end = EXCLUDED.current_period_end,
      cancel_at_period_end = EXCLUDED.cancel_at_period_end, is_collection_paused = EXCLUDED.is_collection_paused,
      paused_until = EXCLUDED.paused_until, canceled_at = EXCLUDED.canceled_at, ended_at = EXCLUDED.ended_at,
      stripe_version_at = EXCLUDED.stripe_version_at, updated_at = now()
    WHERE subscriptions.stripe_version_at IS NULL OR subscriptions.stripe_version_at <= EXCLUDED.stripe_version_at
    RETURNING id, workspace_id AS "workspaceId", package_id AS "packageId", status::text AS status,
              cancel_at_period_end AS "cancelAtPeriodEnd", is_collection_paused AS "isCollectionPaused"`;
  if (synced) await queuePlanChangeEmails(tx, before ?? null, synced);
  return synced ?? tx.subscription.findUnique({ where: { stripeSubscriptionId: subscription.id }, select: SYNCED });
}
