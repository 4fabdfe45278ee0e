import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { stripeId } from "@/lib/stripe/ids";
import type { PlanChangePreview } from "@/types/billing";
import { findCurrentSubscription } from "./find-current-subscription";
import { proratedCredits } from "./fulfil-invoice";
import { planSwitchTerms } from "./plan-switch-terms";

/**
 * What switching the workspace's plan to `packageId` would cost, before anything changes: Stripe's
 * invoice preview for the same change (planSwitchTerms) — for an upgrade the prorated charge now
 * and the credits it grants (proratedCredits, the rule the paid invoice is fulfilled by), for a
 * downgrade nothing now — and the first renewal on the new plan. `prorationDate` pins the
 * amounts: the switch sent with it is billed exactly this. Reads only (it may create the plan's
 * Stripe Price on first need). Throws `not_found` without a live plan, `conflict` for the current one.
 */
export async function previewPlanChange(db: Db, stripe: Stripe, input: { workspaceId: string; packageId: string }): Promise<PlanChangePreview> {
  const current = await findCurrentSubscription(db, input.workspaceId);
  if (!current) throw notFound("Plan");
  const terms = await planSwitchTerms(db, stripe, current, input.packageId);
  const preview = await stripe.invoices.createPreview({
    subscription: current.stripeSubscriptionId,
    subscription_details: { items: [terms.item], proration_behavior: terms.prorationBehavior },
  });
  const prorationDate = preview.parent?.subscription_details?.subscription_proration_date ?? Math.floor(Date.now() / 1000);
  const renewal = { at: new Date(terms.periodEnd * 1000), amountCents: terms.plan.priceCents, credits: terms.plan.credits };
  if (!terms.isUpgrade) {
    return { packageId: terms.plan.id, direction: "downgrade", currency: preview.currency, dueNowCents: 0, creditsNow: 0, lines: [], prorationDate, nextRenewal: { ...renewal, amountCents: preview.amount_due } };
  }
  // The lines bill the old plan's unused time (negative) and the new plan's remaining time, each by its price.
  const oldPlan = { credits: current.plan.credits, priceCents: current.plan.priceCents };
  const planOf = (line: Stripe.InvoiceLineItem) => (stripeId(line.pricing?.price_details?.price) === terms.item.price ? terms.plan : oldPlan);
  const lines = preview.lines.data.map((line) => ({ description: line.description ?? "", amountCents: line.amount }));
  const creditsNow = proratedCredits(preview.lines.data.map((line) => ({ amountCents: line.amount, plan: planOf(line) })));
  return { packageId: terms.plan.id, direction: "upgrade", currency: preview.currency, dueNowCents: preview.amount_due, creditsNow: Math.max(0, creditsNow), lines, prorationDate, nextRenewal: renewal };
}
