// Monthly plans through Checkout in subscription mode, against the local Stripe emulator: each
// paid invoice grants its plan's credits once, expiring at the period's end; local state converges
// on Stripe's object whatever order (or how often) the events arrive.
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { changeSubscription } from "@/services/billing/change-subscription";
import { createCheckout } from "@/services/billing/create-checkout";
import { readSubscription, syncSubscription } from "@/services/billing/sync-subscription";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { createFundedAccount } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { CARDS, recordedEvents, submitCard } from "../helpers/stripe-emulator-harness";

const DAY = 86_400;
let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
});
afterAll(() => emulator.close());

const eventCount = () => emulator.state.events.size;
const eventsSince = (since: number, types?: string[]) => recordedEvents(emulator, since, types);

describeEachEngine("subscriptions to monthly plans", ({ prisma }) => {
  const deliver = async (events: Stripe.Event[]) => {
    for (const event of events) await receiveStripeEvent(prisma(), event, { stripe });
  };

  /** A workspace subscribed to a 550-credit plan through Checkout; its events recorded, not yet delivered. */
  async function subscribed(terms: { rolloverCapCredits?: number } = {}) {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const rollover = terms.rolloverCapCredits === undefined ? {} : { rolloverCredits: true, rolloverCapCredits: terms.rolloverCapCredits };
    const plan = await prisma().creditPackage.create({
      data: { slug: `growth-${workspaceId.slice(0, 8)}`, name: "Growth", interval: "MONTH", priceCents: 4999, credits: 550, ...rollover },
    });
    const since = eventCount();
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: plan.id, appUrl: "http://localhost:3000" });
    expect((await submitCard(checkout.checkoutUrl, CARDS.success)).status).toBe(303);
    const [created] = eventsSince(since, ["customer.subscription.created"]);
    return { workspaceId, plan, since, checkoutUrl: checkout.checkoutUrl, subscriptionId: (created!.data.object as Stripe.Subscription).id };
  }

  const grants = (workspaceId: string) =>
    prisma().ledgerEntry.findMany({ where: { workspaceId, type: "SUBSCRIPTION_GRANT" }, orderBy: { sequence: "asc" }, select: { amount: true, referenceId: true } });

  it("grants the plan's credits for the paid first invoice, expiring at the period's end", async () => {
    const { workspaceId, since, subscriptionId } = await subscribed();
    await deliver(eventsSince(since));
    const remote = await stripe.subscriptions.retrieve(subscriptionId);
    const local = await prisma().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscriptionId } });
    expect(local).toMatchObject({ workspaceId, status: "ACTIVE", cancelAtPeriodEnd: false, currentPeriodEnd: new Date(remote.items.data[0]!.current_period_end * 1000) });
    expect(await grants(workspaceId)).toEqual([{ amount: 550, referenceId: expect.stringMatching(/^in_/) }]);
    const lot = await prisma().creditGrant.findFirstOrThrow({ where: { workspaceId } });
    expect(lot.expiresAt).toEqual(local.currentPeriodEnd);
    expect(await prisma().payment.findFirstOrThrow({ where: { workspaceId } })).toMatchObject({ status: "SUCCEEDED", interval: "MONTH", credits: 550, amountCents: 4999, stripePaymentIntentId: expect.stringMatching(/^pi_/) });
  });

  it("converges on Stripe's object with one grant, in every order of created, updated, invoice.paid and deleted", async () => {
    const types = ["customer.subscription.created", "customer.subscription.updated", "invoice.paid", "customer.subscription.deleted"];
    for (const order of permutations([0, 1, 2, 3])) {
      const { workspaceId, since, subscriptionId } = await subscribed();
      await stripe.subscriptions.cancel(subscriptionId);
      const events = eventsSince(since, types);
      const byType = types.map((type) => events.find((event) => event.type === type)!);
      await deliver([...order.map((index) => byType[index]!), byType[order[0]!]!]); // and one duplicate
      const local = await prisma().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscriptionId } });
      expect([order.join(""), local.status, local.endedAt === null]).toEqual([order.join(""), "CANCELED", false]);
      expect((await grants(workspaceId)).map((grant) => grant.amount)).toEqual([550]);
    }
    await expectLedgerInvariants(prisma());
  });

  it("grants again at each renewal, and never after a cancellation at period end", async () => {
    const { workspaceId, since, subscriptionId } = await subscribed();
    await deliver(eventsSince(since));
    const renewal = eventCount();
    emulator.advanceClock(31 * DAY);
    await deliver(eventsSince(renewal));
    expect((await grants(workspaceId)).map((grant) => grant.amount)).toEqual([550, 550]);

    const cancel = eventCount();
    await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    emulator.advanceClock(31 * DAY);
    await deliver(eventsSince(cancel));
    expect(await prisma().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscriptionId } })).toMatchObject({ status: "CANCELED" });
    expect((await grants(workspaceId)).map((grant) => grant.amount)).toEqual([550, 550]);
    await expectLedgerInvariants(prisma());
  });

  it("rolls unused credits of a rollover plan into each renewal, up to the plan's cap, oldest written off first", async () => {
    const { workspaceId, since } = await subscribed({ rolloverCapCredits: 1000 });
    await deliver(eventsSince(since));
    const balances = [(await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance];
    for (let month = 0; month < 3; month++) {
      const renewal = eventCount();
      emulator.advanceClock(31 * DAY);
      // Delivered twice: a repeated renewal trims and grants nothing more.
      await deliver([...eventsSince(renewal), ...eventsSince(renewal)]);
      balances.push((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance);
    }
    // 550; 550 kept + 550; 1,100 → 1,000 kept + 550; 1,550 → 1,000 kept + 550.
    expect(balances).toEqual([550, 1100, 1550, 1550]);
    const expired = await prisma().ledgerEntry.findMany({ where: { workspaceId, type: "EXPIRY" }, orderBy: { sequence: "asc" }, select: { amount: true } });
    expect(expired.map((entry) => entry.amount)).toEqual([-100, -450, -100]);
    const lots = await prisma().creditGrant.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { remaining: true, expiresAt: true } });
    expect(lots).toEqual([0, 450, 550, 550].map((remaining) => ({ remaining, expiresAt: null })));
    await expectLedgerInvariants(prisma());
  });

  it("marks the subscription past due when a renewal payment fails, and grants nothing for it", async () => {
    const { workspaceId, since, subscriptionId } = await subscribed();
    await deliver(eventsSince(since));
    const customer = (await stripe.subscriptions.retrieve(subscriptionId)).customer as string;
    await fetch(`${emulator.url}/_emulator/customers/${customer}/card`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ behavior: "decline" }) });
    const renewal = eventCount();
    emulator.advanceClock(31 * DAY);
    await deliver(eventsSince(renewal));
    expect(await prisma().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscriptionId } })).toMatchObject({ status: "PAST_DUE" });
    expect((await grants(workspaceId)).map((grant) => grant.amount)).toEqual([550]);
    expect(await prisma().payment.count({ where: { workspaceId, status: "FAILED" } })).toBe(1);
  });

  it("cancels at period end, resumes, pauses, switches plan and cancels now, in step with Stripe", async () => {
    const { workspaceId, plan, since, subscriptionId } = await subscribed();
    await deliver(eventsSince(since));
    const actorId = (await prisma().membership.findFirstOrThrow({ where: { workspaceId } })).userId;
    const change = (change: Parameters<typeof changeSubscription>[2]["change"]) => changeSubscription(prisma(), stripe, { workspaceId, actorId, change });
    const remote = () => stripe.subscriptions.retrieve(subscriptionId);

    expect(await change({ action: "cancel", atPeriodEnd: true })).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: true });
    expect((await remote()).cancel_at_period_end).toBe(true);
    expect(await change({ action: "resume" })).toMatchObject({ cancelAtPeriodEnd: false });
    expect(await change({ action: "pause" })).toMatchObject({ isCollectionPaused: true });
    expect((await remote()).pause_collection).toMatchObject({ behavior: "void" });
    expect(await change({ action: "resume" })).toMatchObject({ isCollectionPaused: false });
    // Cancel at period end again: a new request (the first cancel's key must not replay).
    expect(await change({ action: "cancel", atPeriodEnd: true })).toMatchObject({ cancelAtPeriodEnd: true });
    expect((await remote()).cancel_at_period_end).toBe(true);
    await change({ action: "resume" });

    const scale = await prisma().creditPackage.create({ data: { slug: `scale-${workspaceId.slice(0, 8)}`, name: "Scale", interval: "MONTH", priceCents: 9999, credits: 1200 } });
    await expect(change({ action: "switch_plan", packageId: plan.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await change({ action: "switch_plan", packageId: scale.id })).toMatchObject({ plan: { id: scale.id, credits: 1200 } });
    expect((await remote()).items.data[0]!.price.unit_amount).toBe(9999);

    expect(await change({ action: "cancel", atPeriodEnd: false })).toBeNull();
    expect((await remote()).status).toBe("canceled");
    expect(await prisma().auditLog.count({ where: { workspaceId, action: { startsWith: "subscription." } } })).toBe(8);
    await expect(change({ action: "resume" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("upgrades mid-period with the prorated difference in money and credits; downgrades at no refund, from the next renewal", async () => {
    const { workspaceId, since, subscriptionId } = await subscribed();
    await deliver(eventsSince(since));
    const actorId = (await prisma().membership.findFirstOrThrow({ where: { workspaceId } })).userId;
    const change = (packageId: string) => changeSubscription(prisma(), stripe, { workspaceId, actorId, change: { action: "switch_plan", packageId } });
    const { current_period_start: start, current_period_end: end } = (await stripe.subscriptions.retrieve(subscriptionId)).items.data[0]!;
    const scale = await prisma().creditPackage.create({ data: { slug: `scale-${workspaceId.slice(0, 8)}`, name: "Scale", interval: "MONTH", priceCents: 9999, credits: 1200 } });

    const upgrade = eventCount();
    const switchedAt = emulator.advanceClock(11 * DAY);
    await change(scale.id);
    await deliver(eventsSince(upgrade));
    const [paid] = eventsSince(upgrade, ["invoice.paid"]);
    const invoice = paid!.data.object as Stripe.Invoice;
    expect(invoice.billing_reason).toBe("subscription_update");
    // The credits Stripe's prorations paid for: the new plan's for the rest of the period, less the old plan's.
    const [unused, remaining] = [...invoice.lines.data].sort((a, b) => a.amount - b.amount);
    const extra = Math.floor((1200 * remaining!.amount) / 9999 + (550 * unused!.amount) / 4999);
    // …which is (1,200 − 550) × the share of the period left, give or take Stripe's rounding to cents.
    expect(Math.abs(extra - 650 * ((end - switchedAt) / (end - start)))).toBeLessThanOrEqual(1);
    expect((await grants(workspaceId)).map((grant) => grant.amount)).toEqual([550, extra]);
    const lots = await prisma().creditGrant.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { remaining: true, expiresAt: true } });
    expect(lots).toEqual([
      { remaining: 550, expiresAt: new Date(end * 1000) },
      { remaining: extra, expiresAt: new Date(end * 1000) },
    ]);
    expect(await prisma().payment.findUniqueOrThrow({ where: { stripeInvoiceId: invoice.id } })).toMatchObject({ status: "SUCCEEDED", credits: extra, amountCents: invoice.amount_paid, packageId: scale.id });
    expect(invoice.amount_paid).toBe(remaining!.amount + unused!.amount);

    // Downgrade: no invoice, no refund, no credits taken; the next renewal bills and grants Growth.
    const downgrade = eventCount();
    const growth = (await prisma().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscriptionId } })).packageId;
    expect(growth).toBe(scale.id);
    const original = (await prisma().creditPackage.findFirstOrThrow({ where: { slug: `growth-${workspaceId.slice(0, 8)}` } })).id;
    await change(original);
    await deliver(eventsSince(downgrade));
    expect(eventsSince(downgrade, ["invoice.paid", "invoice.created"])).toEqual([]);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance).toBe(550 + extra);
    emulator.advanceClock(end - emulator.advanceClock(0) + 60);
    await deliver(eventsSince(downgrade));
    const renewal = eventsSince(downgrade, ["invoice.paid"])
      .map((event) => event.data.object as Stripe.Invoice)
      .filter((paidInvoice) => paidInvoice.parent?.subscription_details?.subscription === subscriptionId);
    expect(renewal.map((paidInvoice) => [paidInvoice.billing_reason, paidInvoice.amount_paid])).toEqual([["subscription_cycle", 4999]]);
    expect((await grants(workspaceId)).map((grant) => grant.amount)).toEqual([550, extra, 550]);
    await expectLedgerInvariants(prisma());
  });

  it("does not let an older read of a subscription overwrite a newer one (events processed at once)", async () => {
    const { since, subscriptionId } = await subscribed();
    await deliver(eventsSince(since));
    const older = await readSubscription(stripe, subscriptionId);
    await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    const newer = await readSubscription(stripe, subscriptionId);
    await prisma().$transaction((tx) => syncSubscription(tx, newer));
    expect(await prisma().$transaction((tx) => syncSubscription(tx, older))).toMatchObject({ cancelAtPeriodEnd: true });
    expect(await prisma().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscriptionId } })).toMatchObject({ cancelAtPeriodEnd: true, stripeVersionAt: newer.readAt });
  });

  it("opens a fresh checkout to subscribe again after a cancellation", async () => {
    const { workspaceId, plan, since, subscriptionId, checkoutUrl } = await subscribed();
    await deliver(eventsSince(since));
    await stripe.subscriptions.cancel(subscriptionId);
    await deliver(eventsSince(since, ["customer.subscription.deleted"]));
    const resubscribe = eventCount();
    const again = await createCheckout(prisma(), stripe, { workspaceId, packageId: plan.id, appUrl: "http://localhost:3000" });
    expect(again.checkoutUrl).not.toBe(checkoutUrl);
    expect((await submitCard(again.checkoutUrl, CARDS.success)).status).toBe(303);
    await deliver(eventsSince(resubscribe));
    expect(await prisma().subscription.findMany({ where: { workspaceId }, select: { status: true }, orderBy: { createdAt: "asc" } })).toEqual([{ status: "CANCELED" }, { status: "ACTIVE" }]);
    expect((await grants(workspaceId)).map((grant) => grant.amount)).toEqual([550, 550]);
  });

  it("refuses a second plan while one is live", async () => {
    const { workspaceId, plan, since } = await subscribed();
    await deliver(eventsSince(since));
    await expect(createCheckout(prisma(), stripe, { workspaceId, packageId: plan.id, appUrl: "http://localhost:3000" })).rejects.toMatchObject({ code: "conflict" });
  });
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}
