import "server-only";
import type { Prisma } from "@/lib/db";

/**
 * Links a new workspace to the workspace whose referral code brought it, as a pending referral
 * (rewarded at its first payment, rewardReferral). Unknown codes are ignored. A person referring
 * themselves — the new user already belongs to the referrer's workspace — is recorded as
 * rejected, so it is visible and never rewarded. Run in the sign-up's transaction.
 */
export async function recordReferral(tx: Prisma.TransactionClient, input: { code: string; referredWorkspaceId: string; referredUserId: string }) {
  const referrer = await tx.workspace.findUnique({ where: { referralCode: input.code.trim().toUpperCase() }, select: { id: true } });
  if (!referrer || referrer.id === input.referredWorkspaceId) return null;
  const selfReferral = await tx.membership.findFirst({ where: { workspaceId: referrer.id, userId: input.referredUserId }, select: { id: true } });
  return tx.referral.create({
    data: {
      referrerWorkspaceId: referrer.id,
      referredWorkspaceId: input.referredWorkspaceId,
      referredUserId: input.referredUserId,
      ...(selfReferral ? { status: "REJECTED" as const, rejectReason: "self-referral" } : {}),
    },
  });
}
