import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { promotionView, type CreatePromotionBody, type PromotionView } from "@/types/promotions";
import { createOnce } from "../idempotency/run-once";
import { recordAudit } from "../audit/record-audit";

export type CreatePromotionInput = {
  actorId: string;
  promotion: CreatePromotionBody;
  /** The admin's Idempotency-Key: a retry creates nothing and gets the first answer (`replayed`). */
  idempotencyKey?: string;
};

/**
 * Creates a promotion (a sale when it has no code) with one audit row. A code already taken is a
 * `conflict`. The body is already parsed by `createPromotionBody`, which keeps the kinds consistent.
 * With an Idempotency-Key, once per key (createOnce), in the same transaction.
 */
export async function createPromotion(db: Db, input: CreatePromotionInput): Promise<PromotionView & { replayed: boolean }> {
  const { promotion } = input;
  return inTransaction(db, async (tx) => {
    const create = async () => {
      if (promotion.code && (await tx.promotion.findUnique({ where: { code: promotion.code }, select: { id: true } }))) throw conflict(`The code ${promotion.code} is taken`);
      const created = await tx.promotion.create({ data: { ...promotion, createdById: input.actorId } });
      await recordAudit(tx, {
        actor: { type: "ADMIN", id: input.actorId },
        action: "promotion.create",
        target: { type: "promotion", id: created.id },
        after: { ...promotion, startsAt: promotion.startsAt.toISOString(), endsAt: promotion.endsAt?.toISOString() ?? null },
      });
      return promotionView.parse(created);
    };
    if (!input.idempotencyKey) return { ...(await create()), replayed: false };
    const claim = { scope: `admin:${input.actorId}`, key: input.idempotencyKey, request: { op: "promotion.create", ...promotion } };
    const { value, replayed } = await createOnce(tx, claim, promotionView, create);
    return { ...value, replayed };
  });
}
