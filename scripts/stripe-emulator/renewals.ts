import { GENERIC_DECLINE } from "./cards";
import { settleDueBankDebits } from "./checkout-bank-debit";
import { expireCheckoutSession } from "./checkout-sessions";
import type { EmulatorContext } from "./context";
import { activeDiscounts, remainingDiscounts } from "./discounts";
import { cardError, invalidRequest } from "./errors";
import { createInvoice, finalizeInvoice, getInvoice, markUncollectible, payInvoice, subscriptionItemLine, voidInvoice } from "./invoices";
import type { InvoiceObject, SubscriptionObject } from "./objects";
import type { ApiRoute } from "./router";
import { endSubscription, getSubscription, periodEnd, saveSubscription } from "./subscriptions";

/** Charges an invoice to the customer's saved card, honouring a card set to fail. */
function chargeSavedCard(ctx: EmulatorContext, customer: string, invoice: InvoiceObject): InvoiceObject {
  const saved = ctx.state.savedCards.get(customer);
  if (!saved) return payInvoice(ctx, invoice, { brand: "visa", last4: "0000", expMonth: 12, expYear: 2099 }, { ...GENERIC_DECLINE, message: "The customer has no saved card." });
  return payInvoice(ctx, invoice, saved.card, saved.behavior === "decline" ? GENERIC_DECLINE : undefined);
}

/**
 * Starts the next period: a `subscription_cycle` invoice for the new period (plus pending
 * prorations), then per `pause_collection` left as draft, voided or marked uncollectible, otherwise
 * charged to the saved card — paid keeps (or makes) the subscription active, a failure makes it past_due.
 */
function renew(ctx: EmulatorContext, before: SubscriptionObject): SubscriptionObject {
  const first = before.items.data[0];
  if (!first) return before;
  const start = first.current_period_end;
  const items = before.items.data.map((item) => ({ ...item, current_period_start: start, current_period_end: periodEnd(item.price, start) }));
  const customer = String(before.customer);
  const pending = ctx.state.pendingProrations.get(before.id) ?? [];
  ctx.state.pendingProrations.delete(before.id);
  const draft = createInvoice(ctx, {
    customer,
    subscription: before.id,
    subscriptionMetadata: before.metadata,
    billingReason: "subscription_cycle",
    period: { start: first.current_period_start, end: start },
    lines: [
      ...pending,
      ...items.map((item) => subscriptionItemLine(ctx, item)),
    ],
    // As of the period boundary, when Stripe would have made the invoice (time may have jumped past it).
    discounts: activeDiscounts(ctx, before.discounts, start),
  });
  let invoice: InvoiceObject = draft;
  let status = before.status;
  const pause = before.pause_collection?.behavior;
  if (pause === "void") invoice = voidInvoice(ctx, finalizeInvoice(ctx, draft));
  else if (pause === "mark_uncollectible") invoice = markUncollectible(ctx, finalizeInvoice(ctx, draft));
  else if (pause !== "keep_as_draft") {
    invoice = chargeSavedCard(ctx, customer, finalizeInvoice(ctx, draft));
    status = invoice.status === "paid" ? "active" : "past_due";
  }
  const current = getSubscription(ctx, before.id);
  const discounts = remainingDiscounts(ctx, current.discounts, start);
  return saveSubscription(ctx, current, { ...current, status, items: { ...current.items, data: items }, latest_invoice: invoice.id, discounts });
}

/**
 * Brings the world up to the clock: banks answer the debits due, expired checkout sessions expire, paused collection resumes
 * at `resumes_at`, subscriptions past their period end renew (repeatedly, if time jumped several
 * periods) or, when set to cancel at period end, end at that moment.
 */
export function runDueWork(ctx: EmulatorContext) {
  const now = ctx.clock.now();
  settleDueBankDebits(ctx);
  for (const session of [...ctx.state.checkoutSessions.values()]) {
    if (session.status === "open" && session.expires_at <= now) expireCheckoutSession(ctx, session.id);
  }
  for (const { id } of [...ctx.state.subscriptions.values()]) {
    for (let guard = 0; guard < 1000; guard++) {
      const current = getSubscription(ctx, id);
      if (!["active", "past_due", "trialing", "unpaid"].includes(current.status)) break;
      const resumesAt = current.pause_collection?.resumes_at;
      const periodEndsAt = current.items.data[0]?.current_period_end ?? Infinity;
      if (resumesAt && resumesAt <= now && resumesAt <= periodEndsAt) {
        saveSubscription(ctx, current, { ...current, pause_collection: null });
        continue;
      }
      if (periodEndsAt > now) break;
      if (current.cancel_at_period_end) {
        endSubscription(ctx, current, "cancellation_requested", periodEndsAt);
        break;
      }
      renew(ctx, current);
    }
  }
}

/** `POST /v1/invoices/:id/pay`: retries an open invoice with the saved card; a paid retry reactivates a past_due subscription. */
export const invoicePayRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/v1/invoices/:id/pay",
    handler: (ctx, { path }) => {
      const invoice = getInvoice(ctx, path.id as string);
      if (invoice.status !== "open") throw invalidRequest(`Invoice is already ${invoice.status}.`, "invoice", "invoice_not_open");
      const paid = chargeSavedCard(ctx, String(invoice.customer), invoice);
      const subscriptionId = paid.parent?.subscription_details?.subscription;
      if (paid.status === "paid" && typeof subscriptionId === "string") {
        const subscription = getSubscription(ctx, subscriptionId);
        if (subscription.status === "past_due" && subscription.latest_invoice === paid.id) saveSubscription(ctx, subscription, { ...subscription, status: "active" });
      }
      if (paid.status !== "paid") throw cardError(GENERIC_DECLINE.code, GENERIC_DECLINE.declineCode, GENERIC_DECLINE.message);
      return paid;
    },
  },
];
