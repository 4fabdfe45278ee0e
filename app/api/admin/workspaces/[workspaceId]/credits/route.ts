import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { adjustCredits } from "@/services/admin/adjust-credits";
import { adjustCreditsBody } from "@/types/admin-credits";
import { ledgerWriteResult } from "@/types/credits";

// POST /api/admin/workspaces/:workspaceId/credits — add or remove credits with a reason
export const POST = withAdmin({ body: adjustCreditsBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const result = await adjustCredits(db, { ...body, workspaceId: params.workspaceId!, adminId: session.user.id, idempotencyKey });
  return json(ledgerWriteResult, result, { status: result.replayed ? 200 : 201 });
});
