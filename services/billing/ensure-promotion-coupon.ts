import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { stripeIdempotencyKey } from "@/lib/stripe/client";

type PromotionForCoupon = { id: string; name: string; percentOff: number | null; planDiscountMonths: number; stripeCouponId: string | null };

// Stripe's limit on a coupon's name (shown on the Checkout page and the invoice).
const COUPON_NAME_MAX = 40;

/**
 * The Stripe coupon that carries a percent-off promotion to plan checkouts, created on first need:
 * `once` for the first payment only, else `repeating` for `planDiscountMonths` months. A
 * promotion's terms never change after creation, so one coupon serves it for good, keyed by its id
 * (two first checkouts at once make one coupon). The coupon has no limits of its own: the app
 * reserves redemptions itself, and a coupon that ran out would fail checkouts it already promised.
 */
export async function ensurePromotionCoupon(db: Db, stripe: Stripe, promotion: PromotionForCoupon): Promise<string> {
  if (promotion.stripeCouponId) return promotion.stripeCouponId;
  if (promotion.percentOff === null) throw new Error(`Promotion ${promotion.id} takes nothing off: it needs no coupon`);
  const months = promotion.planDiscountMonths;
  const coupon = await stripe.coupons.create(
    {
      percent_off: promotion.percentOff,
      ...(months > 1 ? { duration: "repeating" as const, duration_in_months: months } : { duration: "once" as const }),
      name: promotion.name.slice(0, COUPON_NAME_MAX),
      metadata: { promotion_id: promotion.id },
    },
    { idempotencyKey: stripeIdempotencyKey("coupon", promotion.id) },
  );
  await db.promotion.updateMany({ where: { id: promotion.id, stripeCouponId: null }, data: { stripeCouponId: coupon.id } });
  return coupon.id;
}
