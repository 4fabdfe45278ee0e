// A custom number of credits bought end to end: quoted by the pricing service through its endpoint,
// charged at that total by a Checkout Session on the in-process emulator (official SDK), paid with
// 4242, and granted exactly once. Out-of-range amounts are refused before anything is written.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import Stripe from "stripe";
import { GET as quote } from "@/app/api/pricing/quote/route";
import { POST as checkout } from "@/app/api/workspaces/[workspaceId]/checkout/route";
import { installStripe } from "@/lib/stripe/client";
import { completeCheckoutReturn } from "@/services/billing/complete-checkout-return";
import { createCheckout } from "@/services/billing/create-checkout";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { expectLedgerInvariants } from "../helpers/invariants";
import { CARDS, deliverToWebhookRoute, recordedEvents, submitCard } from "../helpers/stripe-emulator-harness";
import { createAccount } from "../fixtures/accounts";
import { createFundedAccount } from "../fixtures/credits";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  // Events are recorded, not delivered: the test hands them to the webhook route itself.
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
  installStripe(stripe);
});
afterAll(async () => {
  installStripe(undefined);
  await emulator.close();
});


describeEachEngine("buying a custom number of credits", ({ prisma }) => {
  async function owner() {
    const account = await createFundedAccount(prisma(), 0);
    return { account, workspaceId: account.workspace.id, cookie: await sessionCookie(account.user.id) };
  }
  const balance = async (workspaceId: string) => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance;
  const customersOf = async (workspaceId: string) => (await stripe.customers.list({ limit: 100 })).data.filter((c) => c.metadata.workspace_id === workspaceId);

  it("quotes 7,500 credits at 5% off, charges that total at Checkout, and grants exactly 7,500 once", async () => {
    const { account, workspaceId, cookie } = await owner();
    const quoted = await callRoute(quote, { path: "/api/pricing/quote?credits=7500", cookie });
    expect(quoted.status).toBe(200);
    expect(quoted.body).toEqual({
      credits: 7_500,
      currency: "usd",
      baseUnitCents: 10,
      unitCents: 9.5,
      subtotalCents: 75_000,
      discountCents: 3_750,
      totalCents: 71_250,
      tier: { minCredits: 5_000, percentOff: 5 },
      nextTier: { minCredits: 20_000, percentOff: 10 },
      promotion: null,
    });

    const since = emulator.state.events.size;
    const started = await callRoute(checkout, { body: { credits: 7_500 }, cookie, params: { workspaceId }, idempotencyKey: "buy-7500" });
    expect(started.status).toBe(201);
    expect(started.body.checkoutUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const payment = await prisma().payment.findUniqueOrThrow({ where: { id: started.body.paymentId } });
    expect(payment).toMatchObject({ workspaceId, packageId: null, interval: "ONE_TIME", status: "PENDING", credits: 7_500, bonusCredits: 0, amountCents: 71_250, currency: "usd" });

    const sessionId = payment.stripeCheckoutSessionId!;
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({ mode: "payment", amount_total: 71_250, currency: "usd", client_reference_id: workspaceId, metadata: { payment_id: payment.id, workspace_id: workspaceId } });
    const items = await stripe.checkout.sessions.listLineItems(sessionId);
    expect(items.data).toHaveLength(1);
    expect(items.data[0]).toMatchObject({ description: "7,500 credits", quantity: 1, amount_total: 71_250 });

    expect((await submitCard(started.body.checkoutUrl, CARDS.success)).status).toBe(303);
    expect(await completeCheckoutReturn(prisma(), stripe, { sessionId, userId: account.user.id })).toEqual({ status: "credited", credits: 7_500, balance: 7_500 });
    expect(await deliverToWebhookRoute(recordedEvents(emulator, since, ["checkout.session.completed", "charge.succeeded", "payment_intent.succeeded"]))).toBe(3);
    expect(await completeCheckoutReturn(prisma(), stripe, { sessionId, userId: account.user.id })).toEqual({ status: "credited", credits: 7_500, balance: 7_500 });
    expect(await balance(workspaceId)).toBe(7_500);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId, type: "PURCHASE" } })).toBe(1);
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "SUCCEEDED", amountCents: 71_250 });
    await expectLedgerInvariants(prisma());
  });

  it("charges the base rate below the first tier", async () => {
    const { workspaceId, cookie } = await owner();
    const started = await callRoute(checkout, { body: { credits: 250 }, cookie, params: { workspaceId }, idempotencyKey: "buy-250" });
    expect(started.status).toBe(201);
    const payment = await prisma().payment.findUniqueOrThrow({ where: { id: started.body.paymentId } });
    expect(payment).toMatchObject({ credits: 250, amountCents: 2_500 });
    expect((await stripe.checkout.sessions.retrieve(payment.stripeCheckoutSessionId!)).amount_total).toBe(2_500);
  });

  it("answers 422 with field errors for out-of-range or malformed amounts, and writes nothing", async () => {
    const { workspaceId, cookie } = await owner();
    const cases: [unknown, string, string][] = [
      [{ credits: 99 }, "credits", "Buy at least 100 credits"],
      [{ credits: 1_000_001 }, "credits", "Buy at most 1,000,000 credits at once"],
      [{ credits: 0 }, "credits", "Buy at least 100 credits"],
      [{ credits: -500 }, "credits", "Buy at least 100 credits"],
      [{ credits: 2_500.5 }, "credits", "Enter a whole number of credits"],
      [{ credits: "7500" }, "_", "Send either packageId (a pack or plan) or credits (a custom amount)"],
      [{ credits: 7_500, packageId: randomUUID() }, "_", "Send either packageId (a pack or plan) or credits (a custom amount)"],
      [{}, "_", "Send either packageId (a pack or plan) or credits (a custom amount)"],
    ];
    for (const [body, field, message] of cases) {
      const response = await callRoute(checkout, { body, cookie, params: { workspaceId }, idempotencyKey: "buy-bad" });
      expect([JSON.stringify(body), response.status, response.headers.get("content-type"), response.body.code, response.body.errors]).toEqual([
        JSON.stringify(body),
        422,
        "application/problem+json",
        "validation_failed",
        { [field]: [message] },
      ]);
    }
    // The service refuses on its own too, before it creates a Stripe customer or a payment.
    await expect(createCheckout(prisma(), stripe, { workspaceId, credits: 50, appUrl: "http://localhost:3000" })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fieldErrors: { credits: ["Buy at least 100 credits"] } },
    });
    expect(await prisma().payment.count({ where: { workspaceId } })).toBe(0);
    expect(await customersOf(workspaceId)).toHaveLength(0);
    expect(await balance(workspaceId)).toBe(0);
  });

  it("lets only the workspace's owners and admins start one", async () => {
    const { workspaceId } = await owner();
    const member = await createAccount(prisma());
    await prisma().membership.create({ data: { workspaceId, userId: member.user.id, role: "MEMBER" } });
    const asMember = await callRoute(checkout, { body: { credits: 500 }, cookie: await sessionCookie(member.user.id), params: { workspaceId } });
    expect([asMember.status, asMember.body.code]).toEqual([403, "forbidden"]);
    const anonymous = await callRoute(checkout, { body: { credits: 500 }, params: { workspaceId } });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, "unauthenticated"]);
    const stranger = await createAccount(prisma());
    const asStranger = await callRoute(checkout, { body: { credits: 500 }, cookie: await sessionCookie(stranger.user.id), params: { workspaceId } });
    expect([asStranger.status, asStranger.body.code]).toEqual([404, "not_found"]);
    expect(await prisma().payment.count({ where: { workspaceId } })).toBe(0);
  });

  it("answers quotes for signed-in users only, with field errors for bad amounts", async () => {
    const { cookie } = await owner();
    const ask = (query: string, withCookie = true) => callRoute(quote, { path: `/api/pricing/quote${query}`, cookie: withCookie ? cookie : undefined });

    const typed = await ask(`?credits=${encodeURIComponent("2,500")}`);
    expect(typed.status).toBe(200);
    expect(typed.body).toMatchObject({ credits: 2_500, totalCents: 25_000, discountCents: 0, tier: null, nextTier: { minCredits: 5_000, percentOff: 5 } });
    expect((await ask("?credits=100000")).body).toMatchObject({ totalCents: 850_000, discountCents: 150_000, tier: { percentOff: 15 }, nextTier: null });

    for (const [query, message] of [
      ["?credits=99", "Buy at least 100 credits"],
      ["?credits=1000001", "Buy at most 1,000,000 credits at once"],
      ["?credits=12.5", "Enter a whole number of credits"],
      ["?credits=abc", "Enter a whole number of credits"],
      ["", "Invalid input: expected string, received undefined"],
    ] as const) {
      const response = await ask(query);
      expect([query, response.status, response.body.code, response.body.errors]).toEqual([query, 422, "validation_failed", { credits: [message] }]);
    }
    expect((await ask("?credits=500&discount=50")).status).toBe(422);
    const anonymous = await ask("?credits=500", false);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, "unauthenticated"]);
  });
});
