// Coupons and discounts in the Stripe emulator, through the official SDK: the coupon API, a coupon
// on a subscription Checkout Session (what the first invoice charges), and how long a discount
// lasts (once, repeating) across renewals and invoice previews.
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CARDS, monthlyPrice, oneTimePrice, receivedTypes, startHarness, submitCard, type Harness } from "../helpers/stripe-emulator-harness";

const DAY = 86_400;
let h: Harness;
// The 10th of a month at noon UTC (the clock ticks on from there): monthly periods never hit a short month's clamping.
const START = Date.UTC(2026, 0, 10, 12) / 1000;

beforeAll(async () => {
  h = await startHarness({ now: START });
});
afterAll(() => h.close());
beforeEach(() => {
  h.receiver.events.length = 0;
});

async function subscribeWith(price: Stripe.Price, coupon: string) {
  const session = await h.stripe.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: price.id, quantity: 1 }],
    customer_email: "coupon@example.test",
    discounts: [{ coupon }],
    success_url: "http://x",
    subscription_data: { metadata: { workspace_id: "ws_1" } },
  });
  return session;
}

async function pay(session: Stripe.Checkout.Session) {
  expect((await submitCard(session.url as string, CARDS.success)).status).toBe(303);
  return h.stripe.checkout.sessions.retrieve(session.id);
}

/** The subscription's invoices, oldest first. */
async function invoices(subscription: string) {
  return (await h.stripe.invoices.list({ subscription, limit: 100 })).data.reverse();
}

