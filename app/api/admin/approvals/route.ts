import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { listAdjustmentRequests } from "@/services/admin/list-adjustment-requests";
import { adjustmentRequestList, adjustmentRequestListQuery } from "@/types/admin-customers";

// GET /api/admin/approvals — credit adjustments waiting for (or decided by) a second admin
export const GET = withAdmin({ query: adjustmentRequestListQuery }, async ({ db, query }) => {
  return json(adjustmentRequestList, await listAdjustmentRequests(db, query));
});
