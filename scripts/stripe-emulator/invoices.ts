import type { CardDetails } from "./cards";
import type { EmulatorContext } from "./context";
import { allocateDiscounts, type DiscountAmount } from "./discounts";
import { invalidRequest, resourceMissing } from "./errors";
import { emitUpdated } from "./events";
import { newId } from "./ids";
import { fullList, paginate } from "./list";
import type { DiscountObject, InvoiceLineObject, InvoiceObject, InvoicePaymentObject, PriceObject, SubscriptionItemObject } from "./objects";
import { optionalString } from "./params";
import { chargeCard, type PaymentFailure } from "./payments";
import type { ApiRoute } from "./router";

export type InvoiceLineSpec = {
  price: PriceObject;
  quantity: number;
  amount: number;
  description: string;
  period: { start: number; end: number };
  subscriptionItem: string;
  proration: boolean;
};

/** The line that bills a subscription item for its current period (not a proration). */
export function subscriptionItemLine(ctx: EmulatorContext, item: SubscriptionItemObject): InvoiceLineSpec {
  const quantity = item.quantity ?? 1;
  return {
    price: item.price,
    quantity,
    amount: (item.price.unit_amount ?? 0) * quantity,
    description: `${quantity} × ${ctx.state.products.get(String(item.price.product))?.name ?? "Subscription"}`,
    period: { start: item.current_period_start, end: item.current_period_end },
    subscriptionItem: item.id,
    proration: false,
  };
}

export type InvoiceSpec = {
  customer: string;
  subscription: string;
  subscriptionMetadata: Record<string, string>;
  billingReason: "subscription_create" | "subscription_cycle" | "subscription_update";
  lines: InvoiceLineSpec[];
  period: { start: number; end: number };
  /** The subscription's discounts that apply to this invoice (activeDiscounts). */
  discounts?: DiscountObject[];
};

export function getInvoice(ctx: EmulatorContext, id: string, param = "id"): InvoiceObject {
  const found = ctx.state.invoices.get(id);
  if (!found) throw resourceMissing("invoice", id, param);
  return found;
}

function buildLine(spec: InvoiceLineSpec, invoice: string, subscription: string, discountAmounts: DiscountAmount[]): InvoiceLineObject {
  return {
    id: newId("il"),
    object: "line_item",
    // Before discounts, as at Stripe: what a discount took off is in `discount_amounts`.
    amount: spec.amount,
    currency: spec.price.currency,
    description: spec.description,
    discount_amounts: discountAmounts,
    discountable: !spec.proration,
    discounts: [],
    invoice,
    livemode: false,
    metadata: {},
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: { invoice_item: null, proration: spec.proration, proration_details: { credited_items: null }, subscription, subscription_item: spec.subscriptionItem },
    },
    period: spec.period,
    pretax_credit_amounts: [],
    pricing: { type: "price_details", price_details: { price: spec.price.id, product: typeof spec.price.product === "string" ? spec.price.product : spec.price.product.id }, unit_amount_decimal: spec.price.unit_amount_decimal },
    quantity: spec.quantity,
    quantity_decimal: String(spec.quantity),
    subscription,
    subtotal: spec.amount,
    taxes: [],
  };
}

/**
 * A draft subscription invoice as an object only: nothing stored, nothing emitted. createInvoice
 * stores it; an invoice preview answers with it, so a preview and the invoice it foretells are
 * built by the same code.
 */
