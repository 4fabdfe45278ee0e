// Wire shapes at API version 2026-10-28.endive: the fields STRIPE.md lists, with their types, read as raw JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARDS, monthlyPrice, oneTimePrice, startHarness, submitCard, subscribe, type Harness } from "../helpers/stripe-emulator-harness";

type Raw = Record<string, unknown>;
let h: Harness;
const ids: Record<string, string> = {};

async function raw(path: string): Promise<Raw> {
  const response = await fetch(`${h.emulator.url}${path}`, { headers: { authorization: "Bearer sk_test_emulator" } });
  expect(response.status).toBe(200);
  return (await response.json()) as Raw;
}

const str = expect.any(String);
const num = expect.any(Number);
const bool = expect.any(Boolean);

beforeAll(async () => {
  h = await startHarness();
  const price = await oneTimePrice(h.stripe, 1200);
  const customer = await h.stripe.customers.create({ email: "shape@example.test" });
  const session = await h.stripe.checkout.sessions.create({ mode: "payment", customer: customer.id, line_items: [{ price: price.id, quantity: 1 }], success_url: "http://x" });
  await submitCard(session.url as string, CARDS.success);
  const done = await h.stripe.checkout.sessions.retrieve(session.id);
  const paymentIntent = await h.stripe.paymentIntents.retrieve(done.payment_intent as string);
  const refund = await h.stripe.refunds.create({ payment_intent: paymentIntent.id, amount: 200 });
  const disputed = await fetch(`${h.emulator.url}/_emulator/charges/${paymentIntent.latest_charge}/dispute`, { method: "POST", body: "{}" });
  const subscriptionSession = await subscribe(h, await monthlyPrice(h.stripe));
  Object.assign(ids, {
    customer: customer.id,
    product: price.product as string,
    price: price.id,
    session: session.id,
    paymentIntent: paymentIntent.id,
    charge: paymentIntent.latest_charge as string,
    refund: refund.id,
    dispute: ((await disputed.json()) as { id: string }).id,
    subscription: subscriptionSession.subscription as string,
    invoice: subscriptionSession.invoice as string,
    subscriptionSession: subscriptionSession.id,
  });
});
afterAll(() => h.close());

