import "server-only";
import type { Db } from "@/lib/db";
import { referralLink } from "./referral-code";
import { getReferralSettings } from "./referral-settings";

/** What a workspace's referral card shows: its link, what a referral earns, and how its referrals stand. */
export async function getReferralSummary(db: Db, workspaceId: string) {
  const link = await referralLink(db, workspaceId);
  const [{ settings }, counts] = await Promise.all([
    getReferralSettings(db),
    db.referral.groupBy({ by: ["status"], where: { referrerWorkspaceId: workspaceId }, _count: { _all: true } }),
  ]);
  const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
  return {
    link,
    code: new URL(link).searchParams.get("ref")!,
    referredCredits: settings.enabled ? settings.referredCredits : 0,
    referrerCredits: settings.enabled ? settings.referrerCredits : 0,
    rewarded: count("REWARDED"),
    pending: count("PENDING"),
  };
}
