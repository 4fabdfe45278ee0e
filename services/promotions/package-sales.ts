import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { AppliedPromotion } from "@/types/promotions";
import { findPromotion } from "./find-promotion";
import { planPromotionEffect } from "./plan-promotion-effect";
import { promotionEffect } from "./promotion-effect";

/**
 * The sale each pack (or plan) is sold at right now for this workspace (a running promotion without
 * a code), or null: what the Buy credits and billing pages show, and what Checkout will charge (it
 * asks findPromotion again when it starts). A plan's effect is on its first payment, as Stripe's
 * coupon computes it.
 */
export async function packageSales(
  db: Db,
  workspaceId: string,
  target: "PACK" | "PLAN",
  packages: { id: string; priceCents: number }[],
  clock: Clock = systemClock,
): Promise<Map<string, AppliedPromotion | null>> {
  const now = clock.now();
  const effect = target === "PLAN" ? planPromotionEffect : promotionEffect;
  const sales = await Promise.all(
    packages.map(async (pkg) => {
      const promotion = await findPromotion(db, { workspaceId, target, packageId: pkg.id, now });
      return [pkg.id, promotion ? effect(promotion, pkg.priceCents) : null] as const;
    }),
  );
  return new Map(sales);
}
