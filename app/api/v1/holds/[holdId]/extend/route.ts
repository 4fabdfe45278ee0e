import { usageWorkspace } from "@/lib/auth/api-key";
import { withUsageKey } from "@/lib/http/route";
import { apiIdempotencyKey } from "@/services/credits/consume-credits";
import { extendHold } from "@/services/holds/extend-hold";
import { holdResponseOf } from "@/app/api/v1/holds/hold-response";
import { extendHoldBody } from "@/types/holds";

// POST /api/v1/holds/{holdId}/extend — keep a long job's hold (Idempotency-Key required)
export const POST = withUsageKey({ body: extendHoldBody, idempotent: true }, async ({ db, body, params, caller, idempotencyKey }) => {
  const hold = await extendHold(db, {
    workspaceId: usageWorkspace(caller, body.workspaceId),
    holdId: params.holdId!,
    ttlSeconds: body.ttlSeconds,
    idempotencyKey: apiIdempotencyKey(idempotencyKey),
  });
  return holdResponseOf(hold);
});
