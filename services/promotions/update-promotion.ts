import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";

/**
 * Pauses or resumes a promotion, or moves its end (ending it now). Reservations already held stay
 * valid: a customer in Checkout pays the price they were shown. Audited with before and after;
 * the same change twice writes nothing the second time.
 */
export async function updatePromotion(db: Db, input: { actorId: string; promotionId: string; isActive?: boolean; endsAt?: Date | null }) {
  return inTransaction(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM promotions WHERE id = ${input.promotionId}::uuid FOR UPDATE`;
    const before = await tx.promotion.findUnique({ where: { id: input.promotionId } });
    if (!before) throw notFound("Promotion");
    const isActive = input.isActive ?? before.isActive;
    const endsAt = input.endsAt === undefined ? before.endsAt : input.endsAt;
    if (isActive === before.isActive && endsAt?.getTime() === before.endsAt?.getTime()) return before;
    const after = await tx.promotion.update({ where: { id: before.id }, data: { isActive, endsAt } });
    await recordAudit(tx, {
      actor: { type: "ADMIN", id: input.actorId },
      action: "promotion.update",
      target: { type: "promotion", id: before.id },
      before: { isActive: before.isActive, endsAt: before.endsAt?.toISOString() ?? null },
      after: { isActive: after.isActive, endsAt: after.endsAt?.toISOString() ?? null },
    });
    return after;
  });
}
