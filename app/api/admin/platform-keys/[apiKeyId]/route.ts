import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { revokePlatformKey } from "@/services/api-keys/revoke-platform-key";
import { apiKeyView } from "@/types/api-keys";

// DELETE /api/admin/platform-keys/:apiKeyId — revoke a platform service key at once
export const DELETE = withAdmin({}, async ({ db, params, session }) => {
  return json(apiKeyView, await revokePlatformKey(db, { apiKeyId: params.apiKeyId!, adminId: session.user.id }));
});
