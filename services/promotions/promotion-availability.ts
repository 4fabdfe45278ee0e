import "server-only";
import type { Db } from "@/lib/db";
import type { Promotion } from "@/lib/generated/prisma/client";
import type { PromotionTarget } from "@/types/promotions";

export type PromotionPurchase = { workspaceId: string | null; target: PromotionTarget; packageId: string | null; now: Date };

/** Whether a promotion covers this kind of purchase in its window (no limits read). */
export function promotionCovers(promotion: Promotion, purchase: PromotionPurchase): boolean {
  if (!promotion.isActive || promotion.startsAt > purchase.now || (promotion.endsAt !== null && promotion.endsAt <= purchase.now)) return false;
  if (!promotion.appliesTo.includes(purchase.target)) return false;
  return promotion.packageIds.length === 0 || (purchase.packageId !== null && promotion.packageIds.includes(purchase.packageId));
}

/**
 * Why a promotion cannot be redeemed for this workspace now, or null when it can. Reserved and
 * confirmed redemptions count; released ones do not. Run under the promotion's row lock
 * (reservePromotion) for an answer that holds; unlocked, it is a good guess for a quote.
 */
export async function unavailableReason(db: Db, promotion: Promotion, workspaceId: string | null, bonusCredits: number): Promise<string | null> {
  if (promotion.maxRedemptions !== null && promotion.redemptionCount >= promotion.maxRedemptions) return "it has been fully redeemed";
  if (promotion.budgetCredits !== null && promotion.budgetUsedCredits + bonusCredits > promotion.budgetCredits) return "its budget is spent";
  if (workspaceId === null) return null;
  if (promotion.maxPerWorkspace !== null || promotion.firstPurchaseOnly) {
    const used = await db.promotionRedemption.count({ where: { promotionId: promotion.id, workspaceId, status: { not: "RELEASED" } } });
    if (promotion.maxPerWorkspace !== null && used >= promotion.maxPerWorkspace) return "this workspace has used it already";
    if (promotion.firstPurchaseOnly && used > 0) return "it is for a first purchase only";
  }
  if (promotion.firstPurchaseOnly && (await db.payment.count({ where: { workspaceId, status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] } } })) > 0) {
    return "it is for a first purchase only";
  }
  return null;
}
