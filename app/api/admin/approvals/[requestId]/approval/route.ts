import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { approveAdjustmentRequest } from "@/services/admin/approve-adjustment-request";
import { adjustmentRequestView } from "@/types/admin-customers";

// POST /api/admin/approvals/:requestId/approval — a second admin applies a pending adjustment (once)
export const POST = withAdmin({ idempotent: true }, async ({ db, params, session }) => {
  return json(adjustmentRequestView, await approveAdjustmentRequest(db, { requestId: params.requestId!, adminId: session.user.id }));
});
