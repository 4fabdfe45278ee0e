import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { setWalletPause } from "@/services/admin/set-wallet-pause";
import { walletPauseBody, walletPauseView } from "@/types/admin-customers";

// PUT /api/admin/workspaces/:workspaceId/wallet-status — pause (with a reason and an optional
// scheduled resume) or resume credit usage; the customer is told by email
export const PUT = withAdmin({ body: walletPauseBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const result = await setWalletPause(db, { workspaceId: params.workspaceId!, ...body, actor: { type: "ADMIN", id: session.user.id }, idempotencyKey });
  return json(walletPauseView, result);
});
