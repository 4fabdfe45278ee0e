import { usageWorkspace } from "@/lib/auth/api-key";
import { json } from "@/lib/http/responses";
import { withUsageKey } from "@/lib/http/route";
import { apiIdempotencyKey } from "@/services/credits/consume-credits";
import { holdResponseOf } from "@/app/api/v1/holds/hold-response";
import { listHolds } from "@/services/holds/list-holds";
import { holdGroups } from "@/services/holds/hold-groups";
import { holdsPage, holdsQuery, reserveHoldBody } from "@/types/holds";

// POST /api/v1/holds — reserve credits for a job before it runs (Idempotency-Key required)
export const POST = withUsageKey({ body: reserveHoldBody, idempotent: true }, async ({ db, body, caller, idempotencyKey }) => {
  // Concurrent reserves are committed together; each still gets the answer it would have alone.
  const hold = await holdGroups(db).reserve.submit({
    workspaceId: usageWorkspace(caller, body.workspaceId),
    serviceKey: body.service,
    quantity: body.quantity,
    ttlSeconds: body.ttlSeconds,
    idempotencyKey: apiIdempotencyKey(idempotencyKey),
    actor: { type: "API_KEY", id: caller.apiKeyId },
    referenceId: body.reference,
    description: body.description,
  });
  return holdResponseOf(hold, 201);
});

// GET /api/v1/holds — the workspace's holds, newest first, optionally by status
export const GET = withUsageKey({ query: holdsQuery }, async ({ db, query, caller }) => {
  return json(holdsPage, await listHolds(db, usageWorkspace(caller, query.workspaceId), query));
});
