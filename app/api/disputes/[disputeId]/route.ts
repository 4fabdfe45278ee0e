import { json } from "@/lib/http/responses";
import { withCustomer } from "@/lib/http/route";
import { getDisputeForMember } from "@/services/disputes/list-disputes";
import { disputeView } from "@/types/disputes";

// GET /api/disputes/:disputeId — one of your disputes, with its timeline
export const GET = withCustomer({}, async ({ db, params, session }) => {
  return json(disputeView, await getDisputeForMember(db, session.user.id, params.disputeId!));
});
