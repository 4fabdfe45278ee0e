// Promotions on monthly plans, end to end against the local Stripe emulator: a percent off rides on
// a Stripe coupon, so the first invoice (or the first N) charges the discounted price and later ones
// the full price; bonus credits arrive with the first paid invoice as their own expiring entry,
// once however often Stripe delivers; limits are reserved when Checkout opens and given back when
// the session expires or cannot be opened.
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCheckout } from "@/services/billing/create-checkout";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { createPromotion } from "@/services/promotions/create-promotion";
import { packageSales } from "@/services/promotions/package-sales";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { createPromotionBody, type CreatePromotionInput } from "@/types/promotions";
import { createAccount } from "../fixtures/accounts";
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

describeEachEngine("promotions on monthly plans", ({ prisma }) => {
  let adminId: string;
  const deliver = async (events: Stripe.Event[]) => {
    for (const event of events) await receiveStripeEvent(prisma(), event, { stripe });
  };
  const workspace = async () => (await prisma().workspace.create({ data: { name: "Shop", slug: `ws-${randomUUID()}`, wallet: { create: {} } }, select: { id: true } })).id;
  const plan = () => prisma().creditPackage.create({ data: { slug: `growth-${randomUUID().slice(0, 8)}`, name: "Growth", interval: "MONTH", priceCents: 4999, credits: 550 } });
  const promotion = async (fields: Partial<CreatePromotionInput>) => {
    adminId ??= (await createAccount(prisma(), { isPlatformAdmin: true })).user.id;
    const body = createPromotionBody.parse({ name: "Plan promo", kind: "PERCENT_OFF", percentOff: 20, appliesTo: ["PLAN"], startsAt: new Date(Date.now() - DAY_MS), ...fields });
    return createPromotion(prisma(), { actorId: adminId, promotion: body });
  };
  const open = (workspaceId: string, packageId: string, promotionCode?: string) => createCheckout(prisma(), stripe, { workspaceId, packageId, appUrl: "http://localhost:3000", promotionCode });
  const sessionOf = (checkoutUrl: string) => new URL(checkoutUrl).pathname.split("/").pop()!;

  /** Pays the hosted page and delivers what Stripe sent, each event twice; returns the subscription's id. */
  async function pay(checkoutUrl: string) {
    const since = emulator.state.events.size;
    expect((await submitCard(checkoutUrl, CARDS.success)).status).toBe(303);
    const events = recordedEvents(emulator, since);
    await deliver([...events, ...events]);
    return (await stripe.checkout.sessions.retrieve(sessionOf(checkoutUrl))).subscription as string;
  }
  /** Moves Stripe a month on (a renewal) and delivers what it sent. */
  async function renew() {
    const since = emulator.state.events.size;
    emulator.advanceClock(31 * DAY);
    await deliver(recordedEvents(emulator, since));
  }
  const payments = (workspaceId: string) => prisma().payment.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { id: true, amountCents: true, credits: true, status: true } });
  const entries = (workspaceId: string) => prisma().ledgerEntry.findMany({ where: { workspaceId }, orderBy: { sequence: "asc" }, select: { type: true, amount: true } });

  it("charges a percent-off sale's price on the first invoice only, through a Stripe coupon, and the plan's credits in full", async () => {
    const workspaceId = await workspace();
    const growth = await plan();
    const sale = await promotion({ name: "Launch 20", packageIds: [growth.id] });
    // What the billing page shows, and what Checkout then charges: $49.99 less 20% ($10.00).
    expect((await packageSales(prisma(), workspaceId, "PLAN", [growth])).get(growth.id)).toMatchObject({ percentOff: 20, discountCents: 1000, discountMonths: 1 });
    const checkout = await open(workspaceId, growth.id);
    expect(checkout.promotion).toMatchObject({ id: sale.id, discountCents: 1000, discountMonths: 1, bonusCredits: 0 });
    expect(await stripe.checkout.sessions.retrieve(sessionOf(checkout.checkoutUrl))).toMatchObject({ amount_subtotal: 4999, amount_total: 3999 });

    const subscriptionId = await pay(checkout.checkoutUrl);
    const [first] = await payments(workspaceId);
    expect(first).toMatchObject({ amountCents: 3999, credits: 550, status: "SUCCEEDED" });
    expect(await entries(workspaceId)).toEqual([{ type: "SUBSCRIPTION_GRANT", amount: 550 }]);
    expect(await prisma().promotionRedemption.findMany({ where: { workspaceId }, select: { status: true, paymentId: true, discountCents: true, bonusCredits: true, ledgerEntryId: true } })).toEqual([
      { status: "CONFIRMED", paymentId: first!.id, discountCents: 1000, bonusCredits: 0, ledgerEntryId: null },
    ]);
    const stored = await prisma().promotion.findUniqueOrThrow({ where: { id: sale.id } });
    expect(stored).toMatchObject({ redemptionCount: 1, stripeCouponId: expect.any(String) });
    expect(await stripe.coupons.retrieve(stored.stripeCouponId!)).toMatchObject({ percent_off: 20, duration: "once", metadata: { promotion_id: sale.id } });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).discounts).toHaveLength(1);

    // The next month costs the full price, for the same credits.
    await renew();
    expect((await payments(workspaceId)).map((payment) => [payment.amountCents, payment.credits])).toEqual([[3999, 550], [4999, 550]]);
    // A second subscriber reuses the promotion's coupon.
    const other = await workspace();
    await pay((await open(other, growth.id)).checkoutUrl);
    expect((await prisma().promotion.findUniqueOrThrow({ where: { id: sale.id } })).stripeCouponId).toBe(stored.stripeCouponId);
    expect((await payments(other)).map((payment) => payment.amountCents)).toEqual([3999]);
    await expectLedgerInvariants(prisma());
  });

  it("discounts the first three payments of a three-month promotion, and nothing of a sale for packs only", async () => {
    const growth = await plan();
    await promotion({ name: "Packs only", packageIds: [growth.id], appliesTo: ["PACK"], percentOff: 50 });
    const packsOnly = await workspace();
    expect((await open(packsOnly, growth.id)).promotion).toBeNull();

    await promotion({ name: "Quarter", code: `Q${randomUUID().slice(0, 6)}`, packageIds: [growth.id], percentOff: 30, planDiscountMonths: 3 });
    const [code] = await prisma().promotion.findMany({ where: { name: "Quarter" }, select: { code: true } });
    const workspaceId = await workspace();
    const checkout = await open(workspaceId, growth.id, code!.code!.toLowerCase());
    // 30% of 4999 is 1499.7: Stripe takes 1500 off.
    expect(checkout.promotion).toMatchObject({ name: "Quarter", discountCents: 1500, discountMonths: 3 });
    await pay(checkout.checkoutUrl);
    for (let month = 0; month < 3; month++) await renew();
    expect((await payments(workspaceId)).map((payment) => payment.amountCents)).toEqual([3499, 3499, 3499, 4999]);
    expect((await entries(workspaceId)).filter((entry) => entry.type === "SUBSCRIPTION_GRANT").map((entry) => entry.amount)).toEqual([550, 550, 550, 550]);
  });

  it("grants a bonus promotion's credits with the first paid invoice as their own expiring entry, once, and not at renewals", async () => {
    const workspaceId = await workspace();
    const growth = await plan();
    const bonus = await promotion({ name: "Welcome 300", kind: "BONUS_CREDITS", percentOff: null, bonusCredits: 300, bonusExpiresDays: 30, packageIds: [growth.id] });
    const checkout = await open(workspaceId, growth.id);
    expect(checkout.promotion).toMatchObject({ bonusCredits: 300, discountCents: 0, discountMonths: null });
    await pay(checkout.checkoutUrl);
    // Every event was delivered twice: one plan grant, one bonus.
    expect(await entries(workspaceId)).toEqual([
      { type: "SUBSCRIPTION_GRANT", amount: 550 },
      { type: "PROMO_BONUS", amount: 300 },
    ]);
    const lot = await prisma().creditGrant.findFirstOrThrow({ where: { workspaceId, source: "PROMO_BONUS" } });
    expect(lot.expiresAt!.getTime() - lot.createdAt.getTime()).toBeGreaterThan(29 * DAY_MS);
    const [payment] = await payments(workspaceId);
    expect(payment).toMatchObject({ amountCents: 4999 });
    expect(await prisma().promotionRedemption.findFirstOrThrow({ where: { workspaceId } })).toMatchObject({ status: "CONFIRMED", paymentId: payment!.id, bonusCredits: 300, ledgerEntryId: lot.sourceEntryId });
    expect(await prisma().promotion.findUniqueOrThrow({ where: { id: bonus.id } })).toMatchObject({ redemptionCount: 1, budgetUsedCredits: 300, stripeCouponId: null });

    await renew();
    expect((await entries(workspaceId)).map((entry) => entry.type)).toEqual(["SUBSCRIPTION_GRANT", "PROMO_BONUS", "SUBSCRIPTION_GRANT"]);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance).toBe(550 + 300 + 550);
    await expectLedgerInvariants(prisma());
  });

  it("reserves the limits when Checkout opens and gives them back when the session expires, exactly under concurrency", async () => {
    const growth = await plan();
    const shops = await Promise.all(Array.from({ length: 20 }, () => workspace()));
    const code = `FIVE${randomUUID().slice(0, 4)}`;
    const five = await promotion({ name: "First five", code, maxRedemptions: 5, packageIds: [growth.id] });
    const results = await Promise.allSettled(shops.map((shop) => open(shop, growth.id, code)));
    const opened = results.filter((result): result is PromiseFulfilledResult<Awaited<ReturnType<typeof open>>> => result.status === "fulfilled");
    expect(opened).toHaveLength(5);
    for (const result of results) if (result.status === "rejected") expect((result.reason as { code?: string }).code).toMatch(/^(conflict|validation_failed)$/);
    expect(await prisma().promotionRedemption.count({ where: { promotionId: five.id, status: "RESERVED", stripeCheckoutSessionId: { not: null } } })).toBe(5);

    // One session expires (delivered twice): its redemption goes back, and someone else may use it.
    const since = emulator.state.events.size;
    await stripe.checkout.sessions.expire(sessionOf(opened[0]!.value.checkoutUrl));
    const expired = recordedEvents(emulator, since, ["checkout.session.expired"]);
    await deliver([...expired, ...expired]);
    expect(await prisma().promotion.findUniqueOrThrow({ where: { id: five.id } })).toMatchObject({ redemptionCount: 4 });
    const refusedShop = shops[results.findIndex((result) => result.status === "rejected")]!;
    expect((await open(refusedShop, growth.id, code)).promotion).toMatchObject({ id: five.id });
    expect(await prisma().promotion.findUniqueOrThrow({ where: { id: five.id } })).toMatchObject({ redemptionCount: 5 });

    // A budget of bonus credits and a first-purchase-only promotion hold the same way.
    const budget = await promotion({ name: "Budget", code: `B${randomUUID().slice(0, 6)}`, kind: "BONUS_CREDITS", percentOff: null, bonusCredits: 100, budgetCredits: 300, packageIds: [growth.id] });
    const fresh = await Promise.all(Array.from({ length: 10 }, () => workspace()));
    const budgeted = await Promise.allSettled(fresh.map((shop) => open(shop, growth.id, budget.code!)));
    expect(budgeted.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    expect(await prisma().promotion.findUniqueOrThrow({ where: { id: budget.id } })).toMatchObject({ redemptionCount: 3, budgetUsedCredits: 300 });
  });

  it("gives the reservation back when Stripe refuses the session, and refuses a first-purchase promotion after a payment", async () => {
    const growth = await plan();
    const workspaceId = await workspace();
    const sale = await promotion({ name: "Broken coupon", code: `X${randomUUID().slice(0, 6)}`, packageIds: [growth.id] });
    const first = await open(workspaceId, growth.id, sale.code!);
    await stripe.checkout.sessions.expire(sessionOf(first.checkoutUrl));
    // The coupon is deleted at Stripe: the next session is refused, and holds nothing.
    const { stripeCouponId } = await prisma().promotion.findUniqueOrThrow({ where: { id: sale.id } });
    await stripe.coupons.del(stripeCouponId!);
    const before = (await prisma().promotion.findUniqueOrThrow({ where: { id: sale.id } })).redemptionCount;
    await expect(open(await workspace(), growth.id, sale.code!)).rejects.toMatchObject({ statusCode: 404 });
    expect((await prisma().promotion.findUniqueOrThrow({ where: { id: sale.id } })).redemptionCount).toBe(before);
    expect(await prisma().promotionRedemption.count({ where: { promotionId: sale.id, status: "RELEASED" } })).toBe(1);

    const newcomers = await promotion({ name: "Newcomers", code: `N${randomUUID().slice(0, 6)}`, kind: "BONUS_CREDITS", percentOff: null, bonusCredits: 50, firstPurchaseOnly: true, packageIds: [growth.id] });
    const payer = await workspace();
    await prisma().payment.create({ data: { workspaceId: payer, interval: "ONE_TIME", status: "SUCCEEDED", amountCents: 1000, credits: 100 } });
    await expect(open(payer, growth.id, newcomers.code!)).rejects.toMatchObject({ code: "validation_failed" });
    expect((await open(await workspace(), growth.id, newcomers.code!)).promotion).toMatchObject({ id: newcomers.id });
  });
});
