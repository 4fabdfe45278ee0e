import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { assignDispute } from "@/services/disputes/assign-dispute";
import { assignBody, disputeView } from "@/types/disputes";

// POST /api/admin/disputes/:disputeId/assign — assign the dispute (to yourself by default)
export const POST = withAdmin({ body: assignBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const result = await assignDispute(db, params.disputeId!, body, { adminId: session.user.id, role: session.user.role, idempotencyKey });
  return json(disputeView, result.dispute);
});
