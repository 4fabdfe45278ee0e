import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { listAdminDisputes } from "@/services/disputes/list-admin-disputes";
import { adminDisputePage, adminDisputeQuery } from "@/types/disputes";

// GET /api/admin/disputes?state=&minAgeHours=&overdue=&customer= — the dispute queue, oldest first
export const GET = withAdmin({ query: adminDisputeQuery }, async ({ db, query }) => {
  return json(adminDisputePage, await listAdminDisputes(db, query));
});
