import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { CreatePromotionBody } from "@/types/promotions";
import { recordAudit } from "../audit/record-audit";

/**
 * Creates a promotion (a sale when it has no code) with one audit row. A code already taken is a
 * `conflict`. The body is already parsed by `createPromotionBody`, which keeps the kinds consistent.
 */
export async function createPromotion(db: Db, input: { actorId: string; promotion: CreatePromotionBody }) {
  const { promotion } = input;
  return inTransaction(db, async (tx) => {
    if (promotion.code && (await tx.promotion.findUnique({ where: { code: promotion.code }, select: { id: true } }))) throw conflict(`The code ${promotion.code} is taken`);
    const created = await tx.promotion.create({ data: { ...promotion, createdById: input.actorId } });
    await recordAudit(tx, {
      actor: { type: "ADMIN", id: input.actorId },
      action: "promotion.create",
      target: { type: "promotion", id: created.id },
      after: { ...promotion, startsAt: promotion.startsAt.toISOString(), endsAt: promotion.endsAt?.toISOString() ?? null },
    });
    return created;
  });
}
