import "server-only";
import type { Db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Promotion } from "@/lib/generated/prisma/client";
import { promotionCovers, unavailableReason, type PromotionPurchase } from "./promotion-availability";

const invalidCode = (message: string) => new DomainError("validation_failed", message, { fieldErrors: { promotionCode: [message] } });

/**
 * The promotion a purchase gets: the one its code names, or else the best automatic promotion (a
 * sale) running now that still has room for this workspace — percent off before bonus credits,
 * the larger first. Null when none applies. A code that does not apply throws
 * `validation_failed` (field `promotionCode`) saying why, rather than charging the full price.
 */
export async function findPromotion(db: Db, purchase: PromotionPurchase & { code?: string | null }): Promise<Promotion | null> {
  if (purchase.code) {
    const promotion = await db.promotion.findUnique({ where: { code: purchase.code.trim().toUpperCase() } });
    if (!promotion || !promotionCovers(promotion, purchase)) throw invalidCode("This code does not apply to this purchase");
    const reason = await unavailableReason(db, promotion, purchase.workspaceId, promotion.bonusCredits ?? 0);
    if (reason) throw invalidCode(`This code cannot be used: ${reason}`);
    return promotion;
  }
  const running = await db.promotion.findMany({
    where: { code: null, isActive: true, startsAt: { lte: purchase.now }, OR: [{ endsAt: null }, { endsAt: { gt: purchase.now } }] },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  const candidates = running
    .filter((promotion) => promotionCovers(promotion, purchase))
    .sort((a, b) => rank(b) - rank(a));
  for (const promotion of candidates) {
    if (!(await unavailableReason(db, promotion, purchase.workspaceId, promotion.bonusCredits ?? 0))) return promotion;
  }
  return null;
}

/** Percent off ranks above any bonus; within a kind, more is better. */
const rank = (promotion: Promotion) => (promotion.kind === "PERCENT_OFF" ? 1e9 + (promotion.percentOff ?? 0) : (promotion.bonusCredits ?? 0));
