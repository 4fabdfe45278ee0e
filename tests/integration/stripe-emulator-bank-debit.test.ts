// Paying a checkout by US bank account (ACH Direct Debit) on the emulator's hosted page: the
// session completes unpaid while the debit processes, and the bank answers later — on the clock or
// through the settle control — with Stripe's asynchronous events. No database.
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BANK_ACCOUNTS, CARDS, monthlyPrice, oneTimePrice, receivedTypes, settleBankDebit, startHarness, submitBankAccount, submitCard, type Harness } from "../helpers/stripe-emulator-harness";

let h: Harness;
let price: Stripe.Price;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await fetch(`${h.emulator.url}/_emulator/reset`, { method: "POST" });
  price = await oneTimePrice(h.stripe, 2500);
  await h.emulator.webhooks.idle();
  h.receiver.events.length = 0;
});

const DAY = 86_400;

function paymentSession(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return h.stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [{ price: price.id, quantity: 1 }],
    customer_email: "buyer@example.test",
    success_url: "http://localhost:3000/credits/checkout?session_id={CHECKOUT_SESSION_ID}",
    ...extra,
  });
}

/** The session, its PaymentIntent and that intent's latest charge, as the API shows them now. */
async function payment(sessionId: string) {
  const session = await h.stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent.latest_charge"] });
  const paymentIntent = session.payment_intent as Stripe.PaymentIntent;
  return { session, paymentIntent, charge: paymentIntent.latest_charge as Stripe.Charge };
}

async function newTypes() {
  const types = await receivedTypes(h);
  h.receiver.events.length = 0;
  return types;
}

describe("the hosted page's US bank account option", () => {
  it("is offered to a payment in US dollars, as a tab beside the card form, with a labelled form", async () => {
    const session = await paymentSession();
    expect(session.payment_method_types).toEqual(["card", "us_bank_account"]);
    const cardPage = await (await fetch(session.url as string)).text();
    expect(cardPage).toContain(`<nav class="tabs" aria-label="Payment method"><a href="/c/pay/${session.id}" aria-current="page">Card</a><a href="/c/pay/${session.id}/us_bank_account">US bank account</a></nav>`);
    const bankPage = await fetch(`${session.url}/us_bank_account`);
    const html = await bankPage.text();
    expect(bankPage.status).toBe(200);
    for (const field of ["account_holder_name", "routing_number", "account_number", "account_number_confirmation"]) expect(html).toMatch(new RegExp(`<label for="${field}">`));
    expect(html).toContain('<a href="/c/pay/' + session.id + '/us_bank_account" aria-current="page">US bank account</a>');
    expect(html).toMatch(/<button type="submit">Pay 25\.00 USD<\/button>/);
  });

  it("is not offered to a subscription: no tab, and the bank URL leads back to the card form", async () => {
    const monthly = await monthlyPrice(h.stripe);
    const session = await h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: monthly.id, quantity: 1 }], customer_email: "s@example.test", success_url: "http://x" });
    expect(session.payment_method_types).toEqual(["card"]);
    expect(await (await fetch(session.url as string)).text()).not.toContain("US bank account");
    const bank = await fetch(`${session.url}/us_bank_account`, { redirect: "manual" });
    expect([bank.status, bank.headers.get("location")]).toEqual([303, `/c/pay/${session.id}`]);
    expect((await submitBankAccount(session.url as string, BANK_ACCOUNTS.succeeds)).status).toBe(303);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
  });

  it.each([
    [{ account_holder_name: " " }, "account_holder_name", "Enter the account holder's name."],
    [{ routing_number: "12345" }, "routing_number", "Your routing number must have 9 digits."],
    [{ routing_number: "021000021" }, "routing_number", "This is not a test bank account."],
    [{ account_number: "000999999991", account_number_confirmation: "000999999991" }, "account_number", "This is not a test bank account."],
    [{ account_number: "12" , account_number_confirmation: "12" }, "account_number", "Your account number must have 4 to 17 digits."],
    [{ account_number_confirmation: "000123456788" }, "account_number_confirmation", "The account numbers do not match."],
  ])("refuses %o in the form, marking %s, and charges nothing", async (fields, field, message) => {
    const session = await paymentSession();
    const response = await submitBankAccount(session.url as string, BANK_ACCOUNTS.succeeds, fields);
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain(`role="alert">${message.replace("'", "&#39;")}`);
    expect(html).toMatch(new RegExp(`id="${field}" name="${field}"[^>]*aria-invalid="true" aria-describedby="payment-error"`));
    expect(await h.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "open", payment_intent: null });
    expect(h.emulator.state.paymentIntents.size).toBe(0);
    expect(await newTypes()).toEqual([]);
  });

  it("asks for an email when the session knows no buyer", async () => {
    const session = await paymentSession({ customer_email: undefined });
    expect(await (await submitBankAccount(session.url as string, BANK_ACCOUNTS.succeeds)).text()).toContain('role="alert">Enter a valid email address.');
    expect((await submitBankAccount(session.url as string, BANK_ACCOUNTS.succeeds, { email: "ach@example.test" })).status).toBe(303);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).customer_details?.email).toBe("ach@example.test");
  });
});

