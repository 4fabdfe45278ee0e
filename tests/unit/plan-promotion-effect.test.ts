// A plan's percent off is Stripe's coupon: the discount is rounded (half up), where a pack's
// promotional price is. The quote must say what Stripe's first invoice will charge.
import { describe, expect, it } from "vitest";
import type { Promotion } from "@/lib/generated/prisma/client";
import { couponDiscountCents, planPromotionEffect } from "@/services/promotions/plan-promotion-effect";
import { promotionEffect } from "@/services/promotions/promotion-effect";

const promotion = (fields: Partial<Promotion>): Promotion =>
  ({ id: "00000000-0000-4000-8000-000000000001", name: "Sale", code: null, kind: "PERCENT_OFF", percentOff: 20, bonusCredits: null, bonusExpiresDays: null, planDiscountMonths: 1, ...fields }) as Promotion;

describe("planPromotionEffect", () => {
  it("rounds the discount half up, as Stripe's coupon does, and names the months", () => {
    expect(couponDiscountCents(4999, 20)).toBe(1000); // 999.8
    expect(couponDiscountCents(4999, 30)).toBe(1500); // 1499.7
    expect(couponDiscountCents(4999, 50)).toBe(2500); // 2499.5: half a cent, rounded up
    expect(couponDiscountCents(1999, 15)).toBe(300); // 299.85
    expect(planPromotionEffect(promotion({ percentOff: 50, planDiscountMonths: 3 }), 4999)).toMatchObject({ discountCents: 2500, discountMonths: 3, bonusCredits: 0 });
    // A pack rounds its price instead: a cent less off at the half-cent.
    expect(promotionEffect(promotion({ percentOff: 50 }), 4999)).toMatchObject({ discountCents: 2499, discountMonths: null });
  });

  it("leaves a bonus promotion's price alone", () => {
    expect(planPromotionEffect(promotion({ kind: "BONUS_CREDITS", percentOff: null, bonusCredits: 300, bonusExpiresDays: 30 }), 4999)).toMatchObject({
      discountCents: 0,
      bonusCredits: 300,
      bonusExpiresDays: 30,
      discountMonths: null,
    });
  });
});
