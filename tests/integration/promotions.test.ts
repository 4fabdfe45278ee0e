// Promotions end to end against the local Stripe emulator: a sale charges the discounted price on
// Checkout and the credits land right (base purchase and promotional bonus as separate entries);
// a reservation made when Checkout opens holds every limit exactly under 50 concurrent checkouts,
// and is given back when the session expires.
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCheckout } from "@/services/billing/create-checkout";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { createPromotion } from "@/services/promotions/create-promotion";
import { quotePurchase } from "@/services/pricing/quote-purchase";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { createPromotionBody, type CreatePromotionInput } from "@/types/promotions";
import { createAccount } from "../fixtures/accounts";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { CARDS, recordedEvents, submitCard } from "../helpers/stripe-emulator-harness";

const DAY_MS = 86_400_000;
let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
});
afterAll(() => emulator.close());

describeEachEngine("promotions", ({ prisma }) => {
  let adminId: string;
  const deliver = async (events: Stripe.Event[]) => {
    for (const event of events) await receiveStripeEvent(prisma(), event, { stripe });
  };
  const workspace = () => prisma().workspace.create({ data: { name: "Shop", slug: `ws-${randomUUID()}`, wallet: { create: {} } }, select: { id: true } });
  const pack = () => prisma().creditPackage.create({ data: { slug: `pack-${randomUUID().slice(0, 8)}`, name: "250 credits", interval: "ONE_TIME", priceCents: 2500, credits: 250 } });
  const promotion = async (fields: Partial<CreatePromotionInput>) => {
    if (!adminId) adminId = (await createAccount(prisma(), { isPlatformAdmin: true })).user.id;
    const body = createPromotionBody.parse({ name: "Promo", kind: "BONUS_CREDITS", bonusCredits: 50, startsAt: new Date(Date.now() - DAY_MS), ...fields });
    return createPromotion(prisma(), { actorId: adminId, promotion: body });
  };
  const entries = (workspaceId: string) =>
    prisma().ledgerEntry.findMany({ where: { workspaceId }, orderBy: { sequence: "asc" }, select: { type: true, amount: true, description: true } });

  /** Buys through Checkout: pays the hosted page, delivers the events; returns the session. */
  async function pay(checkoutUrl: string) {
    const since = emulator.state.events.size;
    expect((await submitCard(checkoutUrl, CARDS.success)).status).toBe(303);
    await deliver(recordedEvents(emulator, since));
    const sessionId = new URL(checkoutUrl).pathname.split("/").pop()!;
    return stripe.checkout.sessions.retrieve(sessionId);
  }

  it("charges a sale's price on Checkout and grants the pack's credits; a bonus code adds its own expiring entry", async () => {
    const { id: workspaceId } = await workspace();
    const item = await pack();
    await promotion({ name: "Spring sale", kind: "PERCENT_OFF", percentOff: 20, bonusCredits: null, packageIds: [item.id], appliesTo: ["PACK"] });

    const sale = await createCheckout(prisma(), stripe, { workspaceId, packageId: item.id, appUrl: "http://localhost:3000" });
    expect(sale.promotion).toMatchObject({ name: "Spring sale", percentOff: 20, discountCents: 500, bonusCredits: 0 });
    const paid = await pay(sale.checkoutUrl);
    expect(paid).toMatchObject({ amount_total: 2000, payment_status: "paid" });
    expect(await entries(workspaceId)).toEqual([{ type: "PURCHASE", amount: 250, description: "250 credits purchased" }]);
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: sale.paymentId! } })).toMatchObject({ status: "SUCCEEDED", amountCents: 2000, credits: 250 });

    // A bonus code on top of nothing else (the sale covers only percent off): base and bonus, separately.
    const code = await promotion({ name: "Welcome", code: "welcome50", bonusCredits: 50, bonusExpiresDays: 30, appliesTo: ["PACK", "CUSTOM"] });
    const bonus = await createCheckout(prisma(), stripe, { workspaceId, packageId: item.id, appUrl: "http://localhost:3000", promotionCode: "Welcome50" });
    expect(bonus.promotion).toMatchObject({ code: "WELCOME50", bonusCredits: 50, discountCents: 0 });
    expect(await pay(bonus.checkoutUrl)).toMatchObject({ amount_total: 2500 });
    // Delivered again: nothing more.
    expect((await entries(workspaceId)).slice(1)).toEqual([
      { type: "PURCHASE", amount: 250, description: "250 credits purchased" },
      { type: "PROMO_BONUS", amount: 50, description: "Promotion “Welcome”: bonus credits" },
    ]);
    const lot = await prisma().creditGrant.findFirstOrThrow({ where: { workspaceId, source: "PROMO_BONUS" } });
    expect(lot.expiresAt!.getTime() - lot.createdAt.getTime()).toBeGreaterThan(29 * DAY_MS);
    expect(await prisma().promotionRedemption.findMany({ where: { workspaceId }, select: { status: true, bonusCredits: true, discountCents: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { status: "CONFIRMED", bonusCredits: 0, discountCents: 500 },
      { status: "CONFIRMED", bonusCredits: 50, discountCents: 0 },
    ]);
    expect(await prisma().promotion.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({ redemptionCount: 1, budgetUsedCredits: 50 });
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance).toBe(550);
    await expectLedgerInvariants(prisma());
  });

  it("quotes a custom amount with the code's promotion, and refuses a code that does not apply", async () => {
    await promotion({ name: "Custom 10", code: "CUSTOM10", kind: "PERCENT_OFF", percentOff: 10, bonusCredits: null, appliesTo: ["CUSTOM"] });
    const quote = await quotePurchase(prisma(), 1000, { promotionCode: "custom10" });
    expect(quote).toMatchObject({ subtotalCents: 10_000, totalCents: 9_000, discountCents: 1_000, promotion: { name: "Custom 10", discountCents: 1_000 } });
    const item = await pack();
    const { id: workspaceId } = await workspace();
    await expect(createCheckout(prisma(), stripe, { workspaceId, packageId: item.id, appUrl: "http://x.test", promotionCode: "CUSTOM10" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(quotePurchase(prisma(), 1000, { promotionCode: "NOPE" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  /**
   * Opens `count` checkouts at once; returns how many opened and whether every other one was
   * refused as out of room: `conflict` when the reservation found it full, `validation_failed`
   * when the code was already seen full before reserving.
   */
  async function concurrently(count: number, open: (index: number) => Promise<unknown>) {
    const results = await Promise.allSettled(Array.from({ length: count }, (_, index) => open(index)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as { code?: string }).code ?? String(r.reason));
    return { opened: results.length - refused.length, refusedAsFull: refused.every((code) => code === "conflict" || code === "validation_failed") };
  }

  it("holds the total, per-workspace and budget limits exactly under 50 concurrent checkouts", async () => {
    const item = await pack();
    const shops = await Promise.all(Array.from({ length: 50 }, () => workspace()));

    const total = await promotion({ name: "First ten", code: "FIRST10", maxRedemptions: 10, packageIds: [item.id] });
    expect(await concurrently(50, (i) => createCheckout(prisma(), stripe, { workspaceId: shops[i]!.id, packageId: item.id, appUrl: "http://x.test", promotionCode: "FIRST10" }))).toEqual({ opened: 10, refusedAsFull: true });
    expect(await prisma().promotion.findUniqueOrThrow({ where: { id: total.id } })).toMatchObject({ redemptionCount: 10 });
    expect(await prisma().promotionRedemption.count({ where: { promotionId: total.id, status: "RESERVED" } })).toBe(10);

    const perShop = await promotion({ name: "Three each", code: "THREE", maxPerWorkspace: 3, packageIds: [item.id] });
    expect(await concurrently(50, () => createCheckout(prisma(), stripe, { workspaceId: shops[0]!.id, packageId: item.id, appUrl: "http://x.test", promotionCode: "THREE" }))).toEqual({ opened: 3, refusedAsFull: true });
    expect(await prisma().promotionRedemption.count({ where: { promotionId: perShop.id, workspaceId: shops[0]!.id } })).toBe(3);

    const budget = await promotion({ name: "Budget", code: "BUDGET", bonusCredits: 100, budgetCredits: 1_000, packageIds: [item.id] });
    expect(await concurrently(50, (i) => createCheckout(prisma(), stripe, { workspaceId: shops[i]!.id, packageId: item.id, appUrl: "http://x.test", promotionCode: "BUDGET" }))).toEqual({ opened: 10, refusedAsFull: true });
    expect(await prisma().promotion.findUniqueOrThrow({ where: { id: budget.id } })).toMatchObject({ redemptionCount: 10, budgetUsedCredits: 1_000 });
  });

  it("gives an expired checkout's reservation back, and a first-purchase promotion stops after the first payment", async () => {
    const item = await pack();
    const { id: workspaceId } = await workspace();
    const once = await promotion({ name: "Only one", code: "ONLYONE", maxRedemptions: 1, packageIds: [item.id] });
    const open = () => createCheckout(prisma(), stripe, { workspaceId, packageId: item.id, appUrl: "http://x.test", promotionCode: "ONLYONE" });
    const first = await open();
    await expect(open()).rejects.toMatchObject({ code: "validation_failed" });
    const since = emulator.state.events.size;
    await stripe.checkout.sessions.expire(new URL(first.checkoutUrl).pathname.split("/").pop()!);
    const expired = recordedEvents(emulator, since, ["checkout.session.expired"]);
    await deliver([...expired, ...expired]);
    expect(await prisma().promotion.findUniqueOrThrow({ where: { id: once.id } })).toMatchObject({ redemptionCount: 0 });
    const second = await open();
    expect(second.promotion).toMatchObject({ bonusCredits: 50 });

    await promotion({ name: "Newcomers", code: "NEWCOMER", firstPurchaseOnly: true, packageIds: [item.id] });
    await pay(second.checkoutUrl);
    await expect(createCheckout(prisma(), stripe, { workspaceId, packageId: item.id, appUrl: "http://x.test", promotionCode: "NEWCOMER" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
