import "server-only";
import type Stripe from "stripe";
import { inTransaction, type Db } from "@/lib/db";
import { DomainError, notFound } from "@/lib/errors";
import { stripeIdempotencyKey } from "@/lib/stripe/client";
import { recordAudit } from "../audit/record-audit";
import { ensureStripePrice } from "../billing/ensure-stripe-price";
import { syncSubscription, timedRead } from "../billing/sync-subscription";
import { planPriceChangeEmail } from "../mail/templates/plan-price-change";
import { queueEmail } from "../mail/queue-email";

export type MigrateSubscribersInput = { packageId: string; actorId: string; reason: string };
export type MigrateSubscribersResult = { priceId: string; migrated: number; alreadyOnPrice: number };

/** Statuses that will renew: a canceled or expired subscription has no next period to move. */
const RENEWING = ["ACTIVE", "TRIALING", "PAST_DUE"] as const;

/**
 * Moves a plan's subscribers still on an older Price to the plan's current one, from their next
 * renewal. Each subscription item is switched with `proration_behavior: none`: the period already
 * paid stays as billed (no proration line, no charge today), and the next cycle invoice — the
 * period boundary — bills, and credits, the new version. Each subscriber is told by email in the
 * transaction that records the move (with an audit row). Idempotent: the Stripe request is keyed
 * by subscription and Price, and a subscription already on the Price is skipped, so a second
 * click, or a retry after a partial failure, moves only who is left.
 */
export async function migratePlanSubscribers(db: Db, stripe: Stripe, input: MigrateSubscribersInput): Promise<MigrateSubscribersResult> {
  const plan = await db.creditPackage.findUnique({ where: { id: input.packageId } });
  if (!plan) throw notFound("Plan");
  if (plan.interval !== "MONTH") throw new DomainError("invalid_request", "Only a monthly plan has subscribers to move");
  const priceId = await ensureStripePrice(db, stripe, plan);
  const subscriptions = await db.subscription.findMany({
    where: { packageId: plan.id, status: { in: [...RENEWING] } },
    select: { id: true, workspaceId: true, stripeSubscriptionId: true, stripePriceId: true, currentPeriodEnd: true, workspace: { select: { name: true } } },
  });
  const previousPrices = await db.creditPackageVersion.findMany({ where: { packageId: plan.id, stripePriceId: { not: null } }, select: { stripePriceId: true, priceCents: true } });
  let migrated = 0;
  let alreadyOnPrice = 0;
  for (const subscription of subscriptions) {
    if (subscription.stripePriceId === priceId) {
      alreadyOnPrice++;
      continue;
    }
    const remote = await stripe.subscriptions.retrieve(subscription.stripeSubscriptionId);
    const item = remote.items.data[0];
    if (!item) continue;
    const oldPriceCents = item.price.unit_amount ?? previousPrices.find((v) => v.stripePriceId === item.price.id)?.priceCents ?? plan.priceCents;
    const read =
      item.price.id === priceId
        ? { subscription: remote, readAt: new Date() }
        : await timedRead(() =>
            stripe.subscriptions.update(
              subscription.stripeSubscriptionId,
              { items: [{ id: item.id, price: priceId }], proration_behavior: "none" },
              { idempotencyKey: stripeIdempotencyKey("migrate-price", subscription.id, priceId) },
            ),
          );
    await inTransaction(db, async (tx) => {
      await syncSubscription(tx, read);
      const owners = await tx.membership.findMany({ where: { workspaceId: subscription.workspaceId, role: "OWNER" }, select: { user: { select: { email: true } } } });
      for (const owner of owners) {
        await queueEmail(
          tx,
          planPriceChangeEmail({
            to: owner.user.email,
            workspaceId: subscription.workspaceId,
            workspaceName: subscription.workspace.name,
            planName: plan.name,
            oldPriceCents,
            newPriceCents: plan.priceCents,
            credits: plan.credits,
            currency: plan.currency,
            effectiveAt: subscription.currentPeriodEnd,
          }),
        );
      }
      await recordAudit(tx, {
        actor: { type: "ADMIN", id: input.actorId },
        action: "subscription.price_migrated",
        target: { type: "subscription", id: subscription.id },
        workspaceId: subscription.workspaceId,
        before: { stripePriceId: item.price.id, priceCents: oldPriceCents },
        after: { stripePriceId: priceId, priceCents: plan.priceCents, effectiveAt: subscription.currentPeriodEnd?.toISOString() ?? null, reason: input.reason },
      });
    });
    migrated++;
  }
  return { priceId, migrated, alreadyOnPrice };
}
