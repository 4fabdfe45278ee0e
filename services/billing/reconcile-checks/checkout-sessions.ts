import "server-only";
import type Stripe from "stripe";
import type { PaymentFinding } from "@/types/billing-admin";
import { checkoutLedgerKey, fulfilCheckoutSession } from "../fulfil-checkout-session";
import { createdSince, errorMessage, inBatches, type ReconcileCheck, type ReconcileContext } from "./check";

/** Paid one-time Checkout Sessions created since `since`, newest first. */
async function* paidCheckoutSessions(ctx: ReconcileContext): AsyncGenerator<Stripe.Checkout.Session> {
  const gte = createdSince(ctx.since);
  // Stripe honours `created`; the emulator ignores it. The list is newest first either way, so
  // the first older session ends the walk.
  for await (const session of ctx.stripe.checkout.sessions.list({ created: { gte }, status: "complete", limit: 100 })) {
    if (session.created < gte) return;
    // Same rule as fulfilCheckoutSession: anything but `unpaid` is owed its credits.
    if (session.mode === "payment" && session.payment_status !== "unpaid") yield session;
  }
}

/**
 * Each paid one-time checkout should have exactly one ledger entry under its key, in the paying
 * workspace. Missing: repaired by fulfilCheckoutSession (idempotent under the same key the
 * webhook uses, so a repair racing a late webhook still grants once). More than one (across
 * wallets): reported, never touched. Paid with no payment row here: reported as unknown.
 */
export const checkCheckoutSessions: ReconcileCheck = async (ctx, report) => {
  for await (const sessions of inBatches(paidCheckoutSessions(ctx))) {
    report.checkedPayments += sessions.length;
    const payments = await ctx.db.payment.findMany({
      where: { stripeCheckoutSessionId: { in: sessions.map((session) => session.id) } },
      select: { id: true, workspaceId: true, credits: true, bonusCredits: true, stripeCheckoutSessionId: true },
    });
    // Deliberately not scoped to one wallet: a grant landing in a second wallet is what the
    // duplicate check is for. No index leads with idempotency_key (each index on this table is
    // paid by every usage insert), so this reads the table once per batch of 100 sessions.
    const entries = await ctx.db.ledgerEntry.findMany({
      where: { idempotencyKey: { in: sessions.map((session) => checkoutLedgerKey(session.id)) } },
      select: { idempotencyKey: true, workspaceId: true },
    });
    for (const session of sessions) {
      const payment = payments.find((row) => row.stripeCheckoutSessionId === session.id);
      const credited = entries.filter((entry) => entry.idempotencyKey === checkoutLedgerKey(session.id));
      const finding: PaymentFinding = {
        kind: "checkout_session",
        stripeId: session.id,
        paymentId: payment?.id ?? null,
        workspaceId: payment?.workspaceId ?? null,
        amountCents: session.amount_total,
        currency: session.currency,
        credits: payment ? payment.credits + payment.bonusCredits : null,
        ledgerEntries: credited.length,
        error: null,
      };
      if (!payment) {
        report.unknown.push(finding);
        continue;
      }
      if (credited.length > 1) report.duplicated.push(finding);
      if (credited.some((entry) => entry.workspaceId === payment.workspaceId)) continue;
      report.missingBefore.push(finding);
      if (!ctx.repair) continue;
      // One session that cannot be credited (a wallet at its balance limit) must not stop the others.
      try {
        if ((await fulfilCheckoutSession(ctx.db, session, ctx.clock)).status === "credited") report.repaired.push({ ...finding, ledgerEntries: credited.length + 1 });
      } catch (error) {
        finding.error = errorMessage(error);
      }
    }
  }
};
