// Refunds and chargebacks take back the promotional credits their payment brought, against the
// local Stripe emulator: a promotion's bonus in proportion to the money refunded (rounded down, in
// the customer's favour), spent or not, as purchased credits are; a referral's bonuses when the
// payment that earned them is refunded in full (the referrer only what it has not spent); given
// back when a chargeback is won; exactly once however often Stripe delivers.
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCheckout } from "@/services/billing/create-checkout";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { consumeCredits } from "@/services/credits/consume-credits";
import { createPromotion } from "@/services/promotions/create-promotion";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { createPromotionBody, type CreatePromotionInput } from "@/types/promotions";
import { createAccount } from "../fixtures/accounts";
import { createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { CARDS, recordedEvents, submitCard, tenthOfNextMonth } from "../helpers/stripe-emulator-harness";

const DAY = 86_400;
const DAY_MS = DAY * 1000;
let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null, now: tenthOfNextMonth() });
  stripe = emulatorClient(emulator);
});
afterAll(() => emulator.close());

describeEachEngine("clawback of promotional credits", ({ prisma }) => {
  let adminId: string;
  /** Runs `act` against Stripe, then delivers every event it caused twice (Stripe retries). */
  async function twice(act: () => Promise<unknown>) {
    const since = emulator.state.events.size;
    await act();
    const events = recordedEvents(emulator, since);
    for (const event of [...events, ...events]) await receiveStripeEvent(prisma(), event, { stripe });
  }
  const workspace = async () => (await prisma().workspace.create({ data: { name: "Shop", slug: `ws-${randomUUID()}`, wallet: { create: {} } }, select: { id: true } })).id;
  const pack = () => prisma().creditPackage.create({ data: { slug: `pack-${randomUUID().slice(0, 8)}`, name: "250 credits", interval: "ONE_TIME", priceCents: 2500, credits: 250 } });
  const promotion = async (fields: Partial<CreatePromotionInput>) => {
    adminId ??= (await createAccount(prisma(), { isPlatformAdmin: true })).user.id;
    const body = createPromotionBody.parse({ name: "Bonus", code: `C${randomUUID().slice(0, 8)}`, kind: "BONUS_CREDITS", bonusCredits: 55, bonusExpiresDays: 30, appliesTo: ["PACK", "PLAN"], startsAt: new Date(Date.now() - DAY_MS), ...fields });
    return createPromotion(prisma(), { actorId: adminId, promotion: body });
  };
  const balance = async (workspaceId: string) => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance;
  const clawbacks = (workspaceId: string) =>
    prisma().ledgerEntry.findMany({ where: { workspaceId, type: "PAYMENT_REFUND_CLAWBACK" }, orderBy: { sequence: "asc" }, select: { amount: true, reverses: { select: { type: true } } } });

  /** Buys `packageId` through Checkout (with `code`), pays, delivers; returns the payment and its PaymentIntent. */
  async function buy(workspaceId: string, packageId: string, code?: string) {
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId, appUrl: "http://localhost:3000", promotionCode: code });
    await twice(() => submitCard(checkout.checkoutUrl, CARDS.success));
    const payment = await prisma().payment.findFirstOrThrow({ where: { workspaceId, status: "SUCCEEDED" }, orderBy: { createdAt: "desc" } });
    return { payment, paymentIntent: payment.stripePaymentIntentId! };
  }
  const refund = (paymentIntent: string, amount?: number) => twice(() => stripe.refunds.create({ payment_intent: paymentIntent, ...(amount ? { amount } : {}) }));

  it("takes back a pack's bonus in proportion to each refund, rounded down, and all of it with the rest", async () => {
    const workspaceId = await workspace();
    const item = await pack();
    const bonus = await promotion({ name: "Fifty-five" });
    const { payment, paymentIntent } = await buy(workspaceId, item.id, bonus.code!);
    expect(await balance(workspaceId)).toBe(305);

    // 30% refunded: 75 of the 250 bought, and 16 of the 55 bonus (16.5 rounded down).
    await refund(paymentIntent, 750);
    expect(await clawbacks(workspaceId)).toEqual([
      { amount: -75, reverses: { type: "PURCHASE" } },
      { amount: -16, reverses: { type: "PROMO_BONUS" } },
    ]);
    expect(await balance(workspaceId)).toBe(305 - 75 - 16);
    expect(await prisma().promotionRedemption.findUniqueOrThrow({ where: { paymentId: payment.id } })).toMatchObject({ status: "CONFIRMED", creditsClawedBack: 16 });

    // The rest refunded: everything bought and every bonus credit, once.
    await refund(paymentIntent);
    expect((await clawbacks(workspaceId)).map((entry) => entry.amount)).toEqual([-75, -16, -175, -39]);
    expect(await balance(workspaceId)).toBe(0);
    expect(await prisma().promotionRedemption.findUniqueOrThrow({ where: { paymentId: payment.id } })).toMatchObject({ creditsClawedBack: 55 });
    await expectLedgerInvariants(prisma());
  });

  it("takes back spent bonus credits too, as it does purchased ones, and gives them back with their expiry when a chargeback is won", async () => {
    const workspaceId = await workspace();
    const item = await pack();
    const bonus = await promotion({ name: "Spent", bonusCredits: 100 });
    const { payment, paymentIntent } = await buy(workspaceId, item.id, bonus.code!);
    const service = await createService(prisma());
    // The bonus expires first, so it is spent first: 100 of these 120 are bonus credits.
    await consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 120, idempotencyKey: randomUUID(), actor: { type: "API_KEY" } });
    expect(await balance(workspaceId)).toBe(230);

    const charge = (await stripe.paymentIntents.retrieve(paymentIntent)).latest_charge as string;
    let disputeId = "";
    await twice(async () => {
      const response = await fetch(`${emulator.url}/_emulator/charges/${charge}/dispute`, { method: "POST", body: "{}" });
      disputeId = ((await response.json()) as { id: string }).id;
    });
    // The whole payment is withdrawn: 250 bought and 100 bonus, spent or not: the wallet owes 120.
    expect(await balance(workspaceId)).toBe(-120);
    expect(await prisma().promotionRedemption.findUniqueOrThrow({ where: { paymentId: payment.id } })).toMatchObject({ creditsClawedBack: 100 });

    await twice(() => fetch(`${emulator.url}/_emulator/disputes/${disputeId}/close`, { method: "POST", body: JSON.stringify({ outcome: "won" }) }));
    expect(await balance(workspaceId)).toBe(230);
    expect(await prisma().promotionRedemption.findUniqueOrThrow({ where: { paymentId: payment.id } })).toMatchObject({ creditsClawedBack: 0 });
    const [original, reinstated] = await prisma().creditGrant.findMany({ where: { workspaceId, source: "PROMO_BONUS" }, orderBy: { createdAt: "asc" } });
    expect(reinstated).toMatchObject({ credits: 100, remaining: 100, expiresAt: original!.expiresAt });
    await expectLedgerInvariants(prisma());
  });

  it("takes back a plan's first-invoice bonus with a full refund of that invoice", async () => {
    const workspaceId = await workspace();
    const plan = await prisma().creditPackage.create({ data: { slug: `plan-${randomUUID().slice(0, 8)}`, name: "Growth", interval: "MONTH", priceCents: 4999, credits: 550 } });
    const bonus = await promotion({ name: "Plan bonus", bonusCredits: 300, packageIds: [plan.id] });
    const { payment, paymentIntent } = await buy(workspaceId, plan.id, bonus.code!);
    expect(await balance(workspaceId)).toBe(850);
    expect(await prisma().promotionRedemption.findFirstOrThrow({ where: { promotionId: bonus.id } })).toMatchObject({ paymentId: payment.id });
    await refund(paymentIntent);
    expect((await clawbacks(workspaceId)).map((entry) => [entry.amount, entry.reverses!.type])).toEqual([
      [-550, "SUBSCRIPTION_GRANT"],
      [-300, "PROMO_BONUS"],
    ]);
    expect(await balance(workspaceId)).toBe(0);
    await expectLedgerInvariants(prisma());
  });

  it("keeps referral bonuses through a partial refund; a full one takes the new workspace's back and what the referrer has not spent", async () => {
    const referrer = await workspace();
    const referred = await workspace();
    await prisma().referral.create({ data: { referrerWorkspaceId: referrer, referredWorkspaceId: referred } });
    const item = await pack();
    const { payment, paymentIntent } = await buy(referred, item.id);
    expect(await prisma().referral.findUniqueOrThrow({ where: { referredWorkspaceId: referred } })).toMatchObject({ status: "REWARDED", paymentId: payment.id, referredCredits: 500, referrerCredits: 500 });
    expect([await balance(referred), await balance(referrer)]).toEqual([750, 500]);
    const service = await createService(prisma());
    const spend = (workspaceId: string, quantity: number) => consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity, idempotencyKey: randomUUID(), actor: { type: "API_KEY" } });
    await spend(referrer, 200);
    await spend(referred, 600);

    await refund(paymentIntent, 1000);
    // 40% of the purchase (100 credits) only: the referral stands.
    expect((await clawbacks(referred)).map((entry) => [entry.amount, entry.reverses!.type])).toEqual([[-100, "PURCHASE"]]);
    expect([await balance(referred), await balance(referrer)]).toEqual([50, 300]);

    await refund(paymentIntent);
    // The new workspace loses its whole welcome bonus, spent or not; the referrer the 300 it still had.
    expect((await clawbacks(referred)).map((entry) => [entry.amount, entry.reverses!.type])).toEqual([
      [-100, "PURCHASE"],
      [-150, "PURCHASE"],
      [-500, "PROMO_BONUS"],
    ]);
    expect((await clawbacks(referrer)).map((entry) => [entry.amount, entry.reverses!.type])).toEqual([[-300, "PROMO_BONUS"]]);
    expect([await balance(referred), await balance(referrer)]).toEqual([-600, 0]);
    expect(await prisma().referral.findUniqueOrThrow({ where: { referredWorkspaceId: referred } })).toMatchObject({ status: "REWARDED", referredClawedBack: 500, referrerClawedBack: 300 });
    await expectLedgerInvariants(prisma());
  });
});
