import { withWorkspace } from "@/lib/http/route";
import { setLowBalanceThreshold } from "@/services/mail/set-low-balance-threshold";
import { lowBalanceThresholdBody } from "@/types/mail";

// PUT /api/workspaces/:workspaceId/low-balance — the balance under which owners and admins are warned
export const PUT = withWorkspace({ body: lowBalanceThresholdBody, role: "ADMIN" }, async ({ db, session, workspace, body }) => {
  await setLowBalanceThreshold(db, { workspaceId: workspace.workspaceId, actorId: session.user.id, thresholdCredits: body.thresholdCredits });
  return new Response(null, { status: 204 });
});
