import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { referralSettings, type ReferralSettings } from "@/types/referrals";
import { latestSetting, saveSetting } from "../catalog/setting-versions";

/** Until an admin edits them: 500 credits each way, at most 10 referrer bonuses a month. */
export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = referralSettings.parse({ enabled: true, referrerCredits: 500, referredCredits: 500, maxRewardsPerReferrerPerMonth: 10 });

/** The referral settings in force and their version (0: the defaults). */
export async function getReferralSettings(db: Db): Promise<{ version: number; settings: ReferralSettings }> {
  const latest = await latestSetting(db, "referrals");
  const parsed = latest ? referralSettings.safeParse(latest.value) : null;
  return { version: latest?.version ?? 0, settings: parsed?.success ? parsed.data : DEFAULT_REFERRAL_SETTINGS };
}

/** Saves the next version (audited); a save based on a stale version is a `conflict`. */
export async function updateReferralSettings(db: Db, input: { settings: ReferralSettings; basedOn: number; actorId: string; reason: string }) {
  const settings = referralSettings.parse(input.settings);
  return inTransaction(db, (tx) => saveSetting(tx, { key: "referrals", value: settings, basedOn: input.basedOn, actorId: input.actorId, reason: input.reason, defaults: DEFAULT_REFERRAL_SETTINGS }));
}
