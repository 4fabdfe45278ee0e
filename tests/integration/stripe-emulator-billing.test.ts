// Refunds, disputes, subscription changes and the emulator's clock (renewals, failures, cancellation, pause), portal.
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CARDS, monthlyPrice, oneTimePrice, receivedTypes, startHarness, submitCard, subscribe, type Harness } from "../helpers/stripe-emulator-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await control("/reset");
  h.receiver.events.length = 0;
});

function control(path: string, body: object = {}) {
  return fetch(`${h.emulator.url}/_emulator${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Types received since the last call. */
async function drainTypes() {
  const types = await receivedTypes(h);
  h.receiver.events.length = 0;
  return types;
}

async function paidCharge(amount = 5000) {
  const price = await oneTimePrice(h.stripe, amount);
  const session = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: price.id, quantity: 1 }], customer_email: "r@example.test", success_url: "http://x" });
  await submitCard(session.url as string, CARDS.success);
  const paymentIntent = await h.stripe.paymentIntents.retrieve((await h.stripe.checkout.sessions.retrieve(session.id)).payment_intent as string);
  await drainTypes();
  return { paymentIntent, chargeId: paymentIntent.latest_charge as string };
}

describe("refunds", () => {
  it("partial then full refund updates the charge and emits refund.created, charge.refunded", async () => {
    const { paymentIntent, chargeId } = await paidCharge(5000);
    const partial = await h.stripe.refunds.create({ payment_intent: paymentIntent.id, amount: 2000 });
    expect(partial).toMatchObject({ object: "refund", amount: 2000, charge: chargeId, payment_intent: paymentIntent.id, status: "succeeded" });
    expect(partial.id).toMatch(/^re_/);
    let charge = await h.stripe.charges.retrieve(chargeId);
    expect(charge).toMatchObject({ amount_refunded: 2000, refunded: false });
    expect(await drainTypes()).toEqual(["refund.created", "charge.refunded"]);

    const rest = await h.stripe.refunds.create({ charge: chargeId });
    expect(rest.amount).toBe(3000);
    charge = await h.stripe.charges.retrieve(chargeId);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    const events = h.receiver.events;
    await h.emulator.webhooks.idle();
    const refunded = events.find((e) => e.type === "charge.refunded");
    expect(refunded?.data.previous_attributes).toMatchObject({ amount_refunded: 2000, refunded: false });
    const listed = await h.stripe.refunds.list({ charge: chargeId });
    expect(listed.data.map((r) => r.amount)).toEqual([3000, 2000]);
  });

  it("rejects an over-refund and a refund of a refunded charge with 400", async () => {
    const { chargeId } = await paidCharge(1000);
    await expect(h.stripe.refunds.create({ charge: chargeId, amount: 1001 })).rejects.toMatchObject({ statusCode: 400, code: "amount_too_large", param: "amount" });
    await h.stripe.refunds.create({ charge: chargeId });
    await expect(h.stripe.refunds.create({ charge: chargeId, amount: 1 })).rejects.toMatchObject({ statusCode: 400, code: "charge_already_refunded" });
    await expect(h.stripe.refunds.create({})).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe("disputes", () => {
  it("opens (charge.dispute.created, disputed charge) and closes won or lost (charge.dispute.closed)", async () => {
    const { chargeId } = await paidCharge(4200);
    const opened = (await (await control(`/charges/${chargeId}/dispute`, { reason: "product_not_received" })).json()) as Stripe.Dispute;
    expect(opened).toMatchObject({ object: "dispute", amount: 4200, charge: chargeId, reason: "product_not_received", status: "needs_response" });
    expect(opened.id).toMatch(/^du_/);
    expect((await h.stripe.charges.retrieve(chargeId)).disputed).toBe(true);
    await expect(h.stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({ statusCode: 400, code: "charge_disputed" });
    const closed = (await (await control(`/disputes/${opened.id}/close`, { outcome: "lost" })).json()) as Stripe.Dispute;
    expect(closed.status).toBe("lost");
    expect((await h.stripe.disputes.retrieve(opened.id)).status).toBe("lost");
    expect(await drainTypes()).toEqual(["charge.dispute.created", "charge.dispute.closed"]);
    expect((await control(`/disputes/${opened.id}/close`, { outcome: "won" })).status).toBe(400);
  });

  it("a won dispute", async () => {
    const { chargeId } = await paidCharge();
    const opened = (await (await control(`/charges/${chargeId}/dispute`, {})).json()) as Stripe.Dispute;
    expect(opened.reason).toBe("fraudulent");
    const closed = (await (await control(`/disputes/${opened.id}/close`, { outcome: "won" })).json()) as Stripe.Dispute;
    expect(closed.status).toBe("won");
  });
});

const MONTH = 31 * 24 * 3600;

describe("subscriptions and the clock", () => {
  it("clock advance renews: subscription_cycle invoice paid with the saved card, new item period", async () => {
    const price = await monthlyPrice(h.stripe, 2900);
    const session = await subscribe(h, price);
    const before = await h.stripe.subscriptions.retrieve(session.subscription as string);
    const item = before.items.data[0] as Stripe.SubscriptionItem;
    await drainTypes();

    const advanced = (await (await control("/clock/advance", { seconds: MONTH })).json()) as { now: number };
    expect(advanced.now).toBeGreaterThanOrEqual(item.current_period_end);
    const types = (await drainTypes()).filter((t) => !t.startsWith("payment_intent.") && !t.startsWith("charge.") && t !== "invoice.payment_succeeded");
    expect(types).toEqual(["invoice.created", "invoice.finalized", "invoice.paid", "customer.subscription.updated"]);

    const after = await h.stripe.subscriptions.retrieve(before.id, { expand: ["latest_invoice.payments"] });
    const renewed = after.items.data[0] as Stripe.SubscriptionItem;
    expect(renewed.current_period_start).toBe(item.current_period_end);
    expect(renewed.current_period_end).toBeGreaterThan(item.current_period_end);
    const invoice = after.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ billing_reason: "subscription_cycle", status: "paid", amount_paid: 2900 });
    expect(invoice.lines.data[0]?.period).toEqual({ start: renewed.current_period_start, end: renewed.current_period_end });
    expect(invoice.payments?.data[0]?.payment).toMatchObject({ type: "payment_intent", payment_intent: expect.stringMatching(/^pi_/) });
  });

  it("a card set to fail makes the renewal fail: invoice.payment_failed, past_due; paying later reactivates", async () => {
    const price = await monthlyPrice(h.stripe);
    const session = await subscribe(h, price);
    await control(`/customers/${session.customer}/card`, { behavior: "decline" });
    await drainTypes();
    await control("/clock/advance", { seconds: MONTH });
    const types = await drainTypes();
    expect(types).toContain("invoice.payment_failed");
    expect(types).not.toContain("invoice.paid");
    expect(types.at(-1)).toBe("customer.subscription.updated");
    const subscription = await h.stripe.subscriptions.retrieve(session.subscription as string);
    expect(subscription.status).toBe("past_due");

    await control(`/customers/${session.customer}/card`, { behavior: "succeed" });
    const paid = await h.stripe.invoices.pay(subscription.latest_invoice as string);
    expect(paid.status).toBe("paid");
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
  });

  it("cancel_at_period_end ends the subscription at the next advance past the period", async () => {
    const price = await monthlyPrice(h.stripe);
    const session = await subscribe(h, price);
    const updated = await h.stripe.subscriptions.update(session.subscription as string, { cancel_at_period_end: true });
    expect(updated).toMatchObject({ cancel_at_period_end: true, status: "active" });
    expect(updated.cancel_at).toBe(updated.items.data[0]?.current_period_end);
    await drainTypes();
    await control("/clock/advance", { seconds: 24 * 3600 });
    expect(await drainTypes()).toEqual([]);
    await control("/clock/advance", { seconds: MONTH });
    expect(await drainTypes()).toEqual(["customer.subscription.deleted"]);
    const ended = await h.stripe.subscriptions.retrieve(updated.id);
    expect(ended).toMatchObject({ status: "canceled", ended_at: updated.items.data[0]?.current_period_end });
  });

  it("DELETE cancels now (customer.subscription.deleted) and lists exclude it", async () => {
    const session = await subscribe(h, await monthlyPrice(h.stripe));
    await drainTypes();
    const canceled = await h.stripe.subscriptions.cancel(session.subscription as string);
    expect(canceled).toMatchObject({ status: "canceled", cancellation_details: { reason: "cancellation_requested" } });
    expect(canceled.ended_at).toBeTypeOf("number");
    expect(await drainTypes()).toEqual(["customer.subscription.deleted"]);
    expect((await h.stripe.subscriptions.list({ customer: session.customer as string })).data).toHaveLength(0);
    expect((await h.stripe.subscriptions.list({ customer: session.customer as string, status: "all" })).data).toHaveLength(1);
  });

  it("pause_collection sends only customer.subscription.updated; paused renewal voids the invoice; unset resumes", async () => {
    const session = await subscribe(h, await monthlyPrice(h.stripe));
    await drainTypes();
    const paused = await h.stripe.subscriptions.update(session.subscription as string, { pause_collection: { behavior: "void" } });
    expect(paused.pause_collection).toEqual({ behavior: "void", resumes_at: null });
    expect(await drainTypes()).toEqual(["customer.subscription.updated"]);
    await control("/clock/advance", { seconds: MONTH });
    const types = await drainTypes();
    expect(types).toEqual(["invoice.created", "invoice.finalized", "invoice.voided", "customer.subscription.updated"]);
    const resumed = await h.stripe.subscriptions.update(paused.id, { pause_collection: "" });
    expect(resumed.pause_collection).toBeNull();
    expect(await drainTypes()).toEqual(["customer.subscription.updated"]);
  });

  it("keep_as_draft leaves the renewal invoice in draft", async () => {
    const session = await subscribe(h, await monthlyPrice(h.stripe));
    await h.stripe.subscriptions.update(session.subscription as string, { pause_collection: { behavior: "keep_as_draft" } });
    await control("/clock/advance", { seconds: MONTH });
    const subscription = await h.stripe.subscriptions.retrieve(session.subscription as string, { expand: ["latest_invoice"] });
    expect((subscription.latest_invoice as Stripe.Invoice).status).toBe("draft");
  });

  it("price change with always_invoice bills the proration now", async () => {
    const basic = await monthlyPrice(h.stripe, 1000, "Basic");
    const pro = await monthlyPrice(h.stripe, 3000, "Pro");
    const session = await subscribe(h, basic);
    const subscription = await h.stripe.subscriptions.retrieve(session.subscription as string);
    await drainTypes();
    const updated = await h.stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]?.id, price: pro.id }],
      proration_behavior: "always_invoice",
      expand: ["latest_invoice"],
    });
    expect(updated.items.data[0]?.price.id).toBe(pro.id);
    const invoice = updated.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ billing_reason: "subscription_update", status: "paid" });
    expect(invoice.total).toBeGreaterThan(1900);
    expect(invoice.total).toBeLessThanOrEqual(2000);
    expect(invoice.lines.data.map((l) => l.parent?.subscription_item_details?.proration)).toEqual([true, true]);
    const types = await drainTypes();
    expect(types[0]).toBe("customer.subscription.updated");
    expect(types).toContain("invoice.paid");
  });

  it("price change with create_prorations adds them to the next cycle invoice", async () => {
    const basic = await monthlyPrice(h.stripe, 1000, "Basic");
    const pro = await monthlyPrice(h.stripe, 3000, "Pro");
    const session = await subscribe(h, basic);
    const updated = await h.stripe.subscriptions.update(session.subscription as string, { items: [{ price: pro.id }] });
    expect(updated.latest_invoice).toBe(session.invoice);
    await control("/clock/advance", { seconds: MONTH });
    const renewed = await h.stripe.subscriptions.retrieve(updated.id, { expand: ["latest_invoice"] });
    const invoice = renewed.latest_invoice as Stripe.Invoice;
    expect(invoice.lines.data).toHaveLength(3);
    expect(invoice.total).toBeGreaterThan(3000 + 1900);
  });
});

describe("billing portal", () => {
  it("creates a session whose page lists the customer's invoices and a return link", async () => {
    const session = await subscribe(h, await monthlyPrice(h.stripe, 2900, "Portal plan"));
    const portal = await h.stripe.billingPortal.sessions.create({ customer: session.customer as string, return_url: "http://localhost:3000/billing" });
    expect(portal).toMatchObject({ object: "billing_portal.session", customer: session.customer, return_url: "http://localhost:3000/billing" });
    expect(portal.id).toMatch(/^bps_/);
    const html = await (await fetch(portal.url)).text();
    const invoice = await h.stripe.invoices.retrieve(session.invoice as string);
    expect(html).toContain(invoice.number as string);
    expect(html).toContain("29.00 USD");
    expect(html).toContain('href="http://localhost:3000/billing"');
    await expect(h.stripe.billingPortal.sessions.create({ customer: "cus_nope" })).rejects.toMatchObject({ statusCode: 404 });
  });
});
