import "server-only";
import type Stripe from "stripe";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db, Prisma } from "@/lib/db";
import { stripeId } from "@/lib/stripe/ids";
import { plansByStripePrice } from "../catalog/plans-by-price";
import { capRolledOverCredits } from "../credits/cap-rolled-over-credits";
import { grantCredits } from "../credits/grant-credits";
import { queueReceipts } from "../mail/queue-receipts";
import { redemptionIdIn } from "../promotions/redemption-metadata";
import { confirmRedemption } from "../promotions/settle-redemption";
import { rewardReferral } from "../referrals/reward-referral";
import { readSubscription, syncSubscription, type SubscriptionRead } from "./sync-subscription";

/** The ledger key of a paid subscription invoice: one grant per invoice, whichever path finds it. */
export const invoiceLedgerKey = (invoiceId: string) => `stripe:invoice:${invoiceId}`;

// Invoices that open or renew a period grant the plan's credits for it; a mid-period upgrade's
// invoice (`subscription_update`, only prorations) grants the difference for the rest of it.
const PERIOD_INVOICES: ReadonlySet<string> = new Set(["subscription_create", "subscription_cycle"]);
const CREDITING_INVOICES: ReadonlySet<string> = new Set([...PERIOD_INVOICES, "subscription_update"]);

type Plan = { id: string; name: string; credits: number; priceCents: number; rolloverCredits: boolean; rolloverCapCredits: number | null };
type InvoiceLine = Stripe.InvoiceLineItem;

/** What a paid invoice bought: credits of a plan, for a period that ends at `periodEnd`; `opensPeriod` unless an upgrade. */
export type InvoiceCredits = { plan: Plan; credits: number; periodEnd: Date; opensPeriod: boolean };

/** Whether a paid invoice may carry plan credits (cheap, from the invoice alone): a subscription's opening, renewal or upgrade. */
export function mayGrantPlanCredits(invoice: Stripe.Invoice): boolean {
  return invoice.status === "paid" && CREDITING_INVOICES.has(invoice.billing_reason ?? "") && Boolean(invoice.parent?.subscription_details?.subscription);
}

const itemLines = (invoice: Stripe.Invoice) => invoice.lines.data.filter((line) => line.parent?.subscription_item_details);
const linePrice = (line: InvoiceLine) => stripeId(line.pricing?.price_details?.price);

/**
 * The plan credits a paid invoice bought. A period invoice: its plan's credits. An upgrade: each
 * proration line's share of its plan's credits, by the share of the plan's price it bills (the
 * unused time on the old plan counts negative), rounded down, so 19 days left of a 30-day
 * period on a plan of 550 credits, after one of 200, grant ⌊(550 − 200) × 19/30⌋. Null when it
 * bought none. Throws for an invoice whose price is no plan here.
 */
export async function invoiceCredits(db: Db, invoice: Stripe.Invoice): Promise<InvoiceCredits | null> {
  if (!mayGrantPlanCredits(invoice)) return null;
  const period = PERIOD_INVOICES.has(invoice.billing_reason ?? "");
  const lines = itemLines(invoice).filter((line) => line.parent!.subscription_item_details!.proration !== period);
  const prices = [...new Set(lines.map(linePrice))];
  // By any version's Price: a subscriber kept on an older Price is billed, and credited, by it.
  const plans = await plansByStripePrice(db, prices.filter((price) => price !== null));
  const planOf = (line: InvoiceLine) => plans.get(linePrice(line) ?? "");
  const unknown = lines.find((line) => !planOf(line));
  if (lines.length === 0 || unknown) throw new Error(`Invoice ${invoice.id} pays for no known plan (price ${unknown ? linePrice(unknown) : "none"})`);

  // The plan the period (or the rest of it) is on: the line billing forward.
  const current = lines.find((line) => line.amount > 0) ?? lines[0]!;
  const plan = planOf(current)!;
  const credits = period ? plan.credits : proratedCredits(lines.map((line) => ({ amountCents: line.amount, plan: planOf(line)! })));
  return credits > 0 ? { plan, credits, periodEnd: new Date(current.period.end * 1000), opensPeriod: period } : null;
}

/**
 * The plan credits proration lines pay for: each line's share of its plan's credits by the share of
 * the plan's price it bills (unused time counts negative), summed and rounded down. The upgrade
 * preview uses it too, so the credits it promises are the credits the paid invoice grants.
 */
export function proratedCredits(lines: { amountCents: number; plan: { credits: number; priceCents: number } }[]): number {
  return Math.floor(lines.reduce((sum, line) => sum + (line.plan.credits * line.amountCents) / line.plan.priceCents, 0));
}

