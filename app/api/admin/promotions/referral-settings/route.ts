import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { getReferralSettings, updateReferralSettings } from "@/services/referrals/referral-settings";
import { referralSettingsView, updateReferralSettingsBody } from "@/types/referrals";

// GET /api/admin/promotions/referral-settings — the referral bonuses and limits in force
export const GET = withAdmin({}, async ({ db }) => json(referralSettingsView, await getReferralSettings(db)));

// PUT /api/admin/promotions/referral-settings — save them as the next version
export const PUT = withAdmin({ body: updateReferralSettingsBody }, async ({ db, body, session }) => {
  await updateReferralSettings(db, { ...body, actorId: session.user.id });
  return json(referralSettingsView, await getReferralSettings(db));
});
