import "server-only";
import type Stripe from "stripe";
import { inTransaction, type Db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { stripeIdempotencyKey } from "@/lib/stripe/client";
import type { AppliedPromotion } from "@/types/promotions";
import { findPromotion } from "../promotions/find-promotion";
import { planPromotionEffect } from "../promotions/plan-promotion-effect";
import { REDEMPTION_METADATA_KEY } from "../promotions/redemption-metadata";
import { reservePromotion } from "../promotions/reserve-promotion";
import { releaseRedemption } from "../promotions/settle-redemption";
import type { CheckoutPackage } from "./create-checkout";
import { ensurePromotionCoupon } from "./ensure-promotion-coupon";
import { ensureStripeCustomer } from "./ensure-stripe-customer";
import { ensureStripePrice } from "./ensure-stripe-price";
import { findCurrentSubscription } from "./find-current-subscription";

const HOUR_MS = 3_600_000;

type PlanCheckoutInput = { workspaceId: string; appUrl: string; promotionCode?: string | null; now: Date };

/**
 * Starts a subscription to a monthly plan through Checkout in subscription mode. Credits come
 * with each paid invoice (fulfilInvoice), not here. Throws `conflict` when the workspace already
 * has a plan (change it instead), or when the promotion ran out meanwhile.
 *
 * With a promotion (a running sale, or the code given), a redemption is reserved first, exactly as
 * for a pack, and named in the session's and the subscription's metadata: a percent off rides on
 * the promotion's Stripe coupon (ensurePromotionCoupon), so the first invoice — and the next ones
 * while the coupon lasts — charge the discounted price; bonus credits are granted when the first
 * invoice is paid. If Stripe refuses the session, the reservation is released.
 *
 * Without a promotion the session's key names the workspace, the plan, the hour and the
 * workspace's last subscription, so a double click opens the same session while subscribing again
 * after a cancellation opens a new one; with one, the key is the reservation's.
 */
export async function createPlanCheckout(db: Db, stripe: Stripe, plan: CheckoutPackage, input: PlanCheckoutInput) {
  if (await findCurrentSubscription(db, input.workspaceId)) throw conflict("This workspace already has a plan: change or cancel it on the billing page");
  const purchase = { workspaceId: input.workspaceId, target: "PLAN" as const, packageId: plan.id, now: input.now };
  const promotion = await findPromotion(db, { ...purchase, code: input.promotionCode });
  const customer = await ensureStripeCustomer(db, stripe, input.workspaceId);
  const price = await ensureStripePrice(db, stripe, plan);
  const coupon = promotion?.kind === "PERCENT_OFF" ? await ensurePromotionCoupon(db, stripe, promotion) : null;
  const applied = promotion ? planPromotionEffect(promotion, plan.priceCents) : null;
  const metadata: Record<string, string> = { workspace_id: input.workspaceId, package_id: plan.id };
  const params = (extra: Record<string, string>): Stripe.Checkout.SessionCreateParams => ({
    mode: "subscription",
    customer,
    line_items: [{ price, quantity: 1 }],
    ...(coupon ? { discounts: [{ coupon }] } : {}),
    client_reference_id: input.workspaceId,
    metadata: { ...metadata, ...extra },
    subscription_data: { metadata: { ...metadata, ...extra } },
    success_url: `${input.appUrl}/billing?subscribed=1`,
    cancel_url: `${input.appUrl}/billing?canceled=1`,
  });

  if (!applied) {
    const previous = await db.subscription.findFirst({ where: { workspaceId: input.workspaceId }, orderBy: { createdAt: "desc" }, select: { id: true } });
    const key = stripeIdempotencyKey("plan-checkout", input.workspaceId, plan.id, previous?.id ?? "first", Math.floor(input.now.getTime() / HOUR_MS));
    const session = await stripe.checkout.sessions.create(params({}), { idempotencyKey: key });
    return { paymentId: null, checkoutUrl: sessionUrl(session), promotion: null };
  }
  return openPromotedPlanCheckout(db, stripe, { purchase, applied, params });
}

type PromotedPlanCheckout = {
  purchase: { workspaceId: string; target: "PLAN"; packageId: string; now: Date };
  applied: AppliedPromotion;
  params: (extra: Record<string, string>) => Stripe.Checkout.SessionCreateParams;
};

async function openPromotedPlanCheckout(db: Db, stripe: Stripe, { purchase, applied, params }: PromotedPlanCheckout) {
  const { redemptionId } = await inTransaction(db, (tx) => reservePromotion(tx, { ...purchase, applied }));
  try {
    const session = await stripe.checkout.sessions.create(params({ promotion_id: applied.id, [REDEMPTION_METADATA_KEY]: redemptionId }), {
      idempotencyKey: stripeIdempotencyKey("plan-checkout", redemptionId),
    });
    // Stripe's own figure: the discount its invoice will take off (our quote uses its rounding).
    const discountCents = session.total_details?.amount_discount ?? applied.discountCents;
    await db.promotionRedemption.update({ where: { id: redemptionId }, data: { stripeCheckoutSessionId: session.id, discountCents } });
    return { paymentId: null, checkoutUrl: sessionUrl(session), promotion: { ...applied, discountCents } };
  } catch (error) {
    // A session that was made after all (the answer was lost) still confirms the redemption when paid.
    await inTransaction(db, (tx) => releaseRedemption(tx, { redemptionId }));
    throw error;
  }
}

function sessionUrl(session: Stripe.Checkout.Session): string {
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return session.url;
}