/** What fulfilling a paid invoice reads from Stripe, before the transaction: the subscription now, and the PaymentIntent that paid. */
export type InvoiceReads = { subscription: SubscriptionRead; paymentIntentId: string | null };

/** Null for an invoice that can carry no plan credits (nothing to read). */
export async function readInvoiceFulfilment(stripe: Stripe, invoice: Stripe.Invoice): Promise<InvoiceReads | null> {
  if (!mayGrantPlanCredits(invoice)) return null;
  const subscriptionId = stripeId(invoice.parent?.subscription_details?.subscription)!;
  const [subscription, paymentIntentId] = await Promise.all([readSubscription(stripe, subscriptionId), invoicePaymentIntent(stripe, invoice.id)]);
  return { subscription, paymentIntentId };
}

/**
 * Grants the credits a paid subscription invoice bought (invoiceCredits), expiring at the end of
 * the period it pays for unless the plan rolls credits over; then, as a period opens, unused plan
 * credits beyond the plan's cap are written off first (capRolledOverCredits). Exactly once per invoice (its ledger
 * key), and the payment is recorded with it. Brings the subscription up to date from `reads`
 * first, so an `invoice.paid` that arrives before `customer.subscription.created` still finds it.
 * Run in the caller's transaction.
 */
export async function fulfilInvoice(tx: Prisma.TransactionClient, invoice: Stripe.Invoice, reads: InvoiceReads | null, clock: Clock = systemClock) {
  if (!reads) return null;
  const subscription = await syncSubscription(tx, reads.subscription);
  const bought = subscription ? await invoiceCredits(tx, invoice) : null;
  if (!subscription || !bought) return null;

  const key = invoiceLedgerKey(invoice.id);
  const cap = bought.plan.rolloverCredits && bought.opensPeriod ? bought.plan.rolloverCapCredits : null;
  if (cap !== null) {
    await capRolledOverCredits(tx, { workspaceId: subscription.workspaceId, capCredits: cap, keyPrefix: `${key}:rollover`, periodGrantKey: key }, clock);
  }
  const granted = await grantCredits(
    tx,
    {
      workspaceId: subscription.workspaceId,
      type: "SUBSCRIPTION_GRANT",
      credits: bought.credits,
      expiresAt: bought.plan.rolloverCredits ? null : bought.periodEnd,
      idempotencyKey: key,
      actor: { type: "STRIPE" },
      reference: { type: "stripe_invoice", id: invoice.id },
      description: invoice.billing_reason === "subscription_update" ? `${bought.plan.name} plan upgrade credits (prorated)` : `${bought.plan.name} plan credits`,
    },
    clock,
  );
  const paid = {
    status: "SUCCEEDED" as const,
    amountCents: invoice.amount_paid,
    currency: invoice.currency,
    credits: bought.credits,
    ledgerEntryId: granted.entryId,
    paidAt: new Date((invoice.status_transitions.paid_at ?? invoice.created) * 1000),
    stripePaymentIntentId: reads.paymentIntentId,
    failureMessage: null,
  };
  const payment = await tx.payment.upsert({
    where: { stripeInvoiceId: invoice.id },
    create: { workspaceId: subscription.workspaceId, packageId: bought.plan.id, subscriptionId: subscription.id, interval: "MONTH", stripeInvoiceId: invoice.id, ...paid },
    update: paid,
    select: { id: true },
  });
  if (!granted.replayed) {
    await queueReceipts(tx, { workspaceId: subscription.workspaceId, description: `the ${bought.plan.name} plan`, credits: bought.credits, amountCents: invoice.amount_paid, currency: invoice.currency });
  }
  // The promotion the plan was bought with (its percent off is already in the amount paid):
  // confirmed, and its bonus credits granted as their own entry, once.
  const redemptionId = invoice.billing_reason === "subscription_create" ? redemptionIdIn(invoice.parent?.subscription_details?.metadata) : null;
  if (redemptionId) await confirmRedemption(tx, { redemptionId, workspaceId: subscription.workspaceId, paidBy: payment.id }, key, clock);
  // A referred workspace's first payment rewards its referral (once).
  await rewardReferral(tx, { workspaceId: subscription.workspaceId, paymentId: payment.id }, clock);
  return granted;
}

/** The PaymentIntent that paid an invoice (invoices no longer name it; their payments do), for refunds to find the payment. */
async function invoicePaymentIntent(stripe: Stripe, invoiceId: string): Promise<string | null> {
  const payments = await stripe.invoicePayments.list({ invoice: invoiceId, limit: 10 });
  const paid = payments.data.find((payment) => payment.status === "paid") ?? payments.data[0];
  return stripeId(paid?.payment.payment_intent);
}
