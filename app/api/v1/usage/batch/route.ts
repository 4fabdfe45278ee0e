import { problemDetails } from "@/lib/http/problem";
import { json } from "@/lib/http/responses";
import { withUsageKey } from "@/lib/http/route";
import { consumeCreditsBatch } from "@/services/credits/consume-credits-batch";
import { MAX_BATCH_BODY_BYTES, usageBatchBody, usageBatchResponse } from "@/types/usage";

// POST /api/v1/usage/batch — up to 500 usage events, one answer each, in request order. Each
// event's `id` is its idempotency key; a request-level problem only for a malformed request.
export const POST = withUsageKey({ body: usageBatchBody, maxBodyBytes: MAX_BATCH_BODY_BYTES }, async ({ db, body, caller }) => {
  const outcomes = await consumeCreditsBatch(db, { caller, events: body.events });
  const results = outcomes.map((outcome) =>
    outcome.status === "rejected" ? { id: outcome.id, status: outcome.status, problem: problemDetails(outcome.error) } : outcome,
  );
  return json(usageBatchResponse, { results });
});
