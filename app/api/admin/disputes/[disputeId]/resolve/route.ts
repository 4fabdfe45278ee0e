import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { resolveDispute } from "@/services/disputes/resolve-dispute";
import { resolveBody, disputeView } from "@/types/disputes";

// POST /api/admin/disputes/:disputeId/resolve — decide with a full or partial refund, or an explanation
export const POST = withAdmin({ body: resolveBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const result = await resolveDispute(db, params.disputeId!, body, { adminId: session.user.id, role: session.user.role, idempotencyKey });
  return json(disputeView, result.dispute);
});
