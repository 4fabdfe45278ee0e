import { json } from "@/lib/http/responses";
import { withCustomer } from "@/lib/http/route";
import { listDisputes } from "@/services/disputes/list-disputes";
import { openDispute } from "@/services/disputes/open-dispute";
import { disputeListQuery, disputePage, disputeView, openDisputeBody } from "@/types/disputes";

// POST /api/disputes — dispute a usage or admin-removal entry of one of your workspaces
export const POST = withCustomer({ body: openDisputeBody, idempotent: true }, async ({ db, body, session, idempotencyKey }) => {
  const result = await openDispute(db, { ...body, userId: session.user.id, idempotencyKey });
  return json(disputeView, result.dispute, { status: result.replayed ? 200 : 201 });
});

// GET /api/disputes — your workspaces' disputes, newest first
export const GET = withCustomer({ query: disputeListQuery }, async ({ db, query, session }) => {
  return json(disputePage, await listDisputes(db, session.user.id, query));
});
