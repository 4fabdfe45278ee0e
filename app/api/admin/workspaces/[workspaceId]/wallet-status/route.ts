import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { setWalletStatus } from "@/services/credits/set-wallet-status";
import { walletStatusBody, walletStatusResponse } from "@/types/admin-credits";

// PUT /api/admin/workspaces/:workspaceId/wallet-status — pause or resume credit usage
export const PUT = withAdmin({ body: walletStatusBody }, async ({ db, body, params, session }) => {
  const result = await setWalletStatus(db, { workspaceId: params.workspaceId!, ...body, actor: { type: "ADMIN", id: session.user.id } });
  return json(walletStatusResponse, result);
});
