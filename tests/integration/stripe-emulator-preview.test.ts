// The emulator's invoice preview (`invoices.createPreview`) against what the same change then
// actually bills, through the official SDK; and the hosted receipt a charge's receipt_url names.
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CARDS, monthlyPrice, oneTimePrice, startHarness, submitCard, subscribe, type Harness } from "../helpers/stripe-emulator-harness";

const DAY = 86_400;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ webhookUrl: null });
});
afterAll(() => h.close());
beforeEach(async () => {
  await fetch(`${h.emulator.url}/_emulator/reset`, { method: "POST" });
});

async function subscribedTo(price: Stripe.Price) {
  const session = await subscribe(h, price);
  return h.stripe.subscriptions.retrieve(session.subscription as string);
}

const lineAmounts = (invoice: Stripe.Invoice) => invoice.lines.data.map((line) => [line.description, line.amount, line.period.start, line.period.end]).sort();

describe("invoice preview", () => {
  it("previews an always_invoice upgrade to the cent, and the update sent with its proration_date bills exactly that", async () => {
    const [growth, scale] = [await monthlyPrice(h.stripe, 4999, "Growth"), await monthlyPrice(h.stripe, 9999, "Scale")];
    const subscription = await subscribedTo(growth);
    const item = subscription.items.data[0]!;
    h.emulator.advanceClock(11 * DAY + 3_517);
    const preview = await h.stripe.invoices.createPreview({
      subscription: subscription.id,
      subscription_details: { items: [{ id: item.id, price: scale.id }], proration_behavior: "always_invoice" },
    });
    const prorationDate = preview.parent!.subscription_details!.subscription_proration_date!;
    expect(prorationDate).toBe(h.emulator.clock.now());
    // Independent arithmetic: each side of the change prorated by the share of the period left, rounded to the cent.
    const left = (item.current_period_end - prorationDate) / (item.current_period_end - item.current_period_start);
    expect(preview).toMatchObject({ billing_reason: "subscription_update", amount_due: Math.round(9999 * left) - Math.round(4999 * left) });
    expect(preview.id).toMatch(/^upcoming_in_/);

    // Time passes between the preview and the confirmation; the proration date pins the amounts.
    h.emulator.advanceClock(600);
    const updated = await h.stripe.subscriptions.update(subscription.id, { items: [{ id: item.id, price: scale.id }], proration_behavior: "always_invoice", proration_date: prorationDate });
    const invoice = await h.stripe.invoices.retrieve(updated.latest_invoice as string);
    expect(invoice).toMatchObject({ status: "paid", billing_reason: "subscription_update", amount_due: preview.amount_due, amount_paid: preview.amount_due, total: preview.total });
    expect(lineAmounts(invoice)).toEqual(lineAmounts(preview));
    // A preview is not an invoice: nothing stored, so it cannot be fetched.
    await expect(h.stripe.invoices.retrieve(preview.id!)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("previews the next renewal, at the new price for a change without prorations and with them for create_prorations", async () => {
    const [growth, starter] = [await monthlyPrice(h.stripe, 4999, "Growth"), await monthlyPrice(h.stripe, 1999, "Starter")];
    const subscription = await subscribedTo(growth);
    const item = subscription.items.data[0]!;
    h.emulator.advanceClock(5 * DAY);
    const none = await h.stripe.invoices.createPreview({ subscription: subscription.id, subscription_details: { items: [{ id: item.id, price: starter.id }], proration_behavior: "none" } });
    expect(none).toMatchObject({ billing_reason: "upcoming", amount_due: 1999, next_payment_attempt: item.current_period_end });

    const prorating = await h.stripe.invoices.createPreview({ subscription: subscription.id, subscription_details: { items: [{ id: item.id, price: starter.id }], proration_date: h.emulator.clock.now() } });
    const date = prorating.parent!.subscription_details!.subscription_proration_date!;
    await h.stripe.subscriptions.update(subscription.id, { items: [{ id: item.id, price: starter.id }], proration_behavior: "create_prorations", proration_date: date });
    h.emulator.advanceClock(item.current_period_end - h.emulator.clock.now() + 60);
    const renewal = (await h.stripe.invoices.list({ subscription: subscription.id })).data.find((invoice) => invoice.billing_reason === "subscription_cycle")!;
    expect(renewal.amount_due).toBe(prorating.amount_due);
    expect(lineAmounts(renewal)).toEqual(lineAmounts(prorating));
  });

  it("refuses a proration date outside the current period, and a subscription that has ended", async () => {
    const subscription = await subscribedTo(await monthlyPrice(h.stripe, 4999, "Growth"));
    const item = subscription.items.data[0]!;
    await expect(h.stripe.invoices.createPreview({ subscription: subscription.id, subscription_details: { items: [{ id: item.id, quantity: 2 }], proration_date: item.current_period_start - 10 } })).rejects.toMatchObject({
      statusCode: 400,
      param: "subscription_details[proration_date]",
    });
    await h.stripe.subscriptions.cancel(subscription.id);
    await expect(h.stripe.invoices.createPreview({ subscription: subscription.id })).rejects.toMatchObject({ statusCode: 400, code: "invoice_upcoming_none" });
  });
});

describe("receipts", () => {
  it("serves the page a paid charge's receipt_url names, and none for a declined one", async () => {
    const price = await oneTimePrice(h.stripe, 2500);
    const session = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: price.id, quantity: 1 }], customer_email: "r@example.test", success_url: "http://x" });
    expect((await submitCard(session.url!, CARDS.declined)).status).toBe(402);
    expect((await submitCard(session.url!, CARDS.success)).status).toBe(303);
    const charges = (await h.stripe.charges.list({ limit: 10 })).data;
    const paid = charges.find((charge) => charge.status === "succeeded")!;
    const declined = charges.find((charge) => charge.status === "failed")!;
    expect(declined.receipt_url).toBeNull();
    const page = await fetch(paid.receipt_url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("25.00 USD");
    expect(html).toContain("ending in 4242");
    expect((await fetch(`${h.emulator.url}/receipts/${declined.id}`)).status).toBe(404);
  });
});
