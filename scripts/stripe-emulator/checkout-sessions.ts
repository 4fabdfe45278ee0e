import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { couponDiscountCents } from "./coupons";
import { getCustomer } from "./customers";
import { readCheckoutCoupon, splitDiscount } from "./discounts";
import { invalidRequest, missingParam, resourceMissing } from "./errors";
import { emitUpdated } from "./events";
import type { ParamObject } from "./form-body";
import { newId } from "./ids";
import { paginate } from "./list";
import type { CheckoutLineItemObject, CheckoutSessionObject } from "./objects";
import { mergeMetadata, nullableString, objectAt, optionalArray, optionalInteger, optionalObject, optionalString, paramName, requiredString } from "./params";
import { createPrice, getPrice } from "./prices";
import type { ApiRoute } from "./router";

const DAY = 24 * 60 * 60;

export function getCheckoutSession(ctx: EmulatorContext, id: string): CheckoutSessionObject {
  const found = ctx.state.checkoutSessions.get(id);
  if (!found) throw resourceMissing("checkout.session", id);
  return found;
}


function readLineItems(ctx: EmulatorContext, params: ParamObject, mode: Stripe.Checkout.Session.Mode): CheckoutLineItemObject[] {
  const raw = optionalArray(params, "line_items");
  if (!raw || raw.length === 0) throw missingParam("line_items");
  return raw.map((entry, index) => {
    const name = `line_items[${index}]`;
    const item = objectAt(entry, name);
    const priceData = optionalObject(item, "price_data", paramName(name, "price_data"));
    const priceId = optionalString(item, "price", paramName(name, "price"));
    const price = priceId ? getPrice(ctx, priceId, paramName(name, "price")) : priceData ? createPrice(ctx, priceData, paramName(name, "price_data")) : undefined;
    if (!price) throw missingParam(paramName(name, "price"));
    if (!price.active) throw invalidRequest(`The price specified is inactive. This field only accepts active prices.`, paramName(name, "price"));
    if (mode === "payment" && price.recurring) {
      throw invalidRequest("You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.", paramName(name, "price"));
    }
    if (mode === "subscription" && !price.recurring) {
      throw invalidRequest("You must provide at least one recurring price in `subscription` mode when using prices.", paramName(name, "price"));
    }
    const quantity = optionalInteger(item, "quantity", paramName(name, "quantity")) ?? 1;
    if (quantity < 1) throw invalidRequest("This value must be greater than or equal to 1.", paramName(name, "quantity"));
    const amount = (price.unit_amount ?? Math.round(Number(price.unit_amount_decimal))) * quantity;
    const product = ctx.state.products.get(typeof price.product === "string" ? price.product : price.product.id);
    return {
      id: newId("li"),
      object: "item",
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: price.currency,
      description: product?.name ?? null,
      metadata: {},
      price,
      quantity,
    } satisfies CheckoutLineItemObject;
  });
}

