import "server-only";
import type Stripe from "stripe";
import { systemClock, type Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { stripeId } from "@/lib/stripe/ids";
import { grantCredits } from "../credits/grant-credits";
import { syncSubscription } from "./sync-subscription";

/** The ledger key of a paid subscription invoice: one grant per invoice, whichever path finds it. */
export const invoiceLedgerKey = (invoiceId: string) => `stripe:invoice:${invoiceId}`;

// A plan's credits come with the invoices that open a period. A mid-period plan change's proration
// invoice does not grant a period's credits.
const PERIOD_INVOICES: ReadonlySet<string> = new Set(["subscription_create", "subscription_cycle"]);

/** Whether a paid invoice is owed a period's plan credits: a subscription's opening or renewal invoice. */
export function grantsPlanCredits(invoice: Stripe.Invoice): boolean {
  return invoice.status === "paid" && PERIOD_INVOICES.has(invoice.billing_reason ?? "") && Boolean(invoice.parent?.subscription_details?.subscription);
}

/**
 * Grants the credits a paid subscription invoice bought: the plan of the invoice's line, for the
 * line's period, expiring at the period's end unless the plan rolls credits over. Exactly once per
 * invoice (its ledger key), and the payment is recorded with it. Reads the subscription from Stripe
 * first, so an `invoice.paid` that arrives before `customer.subscription.created` still finds it.
 * Run in the caller's transaction; no Stripe call happens while the wallet is locked.
 */
export async function fulfilInvoice(tx: Prisma.TransactionClient, stripe: Stripe, invoice: Stripe.Invoice, clock: Clock = systemClock) {
  if (!grantsPlanCredits(invoice)) return null;
  const subscriptionId = stripeId(invoice.parent?.subscription_details?.subscription)!;
  // Both reads from Stripe first: the grant below locks the wallet, and a lock held across a
  // network call would stall the workspace's usage for as long as Stripe takes to answer.
  const [current, paymentIntentId] = await Promise.all([stripe.subscriptions.retrieve(subscriptionId), invoicePaymentIntent(stripe, invoice.id)]);
  const subscription = await syncSubscription(tx, current, clock.now());
  if (!subscription) return null;
  const line = invoice.lines.data.find((candidate) => candidate.parent?.subscription_item_details);
  const priceId = stripeId(line?.pricing?.price_details?.price);
  const plan = priceId ? await tx.creditPackage.findFirst({ where: { stripePriceId: priceId } }) : null;
  if (!line || !plan) throw new Error(`Invoice ${invoice.id} pays for no known plan (price ${priceId})`);

  const granted = await grantCredits(
    tx,
    {
      workspaceId: subscription.workspaceId,
      type: "SUBSCRIPTION_GRANT",
      credits: plan.credits,
      expiresAt: plan.rolloverCredits ? null : new Date(line.period.end * 1000),
      idempotencyKey: invoiceLedgerKey(invoice.id),
      actor: { type: "STRIPE" },
      reference: { type: "stripe_invoice", id: invoice.id },
      description: `${plan.name} plan credits`,
    },
    clock,
  );
  const paid = {
    status: "SUCCEEDED" as const,
    amountCents: invoice.amount_paid,
    currency: invoice.currency,
    credits: plan.credits,
    ledgerEntryId: granted.entryId,
    paidAt: new Date((invoice.status_transitions.paid_at ?? invoice.created) * 1000),
    stripePaymentIntentId: paymentIntentId,
    failureMessage: null,
  };
  await tx.payment.upsert({
    where: { stripeInvoiceId: invoice.id },
    create: { workspaceId: subscription.workspaceId, packageId: plan.id, subscriptionId: subscription.id, interval: "MONTH", stripeInvoiceId: invoice.id, ...paid },
    update: paid,
  });
  return granted;
}

/** The PaymentIntent that paid an invoice (invoices no longer name it; their payments do), for refunds to find the payment. */
async function invoicePaymentIntent(stripe: Stripe, invoiceId: string): Promise<string | null> {
  const payments = await stripe.invoicePayments.list({ invoice: invoiceId, limit: 10 });
  const paid = payments.data.find((payment) => payment.status === "paid") ?? payments.data[0];
  return stripeId(paid?.payment.payment_intent);
}
