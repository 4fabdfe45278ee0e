import "server-only";
import type Stripe from "stripe";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { stripeId } from "@/lib/stripe/ids";
import { grantCredits } from "../credits/grant-credits";
import { queueReceipts } from "../mail/queue-receipts";
import { confirmRedemption } from "../promotions/settle-redemption";
import { rewardReferral } from "../referrals/reward-referral";

export type FulfilmentResult = { status: "credited" | "pending" | "not_ours"; paymentId?: string; credits?: number; balance?: number };

/** The ledger key of a checkout's credits: every path that may fulfil it (both webhook events, the success page) uses it, so credits land once. */
export const checkoutLedgerKey = (sessionId: string) => `stripe:checkout:${sessionId}`;

/**
 * Grants a paid one-time Checkout Session's credits to the workspace that started it, exactly
 * once, and marks its payment succeeded. A session not yet paid (an asynchronous method) stays
 * pending; a session this app did not create is left alone. Takes the payment row's lock, so two
 * paths fulfilling at once serialise.
 */
export async function fulfilCheckoutSession(db: Db, session: Stripe.Checkout.Session, clock: Clock = systemClock): Promise<FulfilmentResult> {
  if (session.mode !== "payment") return { status: "not_ours" };
  return inTransaction(db, async (tx) => {
    const payment = await tx.payment.findUnique({ where: { stripeCheckoutSessionId: session.id } });
    if (!payment) return { status: "not_ours" };
    await tx.$queryRaw`SELECT id FROM payments WHERE id = ${payment.id}::uuid FOR UPDATE`;
    if (session.payment_status === "unpaid") return { status: "pending", paymentId: payment.id };
    const credits = payment.credits + payment.bonusCredits;
    const granted = await grantCredits(
      tx,
      {
        workspaceId: payment.workspaceId,
        type: "PURCHASE",
        credits,
        idempotencyKey: checkoutLedgerKey(session.id),
        actor: { type: "STRIPE" },
        reference: { type: "stripe_checkout_session", id: session.id },
        description: `${credits.toLocaleString("en-US")} credits purchased`,
      },
      clock,
    );
    const amountCents = session.amount_total ?? payment.amountCents;
    // A promotion reserved with this payment is confirmed; its bonus credits are their own entry.
    await confirmRedemption(tx, { paymentId: payment.id }, checkoutLedgerKey(session.id), clock);
    await tx.payment.update({
      where: { id: payment.id },
      data: { status: "SUCCEEDED", paidAt: payment.paidAt ?? clock.now(), ledgerEntryId: granted.entryId, stripePaymentIntentId: stripeId(session.payment_intent), amountCents },
    });
    // One receipt per payment: a replayed grant (the other webhook, the success page) sends none.
    if (!granted.replayed) await queueReceipts(tx, { workspaceId: payment.workspaceId, description: `${credits.toLocaleString("en-US")} credits`, credits, amountCents, currency: payment.currency });
    // A referred workspace's first payment rewards its referral (once).
    await rewardReferral(tx, { workspaceId: payment.workspaceId, paymentId: payment.id }, clock);
    return { status: "credited", paymentId: payment.id, credits, balance: granted.balance };
  });
}
