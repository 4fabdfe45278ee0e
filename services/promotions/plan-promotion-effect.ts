import "server-only";
import type { Promotion } from "@/lib/generated/prisma/client";
import type { AppliedPromotion } from "@/types/promotions";
import { promotionEffect } from "./promotion-effect";

/**
 * The discount Stripe gives `priceCents` for a percent-off coupon: the percentage of the price,
 * rounded to the nearest cent, half up. Stripe rounds the discount, where a pack's promotional
 * price (promotionEffect) rounds the price, so the two differ by a cent when the percentage of an
 * odd price ends in exactly half a cent: 50% of $49.99 is $25.00 off a plan, $24.99 off a pack.
 */
export function couponDiscountCents(priceCents: number, percentOff: number): number {
  return Math.floor((priceCents * percentOff + 50) / 100);
}

/**
 * What a promotion does to a monthly plan's checkout: a percent off comes off the first payment
 * (and the next `planDiscountMonths − 1`) through a Stripe coupon, so `discountCents` is Stripe's
 * discount of the first one; bonus credits are granted when the first invoice is paid. Pure.
 */
export function planPromotionEffect(promotion: Promotion, priceCents: number): AppliedPromotion {
  const effect = promotionEffect(promotion, priceCents);
  if (effect.percentOff === null) return effect;
  return { ...effect, discountCents: couponDiscountCents(priceCents, effect.percentOff), discountMonths: promotion.planDiscountMonths };
}
