import { json } from "@/lib/http/responses";
import { withApiKey } from "@/lib/http/route";
import { consumeCredits } from "@/services/credits/consume-credits";
import { consumeUsageBody, usageResponse } from "@/types/usage";

// POST /api/v1/usage — spend credits on a service (Idempotency-Key required)
export const POST = withApiKey({ body: consumeUsageBody, idempotent: true }, async ({ db, body, caller, idempotencyKey }) => {
  const { replayed, ...entry } = await consumeCredits(db, {
    workspaceId: caller.workspaceId,
    serviceKey: body.service,
    quantity: body.quantity,
    // Namespaced, so a caller's key can never collide with one the platform writes (expiry:…).
    idempotencyKey: `api:${idempotencyKey}`,
    referenceId: body.reference,
    description: body.description,
    actor: { type: "API_KEY", id: caller.apiKeyId },
  });
  return json(usageResponse, entry, { headers: { "idempotent-replayed": String(replayed) } });
});
