import { json } from "@/lib/http/responses";
import { withCron } from "@/lib/http/route";
import { expireHolds } from "@/services/holds/expire-holds";
import { expireHoldsResponse } from "@/types/holds";

// POST /api/cron/expire-holds — expire lapsed holds and free their credits (run every minute)
export const POST = withCron({}, async ({ db }) => {
  return json(expireHoldsResponse, await expireHolds(db));
});
