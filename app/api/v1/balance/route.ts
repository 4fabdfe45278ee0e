import { json } from "@/lib/http/responses";
import { withApiKey } from "@/lib/http/route";
import { getBalance } from "@/services/credits/get-balance";
import { balanceResponse } from "@/types/usage";

// GET /api/v1/balance — the workspace's balance and wallet status
export const GET = withApiKey({}, async ({ db, caller }) => {
  return json(balanceResponse, await getBalance(db, caller.workspaceId));
});
