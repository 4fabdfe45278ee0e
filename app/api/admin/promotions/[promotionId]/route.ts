import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { updatePromotion } from "@/services/promotions/update-promotion";
import { promotionView, updatePromotionBody } from "@/types/promotions";

// PATCH /api/admin/promotions/:promotionId — pause, resume or end a promotion
export const PATCH = withAdmin({ body: updatePromotionBody }, async ({ db, body, params, session }) => {
  return json(promotionView, await updatePromotion(db, { actorId: session.user.id, promotionId: params.promotionId!, ...body }));
});
