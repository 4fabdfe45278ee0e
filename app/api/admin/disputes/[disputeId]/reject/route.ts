import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { rejectDispute } from "@/services/disputes/reject-dispute";
import { rejectBody, disputeView } from "@/types/disputes";

// POST /api/admin/disputes/:disputeId/reject — reject with a message
export const POST = withAdmin({ body: rejectBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const result = await rejectDispute(db, params.disputeId!, body, { adminId: session.user.id, role: session.user.role, idempotencyKey });
  return json(disputeView, result.dispute);
});
