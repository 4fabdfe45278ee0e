import { json } from "@/lib/http/responses";
import { withCustomer } from "@/lib/http/route";
import { appealDispute } from "@/services/disputes/appeal-dispute";
import { appealBody, disputeView } from "@/types/disputes";

// POST /api/disputes/:disputeId/appeal — appeal a rejection or partial refund, once
export const POST = withCustomer({ body: appealBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const result = await appealDispute(db, { ...body, disputeId: params.disputeId!, userId: session.user.id, idempotencyKey });
  return json(disputeView, result.dispute);
});