describe("object shapes", () => {
  it("customer, product, price (unit_amount_decimal as a string)", async () => {
    expect(await raw(`/v1/customers/${ids.customer}`)).toMatchObject({ id: expect.stringMatching(/^cus_/), object: "customer", created: num, email: "shape@example.test", metadata: {}, livemode: false });
    expect(await raw(`/v1/products/${ids.product}`)).toMatchObject({ id: expect.stringMatching(/^prod_/), object: "product", active: true, name: str, metadata: {} });
    const price = await raw(`/v1/prices/${ids.price}`);
    expect(price).toMatchObject({ object: "price", active: true, currency: "usd", unit_amount: 1200, unit_amount_decimal: "1200", product: ids.product, type: "one_time", recurring: null });
  });

  it("checkout session", async () => {
    const session = await raw(`/v1/checkout/sessions/${ids.session}`);
    expect(session).toMatchObject({
      id: expect.stringMatching(/^cs_/), object: "checkout.session", status: "complete", payment_status: "paid", mode: "payment",
      payment_intent: ids.paymentIntent, subscription: null, invoice: null, customer: ids.customer, client_reference_id: null,
      metadata: {}, amount_total: 1200, ui_mode: "hosted_page", created: num, expires_at: num, currency: "usd",
    });
    expect(session).toHaveProperty("url");
    expect(session).not.toHaveProperty("line_items");
    const subscriptionSession = await raw(`/v1/checkout/sessions/${ids.subscriptionSession}`);
    expect(subscriptionSession).toMatchObject({ mode: "subscription", payment_intent: null, subscription: ids.subscription, invoice: ids.invoice });
  });

  it("payment intent and charge (no invoice field)", async () => {
    const paymentIntent = await raw(`/v1/payment_intents/${ids.paymentIntent}`);
    expect(paymentIntent).toMatchObject({ id: expect.stringMatching(/^pi_/), object: "payment_intent", amount: 1200, currency: "usd", status: "succeeded", latest_charge: ids.charge, customer: ids.customer });
    expect(paymentIntent).not.toHaveProperty("invoice");
    const charge = await raw(`/v1/charges/${ids.charge}`);
    expect(charge).toMatchObject({
      id: expect.stringMatching(/^ch_/), object: "charge", amount: 1200, amount_refunded: 200, refunded: false, disputed: true, status: "succeeded",
      failure_code: null, paid: true, payment_intent: ids.paymentIntent, outcome: { type: "authorized", network_status: "approved_by_network" },
    });
    expect(charge).not.toHaveProperty("invoice");
  });

  it("refund and dispute", async () => {
    expect(await raw(`/v1/refunds/${ids.refund}`)).toMatchObject({ id: expect.stringMatching(/^re_/), object: "refund", amount: 200, charge: ids.charge, payment_intent: ids.paymentIntent, status: "succeeded", currency: "usd" });
    expect(await raw(`/v1/disputes/${ids.dispute}`)).toMatchObject({ id: expect.stringMatching(/^du_/), object: "dispute", amount: 1200, charge: ids.charge, payment_intent: ids.paymentIntent, reason: "fraudulent", status: "needs_response" });
  });

  it("subscription: periods on items, not on the subscription", async () => {
    const subscription = await raw(`/v1/subscriptions/${ids.subscription}`);
    expect(subscription).toMatchObject({
      id: expect.stringMatching(/^sub_/), object: "subscription", status: "active", cancel_at_period_end: false, canceled_at: null, ended_at: null,
      pause_collection: null, latest_invoice: ids.invoice, metadata: { workspace_id: "ws_1" }, items: { object: "list", has_more: false },
    });
    expect(subscription).not.toHaveProperty("current_period_start");
    expect(subscription).not.toHaveProperty("current_period_end");
    const item = (subscription.items as { data: Raw[] }).data[0] as Raw;
    expect(item).toMatchObject({ id: expect.stringMatching(/^si_/), object: "subscription_item", current_period_start: num, current_period_end: num, quantity: 1, subscription: ids.subscription, price: { object: "price", unit_amount_decimal: "2900" } });
    expect(item.current_period_end as number).toBeGreaterThan(item.current_period_start as number);
  });

  it("invoice: parent.subscription_details, no subscription/payment_intent/charge/paid, lines with pricing and period", async () => {
    const invoice = await raw(`/v1/invoices/${ids.invoice}`);
    expect(invoice).toMatchObject({
      id: expect.stringMatching(/^in_/), object: "invoice", status: "paid", billing_reason: "subscription_create", amount_paid: 2900, amount_due: 2900, total: 2900,
      parent: { type: "subscription_details", subscription_details: { subscription: ids.subscription, metadata: { workspace_id: "ws_1" } } },
      status_transitions: { paid_at: num, finalized_at: num },
    });
    for (const gone of ["subscription", "payment_intent", "charge", "paid"]) expect(invoice).not.toHaveProperty(gone);
    expect(invoice).not.toHaveProperty("payments");
    const line = (invoice.lines as { data: Raw[] }).data[0] as Raw;
    expect(line).toMatchObject({
      id: expect.stringMatching(/^il_/), object: "line_item", amount: 2900, period: { start: num, end: num },
      pricing: { type: "price_details", price_details: { price: str, product: str }, unit_amount_decimal: "2900" },
      parent: { type: "subscription_item_details", subscription_item_details: { subscription: ids.subscription, subscription_item: expect.stringMatching(/^si_/), proration: bool } },
    });
  });

  it("invoice payments (expanded on the invoice, and as their own list)", async () => {
    const invoice = await raw(`/v1/invoices/${ids.invoice}?expand[0]=payments`);
    const payments = invoice.payments as { object: string; data: Raw[] };
    expect(payments.object).toBe("list");
    expect(payments.data[0]).toMatchObject({ id: expect.stringMatching(/^inpay_/), object: "invoice_payment", invoice: ids.invoice, status: "paid", amount_paid: 2900, is_default: true, payment: { type: "payment_intent", payment_intent: expect.stringMatching(/^pi_/) } });
    const listed = await h.stripe.invoicePayments.list({ invoice: ids.invoice });
    expect(listed.data).toHaveLength(1);
  });

  it("expands subscription.latest_invoice and checkout session payment_intent/subscription/invoice/line_items", async () => {
    const subscription = await raw(`/v1/subscriptions/${ids.subscription}?expand[0]=latest_invoice`);
    expect(subscription.latest_invoice).toMatchObject({ object: "invoice", id: ids.invoice });
    const session = await raw(`/v1/checkout/sessions/${ids.subscriptionSession}?expand[0]=subscription&expand[1]=invoice&expand[2]=line_items`);
    expect(session).toMatchObject({ subscription: { object: "subscription" }, invoice: { object: "invoice" }, line_items: { object: "list", data: [{ object: "item" }] } });
    const bad = await fetch(`${h.emulator.url}/v1/customers/${ids.customer}?expand[0]=nothing`, { headers: { authorization: "Bearer sk_test_x" } });
    expect(bad.status).toBe(400);
  });

  it("event envelope", async () => {
    const events = (await raw("/v1/events?type=invoice.paid")) as { data: Raw[] };
    expect(events.data[0]).toMatchObject({ id: expect.stringMatching(/^evt_/), object: "event", api_version: "2026-10-28.endive", created: num, type: "invoice.paid", livemode: false, pending_webhooks: num, data: { object: { object: "invoice" } } });
    expect(events.data[0]).toHaveProperty("request");
    const updated = (await raw("/v1/events?type=customer.subscription.updated")) as { data: { data: Raw }[] };
    expect(updated.data[0]?.data.previous_attributes).toMatchObject({ status: "incomplete" });
  });
});
