import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { adjustCredits } from "@/services/admin/adjust-credits";
import { adjustCreditsResponse } from "@/types/admin-customers";
import { adjustCreditsBody } from "@/types/admin-credits";

// POST /api/admin/workspaces/:workspaceId/credits — add or remove credits with a reason; above the
// four-eyes threshold the answer is 202 with a pending request for a second admin
export const POST = withAdmin({ body: adjustCreditsBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const { replayed, ...result } = await adjustCredits(db, { ...body, workspaceId: params.workspaceId!, adminId: session.user.id, idempotencyKey });
  const status = replayed ? 200 : result.status === "applied" ? 201 : 202;
  return json(adjustCreditsResponse, result, { status });
});