describe("a bank debit that the bank pays", () => {
  it("completes the session unpaid while processing, then pays it when settled", async () => {
    const session = await paymentSession({ customer_creation: "always", payment_intent_data: { metadata: { workspace_id: "ws_1" } } });
    const response = await submitBankAccount(session.url as string, BANK_ACCOUNTS.succeeds);
    expect([response.status, response.headers.get("location")]).toEqual([303, `http://localhost:3000/credits/checkout?session_id=${session.id}`]);

    const processing = await payment(session.id);
    expect(processing.session).toMatchObject({ status: "complete", payment_status: "unpaid", customer: expect.stringMatching(/^cus_/) });
    expect(processing.paymentIntent).toMatchObject({ status: "processing", amount: 2500, amount_received: 0, payment_method_types: ["card", "us_bank_account"], metadata: { workspace_id: "ws_1" }, last_payment_error: null });
    expect(processing.charge).toMatchObject({ status: "pending", paid: false, amount: 2500, billing_details: { name: "Jenny Rosen" }, failure_code: null });
    expect(processing.charge.payment_method_details).toEqual({
      type: "us_bank_account",
      us_bank_account: { account_holder_type: "individual", account_type: "checking", bank_name: "STRIPE TEST BANK", fingerprint: expect.any(String), last4: "6789", payment_reference: null, routing_number: "110000000" },
    });
    expect(await newTypes()).toEqual(["customer.created", "payment_intent.processing", "charge.pending", "checkout.session.completed"]);
    // A completed session is never payable again, by bank or card.
    expect((await fetch(`${session.url}/us_bank_account`, { redirect: "manual" })).status).toBe(303);

    expect(await settleBankDebit(h.emulator, session.id)).toMatchObject({ id: session.id, status: "complete", payment_status: "paid" });
    const paid = await payment(session.id);
    expect(paid.paymentIntent).toMatchObject({ status: "succeeded", amount_received: 2500 });
    expect(paid.charge).toMatchObject({ id: processing.charge.id, status: "succeeded", paid: true });
    expect(await newTypes()).toEqual(["payment_intent.succeeded", "charge.succeeded", "checkout.session.async_payment_succeeded"]);
    const succeeded = (await h.stripe.events.list({ type: "checkout.session.async_payment_succeeded" })).data[0];
    expect(succeeded?.data.object).toMatchObject({ id: session.id, payment_status: "paid", payment_intent: processing.paymentIntent.id });

    const again = await fetch(`${h.emulator.url}/_emulator/checkout/sessions/${session.id}/settle`, { method: "POST" });
    expect(again.status).toBe(400);
    expect(await newTypes()).toEqual([]);
  });

  it("settles by itself once the clock passes four days, and not before", async () => {
    const session = await paymentSession();
    await submitBankAccount(session.url as string, BANK_ACCOUNTS.succeeds);
    await newTypes();
    h.emulator.advanceClock(3 * DAY);
    expect((await payment(session.id)).paymentIntent.status).toBe("processing");
    const advanced = await fetch(`${h.emulator.url}/_emulator/clock/advance`, { method: "POST", body: JSON.stringify({ seconds: DAY }) });
    expect(((await advanced.json()) as { events: { type: string }[] }).events.map((event) => event.type)).toEqual(["payment_intent.succeeded", "charge.succeeded", "checkout.session.async_payment_succeeded"]);
    expect((await payment(session.id)).session.payment_status).toBe("paid");
  });

  it("keeps the PaymentIntent of a declined card when the buyer then pays by bank", async () => {
    const session = await paymentSession();
    expect((await submitCard(session.url as string, CARDS.declined)).status).toBe(402);
    const declined = (await h.stripe.checkout.sessions.retrieve(session.id)).payment_intent;
    expect((await submitBankAccount(session.url as string, BANK_ACCOUNTS.succeeds)).status).toBe(303);
    const { paymentIntent } = await payment(session.id);
    expect(paymentIntent).toMatchObject({ id: declined, status: "processing", last_payment_error: null });
  });
});

describe("a bank debit that the bank returns", () => {
  it("fails the payment with account_closed and sends async_payment_failed; the session stays unpaid", async () => {
    const session = await paymentSession();
    expect((await submitBankAccount(session.url as string, BANK_ACCOUNTS.fails)).status).toBe(303);
    expect((await payment(session.id)).session).toMatchObject({ status: "complete", payment_status: "unpaid" });
    expect(await newTypes()).toEqual(["payment_intent.processing", "charge.pending", "checkout.session.completed"]);

    h.emulator.advanceClock(4 * DAY);
    const failed = await payment(session.id);
    expect(failed.session).toMatchObject({ status: "complete", payment_status: "unpaid" });
    expect(failed.paymentIntent).toMatchObject({ status: "requires_payment_method", amount_received: 0, last_payment_error: { code: "account_closed", message: "The customer's bank account has been closed.", charge: failed.charge.id } });
    expect(failed.charge).toMatchObject({ status: "failed", paid: false, failure_code: "account_closed", outcome: { network_status: "declined_by_network" }, failure_balance_transaction: expect.stringMatching(/^txn_/) });
    expect(await newTypes()).toEqual(["charge.failed", "payment_intent.payment_failed", "checkout.session.async_payment_failed"]);
    const settle = await fetch(`${h.emulator.url}/_emulator/checkout/sessions/${session.id}/settle`, { method: "POST" });
    expect(settle.status).toBe(400);
  });
});
