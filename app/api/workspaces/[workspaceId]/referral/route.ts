import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { getReferralSummary } from "@/services/referrals/get-referral-summary";
import { referralLinkView } from "@/types/referrals";

// GET /api/workspaces/:workspaceId/referral — the workspace's referral link and how its referrals stand (members)
export const GET = withWorkspace({}, async ({ db, workspace }) => json(referralLinkView, await getReferralSummary(db, workspace.workspaceId)));