export function buildInvoice(ctx: EmulatorContext, spec: InvoiceSpec, id = newId("in")): InvoiceObject {
  const customer = ctx.state.customers.get(spec.customer);
  const subtotal = spec.lines.reduce((sum, line) => sum + line.amount, 0);
  const discounts = allocateDiscounts(ctx, spec.lines.map((line) => ({ amount: line.amount, discountable: !line.proration })), spec.discounts ?? []);
  const total = subtotal - discounts.totals.reduce((sum, entry) => sum + entry.amount, 0);
  const now = ctx.clock.now();
  const invoice: InvoiceObject = {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Streamline Billing (emulated)",
    account_tax_ids: null,
    amount_due: Math.max(0, total),
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: Math.max(0, total),
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: spec.billingReason,
    collection_method: "charge_automatically",
    created: now,
    currency: spec.lines[0]?.price.currency ?? "usd",
    custom_fields: null,
    customer: spec.customer,
    customer_account: null,
    customer_address: null,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: discounts.totals.map((entry) => entry.discount),
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `${ctx.baseUrl()}/i/${id}`,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: fullList([], `/v1/invoices/${id}/lines`),
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: { type: "subscription_details", quote_details: null, subscription_details: { metadata: spec.subscriptionMetadata, subscription: spec.subscription } },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: spec.period.end,
    period_start: spec.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal,
    subtotal_excluding_tax: subtotal,
    test_clock: null,
    total,
    total_discount_amounts: discounts.totals,
    total_excluding_tax: total,
    total_taxes: [],
    webhooks_delivered_at: now,
  };
  invoice.lines.data = spec.lines.map((line, index) => buildLine(line, id, spec.subscription, discounts.perLine[index] ?? []));
  invoice.lines.has_more = false;
  return invoice;
}

/** Creates a draft subscription invoice (`invoice.created`); each discount it applies counts one use. */
export function createInvoice(ctx: EmulatorContext, spec: InvoiceSpec): InvoiceObject {
  const invoice = buildInvoice(ctx, spec);
  for (const entry of invoice.total_discount_amounts ?? []) {
    const id = typeof entry.discount === "string" ? entry.discount : entry.discount.id;
    ctx.state.discountUses.set(id, (ctx.state.discountUses.get(id) ?? 0) + 1);
  }
  ctx.state.invoices.set(invoice.id, invoice);
  ctx.emit("invoice.created", invoice);
  return invoice;
}

function replace(ctx: EmulatorContext, before: InvoiceObject, patch: Partial<InvoiceObject>): InvoiceObject {
  const after: InvoiceObject = { ...before, ...patch, status_transitions: { ...before.status_transitions, ...patch.status_transitions } };
  ctx.state.invoices.set(after.id, after);
  return after;
}

/** Draft → open, with a number (`invoice.finalized`). */
export function finalizeInvoice(ctx: EmulatorContext, invoice: InvoiceObject): InvoiceObject {
  const customer = typeof invoice.customer === "string" ? ctx.state.customers.get(invoice.customer) : undefined;
  ctx.state.invoiceNumber += 1;
  const number = `${customer?.invoice_prefix ?? "EMU"}-${String(ctx.state.invoiceNumber).padStart(4, "0")}`;
  const after = replace(ctx, invoice, { status: "open", number, effective_at: ctx.clock.now(), status_transitions: { ...invoice.status_transitions, finalized_at: ctx.clock.now() } });
  ctx.emit("invoice.finalized", after);
  return after;
}

/**
 * Charges an open invoice to the card. Success: a PaymentIntent and Charge, an InvoicePayment,
 * status `paid` (`invoice.paid`, `invoice.payment_succeeded`). A zero total is paid without a charge.
 * Failure: `invoice.payment_failed`, the invoice stays open.
 */
