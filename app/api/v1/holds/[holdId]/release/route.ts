import { usageWorkspace } from "@/lib/auth/api-key";
import { withUsageKey } from "@/lib/http/route";
import { apiIdempotencyKey } from "@/services/credits/consume-credits";
import { holdResponseOf } from "@/app/api/v1/holds/hold-response";
import { releaseHold } from "@/services/holds/release-hold";
import { releaseHoldBody } from "@/types/holds";

// POST /api/v1/holds/{holdId}/release — give the hold's credits back unspent (Idempotency-Key required)
export const POST = withUsageKey({ body: releaseHoldBody, idempotent: true }, async ({ db, body, params, caller, idempotencyKey }) => {
  const hold = await releaseHold(db, {
    workspaceId: usageWorkspace(caller, body.workspaceId),
    holdId: params.holdId!,
    idempotencyKey: apiIdempotencyKey(idempotencyKey),
  });
  return holdResponseOf(hold);
});