function createCheckoutSession(ctx: EmulatorContext, params: ParamObject): CheckoutSessionObject {
  const mode = requiredString(params, "mode") as Stripe.Checkout.Session.Mode;
  if (mode !== "payment" && mode !== "subscription") throw invalidRequest("The emulator supports `payment` and `subscription` mode.", "mode");
  const customerId = optionalString(params, "customer");
  const customer = customerId ? getCustomer(ctx, customerId, "customer") : null;
  const customerEmail = nullableString(params, "customer_email") ?? null;
  if (customer && customerEmail) throw invalidRequest("You may only specify one of these parameters: customer, customer_email.", "customer_email");
  const lineItems = readLineItems(ctx, params, mode);
  const currencies = new Set(lineItems.map((item) => item.currency));
  if (currencies.size > 1) throw invalidRequest("All line items must use the same currency.", "line_items");
  const subtotal = lineItems.reduce((sum, item) => sum + item.amount_subtotal, 0);
  const currency = [...currencies][0] ?? null;
  // A coupon comes off the lines in proportion; in subscription mode it is the first invoice's discount.
  const coupon = readCheckoutCoupon(ctx, params, currency);
  const discount = coupon ? couponDiscountCents(coupon, subtotal) : 0;
  splitDiscount(
    lineItems.map((item) => item.amount_subtotal),
    discount,
  ).forEach((share, index) => {
    const item = lineItems[index]!;
    lineItems[index] = { ...item, amount_discount: share, amount_total: item.amount_subtotal - share };
  });
  const total = subtotal - discount;
  const id = newId("cs_test", 58);
  const now = ctx.clock.now();
  const expiresAt = optionalInteger(params, "expires_at") ?? now + DAY;
  const successUrl = nullableString(params, "success_url") ?? null;
  const uiMode = (optionalString(params, "ui_mode") ?? "hosted_page") as Stripe.Checkout.Session.UiMode;
  // Stripe offers ACH Direct Debit to payments in US dollars; subscriptions paid by bank are not emulated.
  const acceptsBank = mode === "payment" && currencies.has("usd");
  const session: CheckoutSessionObject = {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: subtotal,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: nullableString(params, "cancel_url") ?? null,
    client_reference_id: nullableString(params, "client_reference_id") ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: customer?.id ?? null,
    customer_account: null,
    customer_creation: customer ? null : mode === "subscription" || optionalString(params, "customer_creation") === "always" ? "always" : "if_required",
    customer_details: customer || customerEmail ? { address: null, business_name: null, email: customer?.email ?? customerEmail, individual_name: null, name: customer?.name ?? null, phone: null, tax_exempt: "none", tax_ids: null } : null,
    customer_email: customerEmail,
    discounts: coupon ? [{ coupon: coupon.id, promotion_code: null }] : [],
    expires_at: expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: mode === "payment" ? { enabled: false, invoice_data: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: null, metadata: {}, rendering_options: null } } : null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: mergeMetadata(params),
    mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: mode === "subscription" ? "always" : null,
    payment_method_configuration_details: null,
    payment_method_options: acceptsBank ? { card: { request_three_d_secure: "automatic" }, us_bank_account: { verification_method: "automatic" } } : { card: { request_three_d_secure: "automatic" } },
    payment_method_types: acceptsBank ? ["card", "us_bank_account"] : ["card"],
    payment_status: "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: successUrl,
    total_details: { amount_discount: discount, amount_shipping: 0, amount_tax: 0 },
    ui_mode: uiMode,
    url: uiMode === "hosted_page" ? `${ctx.baseUrl()}/c/pay/${id}` : null,
    wallet_options: null,
  };
  const subscriptionData = optionalObject(params, "subscription_data");
  const paymentIntentData = optionalObject(params, "payment_intent_data");
  ctx.state.checkoutExtras.set(id, {
    subscriptionMetadata: subscriptionData ? mergeMetadata(subscriptionData) : {},
    paymentIntentMetadata: paymentIntentData ? mergeMetadata(paymentIntentData) : {},
  });
  ctx.state.checkoutSessions.set(id, session);
  ctx.state.checkoutLineItems.set(id, lineItems);
  return session;
}

/** Expires an open session (API call, or its `expires_at` passing): `checkout.session.expired`. */
export function expireCheckoutSession(ctx: EmulatorContext, id: string): CheckoutSessionObject {
  const before = getCheckoutSession(ctx, id);
  if (before.status !== "open") throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${before.status}".`, "session", "checkout_session_not_open");
  const after: CheckoutSessionObject = { ...before, status: "expired", url: null };
  ctx.state.checkoutSessions.set(id, after);
  emitUpdated(ctx, "checkout.session.expired", before, after);
  return after;
}

export const checkoutSessionRoutes: ApiRoute[] = [
  { method: "POST", path: "/v1/checkout/sessions", handler: (ctx, { params }) => createCheckoutSession(ctx, params) },
  { method: "GET", path: "/v1/checkout/sessions/:id", handler: (ctx, { path }) => getCheckoutSession(ctx, path.id as string) },
  { method: "POST", path: "/v1/checkout/sessions/:id/expire", handler: (ctx, { path }) => expireCheckoutSession(ctx, path.id as string) },
  {
    method: "GET",
    path: "/v1/checkout/sessions/:id/line_items",
    handler: (ctx, { path, params }) => {
      const session = getCheckoutSession(ctx, path.id as string);
      return paginate([...(ctx.state.checkoutLineItems.get(session.id) ?? [])].reverse(), params, `/v1/checkout/sessions/${session.id}/line_items`);
    },
  },
  {
    method: "GET",
    path: "/v1/checkout/sessions",
    handler: (ctx, { params }) => {
      const filters = { customer: optionalString(params, "customer"), payment_intent: optionalString(params, "payment_intent"), subscription: optionalString(params, "subscription"), status: optionalString(params, "status") };
      const sessions = [...ctx.state.checkoutSessions.values()].filter((s) => Object.entries(filters).every(([key, value]) => !value || s[key as keyof typeof filters] === value));
      return paginate(sessions, params, "/v1/checkout/sessions");
    },
  },
];
