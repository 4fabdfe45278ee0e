import "server-only";
import type { Db } from "@/lib/db";
import type { SubscriptionView } from "@/types/billing";

/** Statuses in which a subscription still bills (or may again): a workspace has at most one such. */
export const LIVE_SUBSCRIPTION_STATUSES = ["INCOMPLETE", "TRIALING", "ACTIVE", "PAST_DUE", "UNPAID", "PAUSED"] as const;

/** The workspace's live plan, or null. */
export async function findCurrentSubscription(db: Db, workspaceId: string): Promise<(SubscriptionView & { stripeSubscriptionId: string; stripeVersionAt: Date | null }) | null> {
  const row = await db.subscription.findFirst({
    where: { workspaceId, status: { in: [...LIVE_SUBSCRIPTION_STATUSES] } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      currentPeriodEnd: true,
      cancelAtPeriodEnd: true,
      isCollectionPaused: true,
      stripeSubscriptionId: true,
      stripeVersionAt: true,
      package: { select: { id: true, name: true, credits: true, priceCents: true, currency: true } },
    },
  });
  if (!row) return null;
  const { package: plan, ...subscription } = row;
  return { ...subscription, plan };
}
