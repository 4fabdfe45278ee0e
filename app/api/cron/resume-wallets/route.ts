import { json } from "@/lib/http/responses";
import { withCron } from "@/lib/http/route";
import { resumeDueWallets } from "@/services/admin/resume-due-wallets";
import { resumeDueWalletsResponse } from "@/types/admin-customers";

// POST /api/cron/resume-wallets — resume paused wallets whose scheduled resume time has come (every minute)
export const POST = withCron({}, async ({ db }) => {
  return json(resumeDueWalletsResponse, await resumeDueWallets(db));
});