describe("the coupon API", () => {
  it("creates, reads, renames, lists and deletes coupons", async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 25.5, duration: "repeating", duration_in_months: 3, name: "Spring", metadata: { promotion_id: "p1" } }, { idempotencyKey: "coupon-spring" });
    expect(coupon).toMatchObject({
      object: "coupon", percent_off: 25.5, amount_off: null, currency: null, duration: "repeating", duration_in_months: 3,
      name: "Spring", metadata: { promotion_id: "p1" }, max_redemptions: null, redeem_by: null, times_redeemed: 0, valid: true, livemode: false,
    });
    expect(coupon.id).toMatch(/^[0-9A-Za-z]{8}$/);
    // The same key answers the same coupon; nothing new is made.
    expect((await h.stripe.coupons.create({ percent_off: 25.5, duration: "repeating", duration_in_months: 3, name: "Spring", metadata: { promotion_id: "p1" } }, { idempotencyKey: "coupon-spring" })).id).toBe(coupon.id);
    expect(await h.stripe.coupons.retrieve(coupon.id)).toMatchObject({ id: coupon.id, percent_off: 25.5 });
    expect(await h.stripe.coupons.update(coupon.id, { name: "Spring sale" })).toMatchObject({ name: "Spring sale", percent_off: 25.5 });
    const fixed = await h.stripe.coupons.create({ id: "FIVEOFF", amount_off: 500, currency: "USD" });
    expect(fixed).toMatchObject({ id: "FIVEOFF", amount_off: 500, currency: "usd", duration: "once", percent_off: null });
    expect((await h.stripe.coupons.list({ limit: 100 })).data.map((c) => c.id)).toEqual(expect.arrayContaining([coupon.id, "FIVEOFF"]));
    expect(await h.stripe.coupons.del("FIVEOFF")).toEqual({ id: "FIVEOFF", object: "coupon", deleted: true });
    await expect(h.stripe.coupons.retrieve("FIVEOFF")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
    expect(await receivedTypes(h)).toEqual(["coupon.created", "coupon.updated", "coupon.created", "coupon.deleted"]);
  });

  it("refuses incomplete or contradictory terms with Stripe's 400s", async () => {
    await expect(h.stripe.coupons.create({ duration: "once" })).rejects.toMatchObject({ statusCode: 400, param: "amount_off" });
    await expect(h.stripe.coupons.create({ percent_off: 10, amount_off: 100, currency: "usd" })).rejects.toMatchObject({ statusCode: 400, param: "percent_off" });
    await expect(h.stripe.coupons.create({ amount_off: 100 })).rejects.toMatchObject({ statusCode: 400, param: "currency" });
    await expect(h.stripe.coupons.create({ percent_off: 101 })).rejects.toMatchObject({ statusCode: 400, param: "percent_off" });
    await expect(h.stripe.coupons.create({ percent_off: 10, duration: "repeating" })).rejects.toMatchObject({ statusCode: 400, param: "duration_in_months" });
    await expect(h.stripe.coupons.create({ percent_off: 10, duration: "once", duration_in_months: 2 })).rejects.toMatchObject({ statusCode: 400, param: "duration_in_months" });
    await expect(h.stripe.coupons.create({ percent_off: 10, name: "x".repeat(41) })).rejects.toMatchObject({ statusCode: 400, param: "name" });
    await h.stripe.coupons.create({ id: "TAKEN", percent_off: 10 });
    await expect(h.stripe.coupons.create({ id: "TAKEN", percent_off: 10 })).rejects.toMatchObject({ statusCode: 400, code: "resource_already_exists" });
    await expect(h.stripe.coupons.update("TAKEN", { percent_off: 20 } as Stripe.CouponUpdateParams)).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe("a coupon on a subscription checkout", () => {
  it("discounts the session and the first invoice only (duration once), rounding the discount half up", async () => {
    const price = await monthlyPrice(h.stripe, 4999);
    const coupon = await h.stripe.coupons.create({ percent_off: 50, duration: "once", name: "Half off" });
    const open = await subscribeWith(price, coupon.id);
    // 50% of $49.99 is 2499.5 cents: the discount rounds to 2500, so $24.99 is due.
    expect(open).toMatchObject({ amount_subtotal: 4999, amount_total: 2499, total_details: { amount_discount: 2500 }, discounts: [{ coupon: coupon.id, promotion_code: null }] });
    const lines = await h.stripe.checkout.sessions.listLineItems(open.id);
    expect(lines.data[0]).toMatchObject({ amount_subtotal: 4999, amount_discount: 2500, amount_total: 2499 });
    expect(await (await fetch(open.url as string)).text()).toContain("Discount (Half off)");

    const paid = await pay(open);
    const subscription = await h.stripe.subscriptions.retrieve(paid.subscription as string, { expand: ["discounts"] });
    const discount = subscription.discounts[0] as Stripe.Discount;
    expect(discount).toMatchObject({ object: "discount", source: { type: "coupon", coupon: coupon.id }, subscription: subscription.id, customer: subscription.customer, end: null, checkout_session: null });
    expect(discount.start).toBe(subscription.start_date);
    const [first] = await invoices(subscription.id);
    expect(first).toMatchObject({ billing_reason: "subscription_create", subtotal: 4999, total: 2499, amount_due: 2499, amount_paid: 2499, discounts: [discount.id], total_discount_amounts: [{ amount: 2500, discount: discount.id }] });
    expect(first!.lines.data[0]).toMatchObject({ amount: 4999, discount_amounts: [{ amount: 2500, discount: discount.id }] });
    const payments = await h.stripe.invoicePayments.list({ invoice: first!.id });
    const intent = await h.stripe.paymentIntents.retrieve(payments.data[0]!.payment.payment_intent as string);
    expect(intent.amount).toBe(2499);
    expect(await h.stripe.coupons.retrieve(coupon.id)).toMatchObject({ times_redeemed: 1, valid: true });
    expect(await receivedTypes(h)).toContain("customer.discount.created");

    // The next month is billed in full, and the used-up discount leaves the subscription.
    h.emulator.advanceClock(31 * DAY);
    const [, renewal] = await invoices(subscription.id);
    expect(renewal).toMatchObject({ billing_reason: "subscription_cycle", subtotal: 4999, total: 4999, amount_paid: 4999, discounts: [], total_discount_amounts: [] });
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).discounts).toEqual([]);
  });

  it("keeps a repeating discount for its months: three discounted invoices, then the full price, as the preview says", async () => {
    const price = await monthlyPrice(h.stripe, 3000);
    const coupon = await h.stripe.coupons.create({ percent_off: 20, duration: "repeating", duration_in_months: 3 });
    const paid = await pay(await subscribeWith(price, coupon.id));
    const subscriptionId = paid.subscription as string;
    const preview = () => h.stripe.invoices.createPreview({ subscription: subscriptionId });
    expect((await preview()).total).toBe(2400);
    h.emulator.advanceClock(31 * DAY);
    h.emulator.advanceClock(31 * DAY);
    // The third renewal falls on the discount's end: the preview already shows the full price.
    expect((await preview()).total).toBe(3000);
    h.emulator.advanceClock(31 * DAY);
    expect((await invoices(subscriptionId)).map((invoice) => invoice.amount_paid)).toEqual([2400, 2400, 2400, 3000]);
    expect((await h.stripe.subscriptions.retrieve(subscriptionId)).discounts).toEqual([]);
  });

  it("refuses a coupon that does not exist, is used up, or is in another currency; a payment session is discounted too", async () => {
    const price = await monthlyPrice(h.stripe, 1000);
    await expect(subscribeWith(price, "NOPE")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing", param: "discounts[0][coupon]" });
    const once = await h.stripe.coupons.create({ percent_off: 10, max_redemptions: 1 });
    await pay(await subscribeWith(price, once.id));
    expect(await h.stripe.coupons.retrieve(once.id)).toMatchObject({ times_redeemed: 1, valid: false });
    await expect(subscribeWith(price, once.id)).rejects.toMatchObject({ statusCode: 400, code: "coupon_expired" });
    const euros = await h.stripe.coupons.create({ amount_off: 100, currency: "eur" });
    await expect(subscribeWith(price, euros.id)).rejects.toMatchObject({ statusCode: 400, param: "discounts[0][coupon]" });

    const pack = await oneTimePrice(h.stripe, 2500);
    const dollar = await h.stripe.coupons.create({ amount_off: 300, currency: "usd" });
    const session = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: pack.id, quantity: 1 }], customer_email: "p@example.test", discounts: [{ coupon: dollar.id }], success_url: "http://x" });
    expect(session).toMatchObject({ amount_subtotal: 2500, amount_total: 2200 });
    const done = await pay(session);
    expect((await h.stripe.paymentIntents.retrieve(done.payment_intent as string)).amount).toBe(2200);
    expect(await h.stripe.coupons.retrieve(dollar.id)).toMatchObject({ times_redeemed: 1 });
  });
});
