import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { grantCredits } from "../credits/grant-credits";

const DAY_MS = 86_400_000;

/**
 * Which redemption: a pack's by its payment, or by id — a plan's is named in its subscription's
 * metadata, checked against the workspace that paid, and linked to the paying invoice's payment
 * (`paidBy`) when confirmed, so a refund of that payment finds its bonus — or by Checkout Session.
 */
type Which = { paymentId: string } | { redemptionId: string; workspaceId?: string; paidBy?: string } | { stripeCheckoutSessionId: string };
const where = (which: Which) =>
  "paymentId" in which
    ? { paymentId: which.paymentId }
    : "redemptionId" in which
      ? { id: which.redemptionId, ...(which.workspaceId ? { workspaceId: which.workspaceId } : {}) }
      : { stripeCheckoutSessionId: which.stripeCheckoutSessionId };

/**
 * Confirms the redemption reserved for a paid purchase and grants its bonus credits as their own
 * PROMO_BONUS entry (expiring `bonusExpiresDays` after payment, if set), keyed `<ledgerKey>:promo`
 * so every path that fulfils the payment grants them once. A redemption already confirmed is left
 * as it is; one released (its checkout expired first, yet it was paid) is taken back into the
 * counts, since the customer paid the promotional price. Returns the bonus entry, if any.
 */
export async function confirmRedemption(tx: Prisma.TransactionClient, which: Which, ledgerKey: string, clock: Clock = systemClock) {
  const found = await tx.promotionRedemption.findFirst({ where: where(which), select: { id: true, promotionId: true } });
  if (!found) return null;
  await tx.$queryRaw`SELECT id FROM promotions WHERE id = ${found.promotionId}::uuid FOR UPDATE`;
  const redemption = await tx.promotionRedemption.findUniqueOrThrow({ where: { id: found.id }, include: { promotion: true } });
  if (redemption.status === "CONFIRMED") return null;
  if (redemption.status === "RELEASED") {
    await tx.promotion.update({ where: { id: redemption.promotionId }, data: { redemptionCount: { increment: 1 }, budgetUsedCredits: { increment: redemption.bonusCredits } } });
  }
  const now = clock.now();
  let entryId: string | null = null;
  if (redemption.bonusCredits > 0) {
    const days = redemption.promotion.bonusExpiresDays;
    const granted = await grantCredits(
      tx,
      {
        workspaceId: redemption.workspaceId,
        type: "PROMO_BONUS",
        credits: redemption.bonusCredits,
        expiresAt: days ? new Date(now.getTime() + days * DAY_MS) : null,
        idempotencyKey: `${ledgerKey}:promo`,
        actor: { type: "STRIPE" },
        reference: { type: "promotion_redemption", id: redemption.id },
        description: `Promotion “${redemption.promotion.name}”: bonus credits`,
      },
      clock,
    );
    entryId = granted.entryId;
  }
  const paidBy = "paidBy" in which && !redemption.paymentId ? { paymentId: which.paidBy } : {};
  await tx.promotionRedemption.update({ where: { id: redemption.id }, data: { status: "CONFIRMED", confirmedAt: now, releasedAt: null, ledgerEntryId: entryId, ...paidBy } });
  return entryId;
}

/**
 * Gives a reserved redemption back to the promotion's limits: its checkout expired or its payment
 * failed. Only a reservation: a confirmed redemption stays (a late `expired` never undoes a
 * payment). Idempotent.
 */
export async function releaseRedemption(tx: Prisma.TransactionClient, which: Which, clock: Clock = systemClock): Promise<boolean> {
  const found = await tx.promotionRedemption.findFirst({ where: where(which), select: { id: true, promotionId: true } });
  if (!found) return false;
  await tx.$queryRaw`SELECT id FROM promotions WHERE id = ${found.promotionId}::uuid FOR UPDATE`;
  const released = await tx.promotionRedemption.updateMany({ where: { id: found.id, status: "RESERVED" }, data: { status: "RELEASED", releasedAt: clock.now() } });
  if (released.count === 0) return false;
  const { bonusCredits } = await tx.promotionRedemption.findUniqueOrThrow({ where: { id: found.id }, select: { bonusCredits: true } });
  await tx.promotion.update({ where: { id: found.promotionId }, data: { redemptionCount: { decrement: 1 }, budgetUsedCredits: { decrement: bonusCredits } } });
  return true;
}
