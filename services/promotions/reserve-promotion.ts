import "server-only";
import type { Prisma } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { AppliedPromotion } from "@/types/promotions";
import { promotionCovers, unavailableReason, type PromotionPurchase } from "./promotion-availability";

export type ReserveInput = PromotionPurchase & { workspaceId: string; applied: AppliedPromotion; paymentId?: string | null };

/**
 * Holds one redemption of a promotion for a checkout being opened: it counts against the total,
 * per-workspace, first-purchase and budget limits from now until it is confirmed (paid) or
 * released (expired, failed). The promotion's row is locked first, so reservations of one
 * promotion run one at a time and every limit is checked against the counts the previous one
 * left — exact under any concurrency (the CHECK constraints on `promotions` back the totals).
 * Throws `conflict` when the promotion has no room left: the customer sees the full price on the
 * next quote instead of being charged a price they were not shown. Run in the caller's transaction.
 */
export async function reservePromotion(tx: Prisma.TransactionClient, input: ReserveInput): Promise<{ redemptionId: string }> {
  await tx.$queryRaw`SELECT id FROM promotions WHERE id = ${input.applied.id}::uuid FOR UPDATE`;
  const promotion = await tx.promotion.findUniqueOrThrow({ where: { id: input.applied.id } });
  if (!promotionCovers(promotion, input)) throw conflict("This promotion has ended: check the price again");
  const reason = await unavailableReason(tx, promotion, input.workspaceId, input.applied.bonusCredits);
  if (reason) throw conflict(`This promotion is no longer available (${reason}): check the price again`);
  const redemption = await tx.promotionRedemption.create({
    data: { promotionId: promotion.id, workspaceId: input.workspaceId, paymentId: input.paymentId ?? null, discountCents: input.applied.discountCents, bonusCredits: input.applied.bonusCredits },
    select: { id: true },
  });
  await tx.promotion.update({
    where: { id: promotion.id },
    data: { redemptionCount: { increment: 1 }, budgetUsedCredits: { increment: input.applied.bonusCredits } },
  });
  return { redemptionId: redemption.id };
}
