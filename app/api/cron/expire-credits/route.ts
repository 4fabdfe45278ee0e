import { json } from "@/lib/http/responses";
import { withCron } from "@/lib/http/route";
import { expireCredits } from "@/services/credits/expire-credits";
import { expireCreditsResponse } from "@/types/credits";

// POST /api/cron/expire-credits — write EXPIRY entries for lapsed lots (run every few minutes)
export const POST = withCron({}, async ({ db }) => {
  return json(expireCreditsResponse, await expireCredits(db));
});
