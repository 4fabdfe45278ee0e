import { json } from "@/lib/http/responses";
import { withCron } from "@/lib/http/route";
import { sendSlaDigest } from "@/services/disputes/send-sla-digest";
import { disputeDigestResponse } from "@/types/disputes";

// POST /api/cron/dispute-digest — email admins the disputes near or past their SLA (daily; repeats the same day send nothing)
export const POST = withCron({}, async ({ db }) => {
  return json(disputeDigestResponse, await sendSlaDigest(db));
});
