import { usageWorkspace } from "@/lib/auth/api-key";
import { withUsageKey } from "@/lib/http/route";
import { apiIdempotencyKey } from "@/services/credits/consume-credits";
import { holdResponseOf } from "@/app/api/v1/holds/hold-response";
import { holdGroups } from "@/services/holds/hold-groups";
import { settleHoldBody } from "@/types/holds";

// POST /api/v1/holds/{holdId}/settle — charge what the job really used (Idempotency-Key required)
export const POST = withUsageKey({ body: settleHoldBody, idempotent: true }, async ({ db, body, params, caller, idempotencyKey }) => {
  // Concurrent settlements are committed together; each still gets the answer it would have alone.
  const hold = await holdGroups(db).settle.submit({
    workspaceId: usageWorkspace(caller, body.workspaceId),
    holdId: params.holdId!,
    quantity: body.quantity,
    idempotencyKey: apiIdempotencyKey(idempotencyKey),
    actor: { type: "API_KEY", id: caller.apiKeyId },
  });
  return holdResponseOf(hold);
});
