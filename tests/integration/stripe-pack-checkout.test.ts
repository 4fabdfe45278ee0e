// A pack bought end to end against the local Stripe emulator through the official SDK: the app
// creates the Checkout Session, the card is paid on the hosted page, and the credits arrive once,
// whichever paths report the payment (the return page, each webhook event) and in any order.
import { afterAll, beforeAll, expect, it } from "vitest";
import Stripe from "stripe";
import { completeCheckoutReturn } from "@/services/billing/complete-checkout-return";
import { createCheckout } from "@/services/billing/create-checkout";
import { createPortalSession } from "@/services/billing/create-portal-session";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { createAccount } from "../fixtures/accounts";
import { createFundedAccount } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { CARDS, deliverToWebhookRoute, recordedEvents, submitCard } from "../helpers/stripe-emulator-harness";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  // Events are recorded, not delivered: the test hands them to the webhook route itself.
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
});
afterAll(() => emulator.close());


describeEachEngine("buying a credit pack through Checkout", ({ prisma }) => {
  async function buyer() {
    const account = await createFundedAccount(prisma(), 0);
    const pack = await prisma().creditPackage.create({
      data: { slug: `pack-${account.workspace.id.slice(0, 8)}`, name: "250 credits", interval: "ONE_TIME", priceCents: 2500, credits: 250 },
    });
    return { account, pack, workspaceId: account.workspace.id };
  }
  const balance = async (workspaceId: string) => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance;

  it("credits the pack once, from the return page and again from every event of the payment", async () => {
    const { account, pack, workspaceId } = await buyer();
    const since = emulator.state.events.size;
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: pack.id, appUrl: "http://localhost:3000" });
    expect((await submitCard(checkout.checkoutUrl, CARDS.success)).status).toBe(303);
    const payment = await prisma().payment.findUniqueOrThrow({ where: { id: checkout.paymentId! } });
    const sessionId = payment.stripeCheckoutSessionId!;

    expect(await completeCheckoutReturn(prisma(), stripe, { sessionId, userId: account.user.id })).toEqual({ status: "credited", credits: 250, balance: 250 });
    expect(await deliverToWebhookRoute(recordedEvents(emulator, since, ["checkout.session.completed", "charge.succeeded", "payment_intent.succeeded"]))).toBe(3);
    expect(await completeCheckoutReturn(prisma(), stripe, { sessionId, userId: account.user.id })).toEqual({ status: "credited", credits: 250, balance: 250 });
    expect(await balance(workspaceId)).toBe(250);
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: checkout.paymentId! } })).toMatchObject({ status: "SUCCEEDED", stripePaymentIntentId: expect.stringMatching(/^pi_/) });
    await expectLedgerInvariants(prisma());
  });

  it("keeps a declined checkout pending and uncredited, and shows it only to the paying workspace", async () => {
    const { account, pack, workspaceId } = await buyer();
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: pack.id, appUrl: "http://localhost:3000" });
    expect(await (await submitCard(checkout.checkoutUrl, CARDS.declined)).text()).toContain("Your card was declined.");
    const { stripeCheckoutSessionId: sessionId } = await prisma().payment.findUniqueOrThrow({ where: { id: checkout.paymentId! } });
    expect(await completeCheckoutReturn(prisma(), stripe, { sessionId: sessionId!, userId: account.user.id })).toEqual({ status: "pending" });
    const stranger = await createAccount(prisma());
    await expect(completeCheckoutReturn(prisma(), stripe, { sessionId: sessionId!, userId: stranger.user.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await balance(workspaceId)).toBe(0);
  });

  it("reuses the workspace's Stripe customer and the pack's Stripe price", async () => {
    const { pack, workspaceId } = await buyer();
    await createCheckout(prisma(), stripe, { workspaceId, packageId: pack.id, appUrl: "http://localhost:3000" });
    await createCheckout(prisma(), stripe, { workspaceId, packageId: pack.id, appUrl: "http://localhost:3000" });
    const customers = await stripe.customers.list({ limit: 100 });
    expect(customers.data.filter((customer) => customer.metadata.workspace_id === workspaceId)).toHaveLength(1);
    const prices = await stripe.prices.list({ limit: 100 });
    expect(prices.data.filter((price) => price.metadata.package_id === pack.id)).toHaveLength(1);
  });

  it("opens the Customer Portal for the workspace's own Stripe customer", async () => {
    const { workspaceId } = await buyer();
    const portal = await createPortalSession(prisma(), stripe, { workspaceId, returnUrl: "http://localhost:3000/billing" });
    expect(portal.url).toMatch(new RegExp(`^${emulator.url}/`));
    const page = await (await fetch(portal.url)).text();
    const { stripeCustomerId } = await prisma().workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    expect(page).toContain("http://localhost:3000/billing");
    expect(await stripe.customers.retrieve(stripeCustomerId!)).toMatchObject({ metadata: { workspace_id: workspaceId } });
  });

  it("refuses a package that is not an active one-time pack", async () => {
    const { pack, workspaceId } = await buyer();
    await prisma().creditPackage.update({ where: { id: pack.id }, data: { isActive: false } });
    await expect(createCheckout(prisma(), stripe, { workspaceId, packageId: pack.id, appUrl: "http://localhost:3000" })).rejects.toMatchObject({ code: "not_found" });
  });
});
