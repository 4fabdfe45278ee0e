import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { createPromotion } from "@/services/promotions/create-promotion";
import { listPromotions } from "@/services/promotions/list-promotions";
import { createPromotionBody, promotionList, promotionView } from "@/types/promotions";

// GET /api/admin/promotions — promotions, newest first
export const GET = withAdmin({}, async ({ db }) => json(promotionList, { data: await listPromotions(db) }));

// POST /api/admin/promotions — create a sale (no code) or a code promotion
// Idempotency-Key required: a retry creates nothing and answers the first answer again (Idempotent-Replayed: true).
export const POST = withAdmin({ body: createPromotionBody, idempotent: true }, async ({ db, body, session, idempotencyKey }) => {
  const { replayed, ...promotion } = await createPromotion(db, { actorId: session.user.id, promotion: body, idempotencyKey });
  return json(promotionView, promotion, { status: 201, headers: { "idempotent-replayed": String(replayed) } });
});
