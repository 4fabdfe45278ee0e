import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { ensureStripePrice } from "./ensure-stripe-price";

/** The plan a workspace is on, as a switch needs it. */
export type CurrentPlan = { stripeSubscriptionId: string; plan: { id: string; priceCents: number } };

/**
 * How a switch from the current plan to `packageId` is sent to Stripe; the preview and the switch
 * both start here, so what the customer is shown is what is then done. An upgrade (a dearer plan)
 * is invoiced at once for the rest of the period, prorated (`always_invoice`), and that invoice
 * grants the prorated difference in credits; a downgrade is not prorated (`none`): nothing is
 * refunded, this period's credits stay, and the next renewal bills and grants the new plan.
 * Throws `conflict` for the current plan, `not_found` for anything but a monthly plan on sale.
 */
export async function planSwitchTerms(db: Db, stripe: Stripe, current: CurrentPlan, packageId: string) {
  if (packageId === current.plan.id) throw conflict("The workspace is already on this plan");
  const plan = await db.creditPackage.findFirst({ where: { id: packageId, isActive: true, interval: "MONTH" } });
  if (!plan) throw notFound("Plan");
  const [price, subscription] = await Promise.all([ensureStripePrice(db, stripe, plan), stripe.subscriptions.retrieve(current.stripeSubscriptionId)]);
  const isUpgrade = plan.priceCents > current.plan.priceCents;
  return {
    plan,
    isUpgrade,
    item: { id: subscription.items.data[0]!.id, price },
    prorationBehavior: isUpgrade ? ("always_invoice" as const) : ("none" as const),
    metadata: { ...subscription.metadata, package_id: plan.id },
    periodEnd: subscription.items.data[0]!.current_period_end,
  };
}