export function payInvoice(ctx: EmulatorContext, invoice: InvoiceObject, card: CardDetails, failure?: PaymentFailure): InvoiceObject {
  const now = ctx.clock.now();
  if (invoice.amount_due === 0) {
    const after = replace(ctx, invoice, { status: "paid", attempted: true, status_transitions: { ...invoice.status_transitions, paid_at: now } });
    ctx.emit("invoice.paid", after);
    return after;
  }
  const description = invoice.billing_reason === "subscription_create" ? "Subscription creation" : invoice.billing_reason === "subscription_update" ? "Subscription update" : "Subscription cycle";
  const { paymentIntent } = chargeCard(ctx, { amount: invoice.amount_due, currency: invoice.currency, customer: typeof invoice.customer === "string" ? invoice.customer : null, description, metadata: {}, card, failure });
  const attempts = { attempted: true, attempt_count: invoice.attempt_count + 1 };
  if (failure) {
    const after = replace(ctx, invoice, { ...attempts, next_payment_attempt: now + 3 * 24 * 3600 });
    ctx.emit("invoice.payment_failed", after);
    return after;
  }
  const payment: InvoicePaymentObject = {
    id: newId("inpay"),
    object: "invoice_payment",
    amount_paid: invoice.amount_due,
    amount_requested: invoice.amount_due,
    created: now,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: "payment_intent", payment_intent: paymentIntent.id },
    status: "paid",
    status_transitions: { canceled_at: null, paid_at: now },
  };
  ctx.state.invoicePayments.set(payment.id, payment);
  const after = replace(ctx, invoice, { ...attempts, status: "paid", amount_paid: invoice.amount_due, amount_remaining: 0, next_payment_attempt: null, status_transitions: { ...invoice.status_transitions, paid_at: now } });
  ctx.emit("invoice.paid", after);
  ctx.emit("invoice.payment_succeeded", after);
  return after;
}

/** Open or draft → void (`invoice.voided`). */
export function voidInvoice(ctx: EmulatorContext, invoice: InvoiceObject): InvoiceObject {
  if (invoice.status === "paid" || invoice.status === "void") throw invalidRequest(`You can only void open invoices. This invoice is ${invoice.status}.`, "invoice", "invoice_not_open");
  const after = replace(ctx, invoice, { status: "void", amount_remaining: 0, status_transitions: { ...invoice.status_transitions, voided_at: ctx.clock.now() } });
  emitUpdated(ctx, "invoice.voided", invoice, after);
  return after;
}

/** Open → uncollectible (`invoice.marked_uncollectible`). */
export function markUncollectible(ctx: EmulatorContext, invoice: InvoiceObject): InvoiceObject {
  const after = replace(ctx, invoice, { status: "uncollectible", status_transitions: { ...invoice.status_transitions, marked_uncollectible_at: ctx.clock.now() } });
  emitUpdated(ctx, "invoice.marked_uncollectible", invoice, after);
  return after;
}

export const invoiceRoutes: ApiRoute[] = [
  { method: "GET", path: "/v1/invoices/:id", handler: (ctx, { path }) => getInvoice(ctx, path.id as string) },
  {
    method: "GET",
    path: "/v1/invoices/:id/lines",
    handler: (ctx, { path, params }) => {
      const invoice = getInvoice(ctx, path.id as string);
      return paginate([...invoice.lines.data].reverse(), params, `/v1/invoices/${invoice.id}/lines`);
    },
  },
  {
    method: "GET",
    path: "/v1/invoices",
    handler: (ctx, { params }) => {
      const customer = optionalString(params, "customer");
      const subscription = optionalString(params, "subscription");
      const status = optionalString(params, "status");
      const invoices = [...ctx.state.invoices.values()].filter(
        (i) => (!customer || i.customer === customer) && (!subscription || i.parent?.subscription_details?.subscription === subscription) && (!status || i.status === status),
      );
      return paginate(invoices, params, "/v1/invoices");
    },
  },
  {
    method: "GET",
    path: "/v1/invoice_payments/:id",
    handler: (ctx, { path }) => {
      const found = ctx.state.invoicePayments.get(path.id as string);
      if (!found) throw resourceMissing("invoice_payment", path.id as string);
      return found;
    },
  },
  {
    method: "GET",
    path: "/v1/invoice_payments",
    handler: (ctx, { params }) => {
      const invoice = optionalString(params, "invoice");
      return paginate([...ctx.state.invoicePayments.values()].filter((p) => !invoice || p.invoice === invoice), params, "/v1/invoice_payments");
    },
  },
];
