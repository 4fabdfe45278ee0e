import type { EmulatorContext } from "./context";
import { activeDiscounts } from "./discounts";
import { invalidRequest } from "./errors";
import type { ParamObject } from "./form-body";
import { newId } from "./ids";
import { buildInvoice, subscriptionItemLine, type InvoiceLineSpec } from "./invoices";
import type { InvoiceObject, SubscriptionItemObject } from "./objects";
import { optionalArray, optionalObject, optionalString, requiredString } from "./params";
import { planFromPrice } from "./prices";
import type { ApiRoute } from "./router";
import { itemChange, prorationBehavior, prorationDate, prorations } from "./subscription-update";
import { getSubscription, periodEnd } from "./subscriptions";

/**
 * `POST /v1/invoices/create_preview` for a subscription (`subscription`, optional
 * `subscription_details[items][0][id|price|quantity]`, `[proration_behavior]`, `[proration_date]`).
 * Nothing is stored or emitted. The answer is the invoice the same change would produce, built by
 * the same functions the update and the renewal use:
 * - a change with `always_invoice`: the `subscription_update` invoice billed at once (prorations only);
 * - otherwise: the next renewal's invoice (pending prorations, this change's if `create_prorations`,
 *   and the next period at the new price), `billing_reason: "upcoming"`.
 * `parent.subscription_details.subscription_proration_date` says when prorations were computed:
 * send it as the update's `proration_date` and the invoice matches the preview to the cent.
 */
function previewInvoice(ctx: EmulatorContext, p: ParamObject): InvoiceObject {
  if (!optionalString(p, "subscription")) {
    requiredString(p, "customer");
    throw invalidRequest("The emulator previews subscription invoices only: pass `subscription`.", "subscription");
  }
  const subscription = getSubscription(ctx, requiredString(p, "subscription"), "subscription");
  if (subscription.status === "canceled") throw invalidRequest("No upcoming invoices for a canceled subscription.", "subscription", "invoice_upcoming_none");
  const details = optionalObject(p, "subscription_details") ?? {};
  const behavior = prorationBehavior(details, "subscription_details[proration_behavior]");
  const current = subscription.items.data[0] as SubscriptionItemObject;
  const changed = itemChange(ctx, current, optionalArray(details, "items", "subscription_details[items]"), "subscription_details[items]");
  const at = prorationDate(ctx, current, details, "subscription_details[proration_date]");
  const changeLines: InvoiceLineSpec[] = changed && behavior !== "none" ? prorations(ctx, current, changed.price, changed.quantity, at) : [];
  const base = { customer: String(subscription.customer), subscription: subscription.id, subscriptionMetadata: subscription.metadata };
  const id = `upcoming_${newId("in")}`;

  let invoice: InvoiceObject;
  if (changed && behavior === "always_invoice") {
    invoice = buildInvoice(ctx, { ...base, billingReason: "subscription_update", lines: changeLines, period: { start: at, end: at } }, id);
  } else {
    // The renewal as renewals.ts bills it: pending prorations, then each item for its next period.
    const items = subscription.items.data.map((item, index) => {
      const priced = index === 0 && changed ? { ...item, price: changed.price, plan: planFromPrice(changed.price), quantity: changed.quantity } : item;
      const start = item.current_period_end;
      return { ...priced, current_period_start: start, current_period_end: periodEnd(priced.price, start) };
    });
    const pending = ctx.state.pendingProrations.get(subscription.id) ?? [];
    const lines = [...pending, ...(behavior === "create_prorations" ? changeLines : []), ...items.map((item) => subscriptionItemLine(ctx, item))];
    const discounts = activeDiscounts(ctx, subscription.discounts, current.current_period_end);
    invoice = buildInvoice(ctx, { ...base, billingReason: "subscription_cycle", lines, period: { start: current.current_period_start, end: current.current_period_end }, discounts }, id);
    invoice = { ...invoice, billing_reason: "upcoming", created: current.current_period_end, next_payment_attempt: current.current_period_end };
  }
  return {
    ...invoice,
    hosted_invoice_url: null,
    webhooks_delivered_at: null,
    parent: { type: "subscription_details", quote_details: null, subscription_details: { metadata: subscription.metadata, subscription: subscription.id, subscription_proration_date: at } },
  };
}

export const invoicePreviewRoutes: ApiRoute[] = [{ method: "POST", path: "/v1/invoices/create_preview", handler: (ctx, { params }) => previewInvoice(ctx, params) }];
