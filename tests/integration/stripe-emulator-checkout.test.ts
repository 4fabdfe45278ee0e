// The hosted checkout page, driven with plain fetch for each test card; sessions and events via the SDK.
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CARDS, monthlyPrice, oneTimePrice, receivedTypes, startHarness, submitCard, type Harness } from "../helpers/stripe-emulator-harness";

let h: Harness;
let price: Stripe.Price;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await fetch(`${h.emulator.url}/_emulator/reset`, { method: "POST" });
  h.receiver.events.length = 0;
  price = await oneTimePrice(h.stripe, 1500);
  await h.emulator.webhooks.idle();
  h.receiver.events.length = 0;
});

async function paymentSession(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return h.stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [{ price: price.id, quantity: 2 }],
    client_reference_id: "ws_1",
    metadata: { workspace_id: "ws_1", pack: "p1500" },
    customer_email: "buyer@example.test",
    success_url: "http://localhost:3000/credits?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/credits",
    ...extra,
  });
}

describe("payment-mode checkout", () => {
  it("serves an accessible form and completes with 4242: PI, charge, events in order, redirect", async () => {
    const session = await paymentSession();
    expect(session).toMatchObject({ status: "open", payment_status: "unpaid", amount_total: 3000, payment_intent: null, ui_mode: "hosted_page" });
    expect(session.url).toBe(`${h.emulator.url}/c/pay/${session.id}`);
    const form = await fetch(session.url as string);
    const html = await form.text();
    expect(form.status).toBe(200);
    for (const field of ["card_number", "card_expiry", "card_cvc"]) expect(html).toMatch(new RegExp(`<label for="${field}">`));
    expect(html).toMatch(/<button type="submit">Pay 30\.00 USD<\/button>/);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="http/);

    const response = await submitCard(session.url as string, CARDS.success);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/credits?session_id=${session.id}`);

    const done = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent.latest_charge"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "paid", amount_total: 3000, client_reference_id: "ws_1", metadata: { workspace_id: "ws_1" } });
    const paymentIntent = done.payment_intent as Stripe.PaymentIntent;
    expect(paymentIntent).toMatchObject({ status: "succeeded", amount: 3000, amount_received: 3000 });
    expect(paymentIntent.latest_charge).toMatchObject({ object: "charge", status: "succeeded", paid: true, amount: 3000, amount_refunded: 0 });
    expect(await receivedTypes(h)).toEqual(["payment_intent.succeeded", "charge.succeeded", "checkout.session.completed"]);
    const completed = h.receiver.events[2]?.data.object as Stripe.Checkout.Session;
    expect(completed).toMatchObject({ id: session.id, status: "complete", payment_status: "paid", payment_intent: paymentIntent.id });
  });

  it("a completed session shows no form and redirects to success_url again", async () => {
    const session = await paymentSession();
    await submitCard(session.url as string, CARDS.success);
    const again = await fetch(session.url as string, { redirect: "manual" });
    expect(again.status).toBe(303);
  });

  it.each([
    [CARDS.declined, "card_declined", "generic_decline", "Your card was declined."],
    [CARDS.insufficientFunds, "card_declined", "insufficient_funds", "Your card has insufficient funds."],
  ])("card %s declines: session stays open, message shown, payment_intent.payment_failed", async (card, code, declineCode, message) => {
    const session = await paymentSession();
    const response = await submitCard(session.url as string, card);
    expect(response.status).toBe(402);
    expect(await response.text()).toContain(`role="alert">${message}`);
    const open = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(open).toMatchObject({ status: "open", payment_status: "unpaid" });
    expect((open.payment_intent as Stripe.PaymentIntent).last_payment_error).toMatchObject({ code, decline_code: declineCode });
    const types = await receivedTypes(h);
    expect(types).toContain("payment_intent.payment_failed");
    expect(types).not.toContain("checkout.session.completed");

    const retry = await submitCard(session.url as string, CARDS.success);
    expect(retry.status).toBe(303);
    const paid = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.payment_intent).toBe((open.payment_intent as Stripe.PaymentIntent).id);
  });

  it("4000 0025 0000 3155 asks for authentication; Complete pays, Fail declines", async () => {
    const session = await paymentSession();
    const challenge = await submitCard(session.url as string, CARDS.authentication);
    const html = await challenge.text();
    expect(html).toMatch(/Confirm this payment/);
    expect(html).toMatch(/value="complete"/);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");

    const failed = await fetch(`${session.url}/authenticate`, { method: "POST", body: new URLSearchParams({ action: "fail" }), redirect: "manual" });
    expect(failed.status).toBe(402);
    expect(await failed.text()).toMatch(/unable to authenticate/);

    await submitCard(session.url as string, CARDS.authentication);
    const completed = await fetch(`${session.url}/authenticate`, { method: "POST", body: new URLSearchParams({ action: "complete" }), redirect: "manual" });
    expect(completed.status).toBe(303);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe("complete");
  });

  it("4000 0000 0000 0259 succeeds, then opens a fraudulent dispute", async () => {
    const session = await paymentSession();
    expect((await submitCard(session.url as string, CARDS.dispute)).status).toBe(303);
    const types = await receivedTypes(h);
    expect(types).toEqual(["payment_intent.succeeded", "charge.succeeded", "checkout.session.completed", "charge.dispute.created"]);
    const dispute = h.receiver.events[3]?.data.object as Stripe.Dispute;
    expect(dispute).toMatchObject({ reason: "fraudulent", status: "needs_response", amount: 3000 });
    expect((await h.stripe.charges.retrieve(dispute.charge as string)).disputed).toBe(true);
  });

  it("rejects an unknown card number and an expired card without charging", async () => {
    const session = await paymentSession();
    expect(await (await submitCard(session.url as string, "1234 5678 9012 3456")).text()).toMatch(/card number is incorrect/);
    expect(await (await submitCard(session.url as string, CARDS.success, { card_expiry: "01/20" })).text()).toMatch(/in the past/);
    expect(h.emulator.state.paymentIntents.size).toBe(0);
  });

  it("asks for an email when the session has neither customer nor customer_email", async () => {
    const session = await paymentSession({ customer_email: undefined });
    expect(await (await fetch(session.url as string)).text()).toMatch(/<label for="email">/);
    expect(await (await submitCard(session.url as string, CARDS.success)).text()).toMatch(/valid email/);
    expect((await submitCard(session.url as string, CARDS.success, { email: "guest@example.test" })).status).toBe(303);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).customer_details?.email).toBe("guest@example.test");
  });

  it("uses price_data and an existing customer; lists line_items", async () => {
    const customer = await h.stripe.customers.create({ email: "c@example.test" });
    const session = await h.stripe.checkout.sessions.create({
      mode: "payment",
      customer: customer.id,
      line_items: [{ price_data: { currency: "usd", unit_amount: 999, product_data: { name: "Custom pack" } }, quantity: 1 }],
      success_url: "http://localhost:3000/ok",
    });
    expect(session).toMatchObject({ customer: customer.id, amount_total: 999 });
    const items = await h.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0]).toMatchObject({ object: "item", amount_total: 999, quantity: 1, description: "Custom pack" });
    const expanded = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items"] });
    expect(expanded.line_items?.data).toHaveLength(1);
  });

  it("creates a customer on success with customer_creation=always and passes payment_intent_data.metadata", async () => {
    const session = await paymentSession({ customer_creation: "always", payment_intent_data: { metadata: { workspace_id: "ws_1" } } });
    expect(session.customer).toBeNull();
    await submitCard(session.url as string, CARDS.declined);
    expect(h.emulator.state.customers.size).toBe(0);
    await submitCard(session.url as string, CARDS.success);
    const done = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(done.customer).toMatch(/^cus_/);
    expect((await h.stripe.customers.retrieve(done.customer as string)) as Stripe.Customer).toMatchObject({ email: "buyer@example.test" });
    expect(done.payment_intent).toMatchObject({ customer: done.customer, metadata: { workspace_id: "ws_1" } });
  });

  it("rejects a recurring price in payment mode and a one-time price in subscription mode", async () => {
    const monthly = await monthlyPrice(h.stripe);
    await expect(h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: monthly.id, quantity: 1 }], success_url: "http://x" })).rejects.toMatchObject({ statusCode: 400 });
    await expect(h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: price.id, quantity: 1 }], success_url: "http://x" })).rejects.toMatchObject({ statusCode: 400 });
  });

  it("expires an open session (checkout.session.expired) and the page then says so", async () => {
    const session = await paymentSession();
    const expired = await h.stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe("expired");
    expect((await fetch(session.url as string)).status).toBe(410);
    await expect(h.stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400 });
    expect(await receivedTypes(h)).toEqual(["checkout.session.expired"]);
  });

  it("lists sessions filtered by payment_intent", async () => {
    const session = await paymentSession();
    await submitCard(session.url as string, CARDS.success);
    const done = await h.stripe.checkout.sessions.retrieve(session.id);
    const listed = await h.stripe.checkout.sessions.list({ payment_intent: done.payment_intent as string });
    expect(listed.data.map((s) => s.id)).toEqual([session.id]);
  });
});

describe("subscription-mode checkout", () => {
  it("creates customer, subscription and paid invoice; events in Stripe's order", async () => {
    const monthly = await monthlyPrice(h.stripe, 2900);
    await h.emulator.webhooks.idle();
    h.receiver.events.length = 0;
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 1 }],
      customer_email: "sub@example.test",
      client_reference_id: "ws_9",
      subscription_data: { metadata: { workspace_id: "ws_9" } },
      success_url: "http://localhost:3000/billing?session_id={CHECKOUT_SESSION_ID}",
    });
    expect(session.payment_intent).toBeNull();
    expect((await submitCard(session.url as string, CARDS.success)).status).toBe(303);
    const types = (await receivedTypes(h)).filter((t) => !t.startsWith("payment_intent.") && !t.startsWith("charge.") && t !== "customer.created" && t !== "invoice.payment_succeeded");
    expect(types).toEqual(["customer.subscription.created", "invoice.created", "invoice.finalized", "invoice.paid", "customer.subscription.updated", "checkout.session.completed"]);
    const created = h.receiver.events.find((e) => e.type === "customer.subscription.created")?.data.object as Stripe.Subscription;
    expect(created.status).toBe("incomplete");
    const updated = h.receiver.events.find((e) => e.type === "customer.subscription.updated");
    expect((updated?.data.object as Stripe.Subscription).status).toBe("active");
    expect(updated?.data.previous_attributes).toMatchObject({ status: "incomplete" });

    const done = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription", "invoice"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "paid", payment_intent: null, amount_total: 2900 });
    const subscription = done.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({ status: "active", metadata: { workspace_id: "ws_9" }, customer: done.customer });
    const invoice = done.invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "paid", billing_reason: "subscription_create", amount_paid: 2900 });
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);
  });

  it("a decline creates no subscription and leaves the session open", async () => {
    const monthly = await monthlyPrice(h.stripe);
    const session = await h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: monthly.id, quantity: 1 }], customer_email: "x@example.test", success_url: "http://x" });
    expect((await submitCard(session.url as string, CARDS.declined)).status).toBe(402);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    expect(h.emulator.state.subscriptions.size).toBe(0);
    expect(await receivedTypes(h)).toContain("payment_intent.payment_failed");
  });
});
