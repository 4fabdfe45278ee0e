import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { grantCredits } from "../credits/grant-credits";
import { getReferralSettings } from "./referral-settings";

/**
 * Rewards the referral of a workspace that has just paid: the first payment turns its pending
 * referral into a rewarded one, granting both workspaces their bonus credits as PROMO_BONUS
 * entries (amounts from the referral settings in force). Once: the referral row is locked and
 * must still be pending, and the grants are keyed by the referral, so a webhook delivered again
 * (or two fulfilment paths at once) grants nothing more.
 *
 * Abuse limits: a workspace that shares a member with its referrer (the same person on both
 * sides) is rejected; the referrer is credited at most `maxRewardsPerReferrerPerMonth` times a
 * calendar month (UTC) — past it, only the new workspace gets its bonus. Rewards of one referrer
 * are serialised on its workspace row, so the monthly cap holds under concurrent payments.
 * The referral keeps the payment that earned it: refunding that payment in full takes the bonuses
 * back (settlePaymentClawback). Run in the transaction that records the payment.
 */
export async function rewardReferral(tx: Prisma.TransactionClient, input: { workspaceId: string; paymentId: string }, clock: Clock = systemClock) {
  const pending = await tx.referral.findUnique({ where: { referredWorkspaceId: input.workspaceId }, select: { id: true, status: true, referrerWorkspaceId: true } });
  if (!pending || pending.status !== "PENDING") return null;
  await tx.$queryRaw`SELECT id FROM workspaces WHERE id = ${pending.referrerWorkspaceId}::uuid FOR UPDATE`;
  const [referral] = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT id, status::text AS status FROM referrals WHERE id = ${pending.id}::uuid FOR UPDATE`;
  if (referral?.status !== "PENDING") return null;

  const now = clock.now();
  const { settings } = await getReferralSettings(tx);
  if (!settings.enabled) return null;
  const shared = await tx.membership.findFirst({
    where: { workspaceId: input.workspaceId, user: { memberships: { some: { workspaceId: pending.referrerWorkspaceId } } } },
    select: { id: true },
  });
  if (shared) {
    return tx.referral.update({ where: { id: pending.id }, data: { status: "REJECTED", rejectReason: "same person on both workspaces" } });
  }
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const rewardedThisMonth = await tx.referral.count({
    where: { referrerWorkspaceId: pending.referrerWorkspaceId, status: "REWARDED", referrerCredits: { gt: 0 }, rewardedAt: { gte: monthStart } },
  });
  const referrerCredits = rewardedThisMonth < settings.maxRewardsPerReferrerPerMonth ? settings.referrerCredits : 0;
  const grant = (workspaceId: string, credits: number, side: string, description: string) =>
    credits > 0
      ? grantCredits(
          tx,
          { workspaceId, type: "PROMO_BONUS", credits, idempotencyKey: `referral:${pending.id}:${side}`, actor: { type: "SYSTEM" }, reference: { type: "referral", id: pending.id }, description },
          clock,
        )
      : null;
  await grant(input.workspaceId, settings.referredCredits, "referred", "Referral bonus: welcome credits");
  await grant(pending.referrerWorkspaceId, referrerCredits, "referrer", "Referral bonus: a workspace you referred made its first payment");
  return tx.referral.update({
    where: { id: pending.id },
    data: {
      status: "REWARDED",
      paymentId: input.paymentId,
      rewardedAt: now,
      referrerCredits,
      referredCredits: settings.referredCredits,
      rejectReason: referrerCredits === 0 && settings.referrerCredits > 0 ? "referrer monthly cap reached: only the new workspace was credited" : null,
    },
  });
}
