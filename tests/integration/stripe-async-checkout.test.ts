// A pack paid by US bank account (ACH Direct Debit) against the local Stripe emulator: Checkout
// completes unpaid while the debit processes, and the bank answers days later. Nothing is granted
// until it pays; then the pack's credits land exactly once, whichever of the webhook deliveries
// and the return page gets there first, however often; a returned debit grants nothing.
import { afterAll, beforeAll, expect, it } from "vitest";
import type Stripe from "stripe";
import { checkoutLedgerKey } from "@/services/billing/fulfil-checkout-session";
import { completeCheckoutReturn } from "@/services/billing/complete-checkout-return";
import { createCheckout } from "@/services/billing/create-checkout";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { createFundedAccount } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { BANK_ACCOUNTS, deliverToWebhookRoute, recordedEvents, settleBankDebit, submitBankAccount } from "../helpers/stripe-emulator-harness";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  // Events are recorded, not delivered: each test hands them to the webhook route itself.
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
});
afterAll(() => emulator.close());

const FOUR_DAYS = 4 * 86_400;

describeEachEngine("buying a credit pack by bank debit", ({ prisma }) => {
  /** A workspace with no credits starts a 250-credit pack's checkout and pays it with `accountNumber`. */
  async function payByBank(accountNumber: string) {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const pack = await prisma().creditPackage.create({
      data: { slug: `pack-${workspaceId.slice(0, 8)}`, name: "250 credits", interval: "ONE_TIME", priceCents: 2500, credits: 250 },
    });
    const since = emulator.state.events.size;
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: pack.id, appUrl: "http://localhost:3000" });
    expect((await submitBankAccount(checkout.checkoutUrl, accountNumber)).status).toBe(303);
    const { stripeCheckoutSessionId } = await prisma().payment.findUniqueOrThrow({ where: { id: checkout.paymentId! } });
    const sessionId = stripeCheckoutSessionId!;
    return {
      workspaceId,
      sessionId,
      paymentId: checkout.paymentId!,
      /** The return page, as the paying member sees it. */
      returnPage: () => completeCheckoutReturn(prisma(), stripe, { sessionId, userId: account.user.id }),
      /** The events of this checkout's session and PaymentIntent so far, oldest first (other tests' are left out). */
      events: async (types?: string[]) => {
        const { payment_intent: paymentIntent } = await stripe.checkout.sessions.retrieve(sessionId);
        return recordedEvents(emulator, since, types).filter((event) => [sessionId, paymentIntent].includes((event.data.object as { id: string; payment_intent?: unknown }).id) || (event.data.object as { payment_intent?: unknown }).payment_intent === paymentIntent);
      },
    };
  }
  const balance = async (workspaceId: string) => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance;
  const grants = (sessionId: string) => prisma().ledgerEntry.count({ where: { idempotencyKey: checkoutLedgerKey(sessionId) } });
  const storedStatus = async (event: Stripe.Event) => (await prisma().stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).status;

  it("grants nothing when Checkout completes unpaid, and keeps the payment pending", async () => {
    const buy = await payByBank(BANK_ACCOUNTS.succeeds);
    const [completed] = await buy.events(["checkout.session.completed"]);
    expect(completed?.data.object).toMatchObject({ id: buy.sessionId, status: "complete", payment_status: "unpaid" });
    const events = await buy.events();
    expect(events.map((event) => event.type)).toEqual(["payment_intent.processing", "charge.pending", "checkout.session.completed"]);
    await deliverToWebhookRoute(events);

    expect(await storedStatus(completed!)).toBe("PROCESSED");
    expect(await buy.returnPage()).toEqual({ status: "pending" });
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: buy.paymentId } })).toMatchObject({ status: "PENDING", ledgerEntryId: null, paidAt: null, failureMessage: null });
    expect([await balance(buy.workspaceId), await grants(buy.sessionId)]).toEqual([0, 0]);
  });

  it("grants the pack's credits once when the bank pays, with the event delivered twice while the return page looks", async () => {
    const buy = await payByBank(BANK_ACCOUNTS.succeeds);
    await deliverToWebhookRoute(await buy.events());
    await settleBankDebit(emulator, buy.sessionId);
    const [succeeded] = await buy.events(["checkout.session.async_payment_succeeded"]);
    expect(succeeded?.data.object).toMatchObject({ id: buy.sessionId, payment_status: "paid" });

    const [first, second, page] = await Promise.all([deliverToWebhookRoute([succeeded!]), deliverToWebhookRoute([succeeded!]), buy.returnPage()]);
    expect([first, second]).toEqual([1, 1]);
    expect(page).toEqual({ status: "credited", credits: 250, balance: 250 });
    // Everything again, the late `completed` (an unpaid snapshot) included: nothing changes.
    await deliverToWebhookRoute(await buy.events());
    expect(await buy.returnPage()).toEqual({ status: "credited", credits: 250, balance: 250 });

    expect([await balance(buy.workspaceId), await grants(buy.sessionId), await storedStatus(succeeded!)]).toEqual([250, 1, "PROCESSED"]);
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: buy.paymentId } })).toMatchObject({
      status: "SUCCEEDED",
      stripePaymentIntentId: expect.stringMatching(/^pi_/),
      ledgerEntryId: expect.any(String),
      paidAt: expect.any(Date),
    });
    await expectLedgerInvariants(prisma());
  });

  it("lets the return page grant before a webhook arrives; the events, newest first, then grant nothing more", async () => {
    const buy = await payByBank(BANK_ACCOUNTS.succeeds);
    expect(await buy.returnPage()).toEqual({ status: "pending" });
    emulator.advanceClock(FOUR_DAYS);
    expect(await buy.returnPage()).toEqual({ status: "credited", credits: 250, balance: 250 });
    await deliverToWebhookRoute((await buy.events()).reverse());
    expect([await balance(buy.workspaceId), await grants(buy.sessionId)]).toEqual([250, 1]);
    await expectLedgerInvariants(prisma());
  });

  it("grants nothing when the bank returns the debit, and the payment shows failed", async () => {
    const buy = await payByBank(BANK_ACCOUNTS.fails);
    await deliverToWebhookRoute(await buy.events());
    expect(await buy.returnPage()).toEqual({ status: "pending" });
    emulator.advanceClock(FOUR_DAYS);
    // Until the failure's webhook lands the page can only say the payment is still processing.
    expect(await buy.returnPage()).toEqual({ status: "pending" });
    const [failed] = await buy.events(["checkout.session.async_payment_failed"]);
    expect(failed?.data.object).toMatchObject({ id: buy.sessionId, payment_status: "unpaid" });
    await deliverToWebhookRoute([failed!, failed!]);
    await deliverToWebhookRoute(await buy.events());

    expect(await buy.returnPage()).toEqual({ status: "failed", message: "The payment failed" });
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: buy.paymentId } })).toMatchObject({ status: "FAILED", failureMessage: "The payment failed", ledgerEntryId: null });
    expect([await balance(buy.workspaceId), await grants(buy.sessionId), await storedStatus(failed!)]).toEqual([0, 0, "PROCESSED"]);
  });
});
