import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { rejectAdjustmentRequest } from "@/services/admin/reject-adjustment-request";
import { adjustmentRequestView, rejectAdjustmentBody } from "@/types/admin-customers";

// POST /api/admin/approvals/:requestId/rejection — a second admin turns a pending adjustment down, with a reason
export const POST = withAdmin({ body: rejectAdjustmentBody, idempotent: true }, async ({ db, body, params, session }) => {
  return json(adjustmentRequestView, await rejectAdjustmentRequest(db, { requestId: params.requestId!, adminId: session.user.id, reason: body.reason }));
});
