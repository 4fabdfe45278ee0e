import "server-only";
import type { Promotion } from "@/lib/generated/prisma/client";
import type { AppliedPromotion } from "@/types/promotions";

/**
 * What a promotion does to a purchase of `totalCents`: percent off the price (rounded half up to
 * the cent, in integers, like the bulk tiers), or bonus credits on top. Pure.
 */
export function promotionEffect(promotion: Promotion, totalCents: number): AppliedPromotion {
  const percentOff = promotion.kind === "PERCENT_OFF" ? (promotion.percentOff ?? 0) : null;
  const discounted = percentOff === null ? totalCents : Math.floor((totalCents * (100 - percentOff) + 50) / 100);
  return {
    id: promotion.id,
    name: promotion.name,
    code: promotion.code,
    kind: promotion.kind,
    percentOff,
    discountCents: totalCents - discounted,
    bonusCredits: promotion.kind === "BONUS_CREDITS" ? (promotion.bonusCredits ?? 0) : 0,
    bonusExpiresDays: promotion.bonusExpiresDays,
    discountMonths: null,
  };
}
