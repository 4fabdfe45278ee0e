import { usageWorkspace } from "@/lib/auth/api-key";
import { json } from "@/lib/http/responses";
import { withUsageKey } from "@/lib/http/route";
import { apiIdempotencyKey } from "@/services/credits/consume-credits";
import { consumeGroup } from "@/services/credits/consume-credits-grouped";
import { consumeUsageBody, usageResponse } from "@/types/usage";

// POST /api/v1/usage — spend credits on a service (Idempotency-Key required)
export const POST = withUsageKey({ body: consumeUsageBody, idempotent: true }, async ({ db, body, caller, idempotencyKey }) => {
  // Concurrent spends are committed together; each still gets the answer it would have alone.
  const { replayed, ...entry } = await consumeGroup(db).submit({
    workspaceId: usageWorkspace(caller, body.workspaceId),
    serviceKey: body.service,
    quantity: body.quantity,
    idempotencyKey: apiIdempotencyKey(idempotencyKey),
    referenceId: body.reference,
    description: body.description,
    actor: { type: "API_KEY", id: caller.apiKeyId },
  });
  return json(usageResponse, entry, { headers: { "idempotent-replayed": String(replayed) } });
});
