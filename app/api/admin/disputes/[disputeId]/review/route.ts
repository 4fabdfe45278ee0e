import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { startReview } from "@/services/disputes/start-review";
import { reviewBody, disputeView } from "@/types/disputes";

// POST /api/admin/disputes/:disputeId/review — start reviewing an open dispute
export const POST = withAdmin({ body: reviewBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const result = await startReview(db, params.disputeId!, body, { adminId: session.user.id, role: session.user.role, idempotencyKey });
  return json(disputeView, result.dispute);
});
