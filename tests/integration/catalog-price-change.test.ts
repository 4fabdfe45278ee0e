// Editing the catalog: a plan's price change mints a new Stripe Price and archives the old one;
// current subscribers stay on (and are credited by) the old Price until an admin moves them, from
// their next renewal; new checkouts pay the new Price; a credits edit applies from the next renewal.
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCheckout } from "@/services/billing/create-checkout";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { migratePlanSubscribers } from "@/services/catalog/migrate-plan-subscribers";
import { updatePackage } from "@/services/catalog/update-package";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { createAccount } from "../fixtures/accounts";
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
/** The subscription an event's object belongs to (each test renews only its own). */
function subscriptionOf(object: Stripe.Event.Data.Object): string {
  if ("object" in object && object.object === "subscription") return (object as Stripe.Subscription).id;
  if ("object" in object && object.object === "invoice") return String((object as Stripe.Invoice).parent?.subscription_details?.subscription ?? "");
  return "";
}

describeEachEngine("catalog edits and subscribers", ({ prisma }) => {
  const deliver = async (events: Stripe.Event[]) => {
    for (const event of events) await receiveStripeEvent(prisma(), event, { stripe });
  };
  const admin = async () => (await createAccount(prisma(), { isPlatformAdmin: true })).user.id;

  async function subscribe(planId: string) {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const since = eventCount();
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: planId, appUrl: "http://localhost:3000" });
    expect((await submitCard(checkout.checkoutUrl, CARDS.success)).status).toBe(303);
    await deliver(eventsSince(since));
    const local = await prisma().subscription.findFirstOrThrow({ where: { workspaceId } });
    return { workspaceId, subscriptionId: local.stripeSubscriptionId };
  }

  const planCredits = (workspaceId: string) =>
    prisma()
      .ledgerEntry.findMany({ where: { workspaceId, type: "SUBSCRIPTION_GRANT" }, orderBy: { sequence: "asc" }, select: { amount: true } })
      .then((rows) => rows.map((row) => row.amount));

  /** Renews every subscription once; delivers the events of `mine`; returns what their invoices charged. */
  async function renew(mine: string[]) {
    const since = eventCount();
    emulator.advanceClock(31 * DAY);
    await deliver(eventsSince(since).filter((event) => mine.includes(subscriptionOf(event.data.object))));
    const paid = eventsSince(since, ["invoice.paid"]).map((event) => event.data.object as Stripe.Invoice);
    return new Map(paid.map((invoice) => [invoice.parent?.subscription_details?.subscription as string, invoice.amount_paid]));
  }

  const newPlan = (slug: string) =>
    prisma().creditPackage.create({ data: { slug: `${slug}-${crypto.randomUUID().slice(0, 8)}`, name: "Growth", interval: "MONTH", priceCents: 4999, credits: 550 } });

  it("keeps current subscribers on the old price, charges new checkouts the new one, and moves the old ones at renewal when asked", async () => {
    const actorId = await admin();
    const plan = await newPlan("growth");
    const early = await subscribe(plan.id);
    const oldPrice = (await prisma().creditPackage.findUniqueOrThrow({ where: { id: plan.id } })).stripePriceId!;

    const edit = await updatePackage(prisma(), stripe, { packageId: plan.id, actorId, changes: { priceCents: 5999 }, reason: "New pricing for 2027" });
    expect(edit).toMatchObject({ changed: true, priceChanged: true, archivedPriceId: oldPrice, package: { version: 2, priceCents: 5999 } });
    const newPrice = edit.package.stripePriceId!;
    expect(newPrice).not.toBe(oldPrice);
    expect(await stripe.prices.retrieve(oldPrice)).toMatchObject({ active: false, unit_amount: 4999 });
    expect(await stripe.prices.retrieve(newPrice)).toMatchObject({ active: true, unit_amount: 5999 });
    // Saving the same terms again is no new version.
    expect(await updatePackage(prisma(), stripe, { packageId: plan.id, actorId, changes: { priceCents: 5999 }, reason: "double click" })).toMatchObject({ changed: false });
    expect(await prisma().creditPackageVersion.findMany({ where: { packageId: plan.id }, orderBy: { version: "asc" }, select: { version: true, priceCents: true, credits: true } })).toEqual([
      { version: 1, priceCents: 4999, credits: 550 },
      { version: 2, priceCents: 5999, credits: 550 },
    ]);
    expect(await prisma().creditPackagePrice.findMany({ where: { packageId: plan.id }, orderBy: { version: "asc" }, select: { version: true, unitAmountCents: true, stripePriceId: true } })).toEqual([
      { version: 1, unitAmountCents: 4999, stripePriceId: oldPrice },
      { version: 2, unitAmountCents: 5999, stripePriceId: newPrice },
    ]);
    expect(await prisma().auditLog.count({ where: { action: "package.update", targetId: plan.id } })).toBe(1);

    const late = await subscribe(plan.id);
    expect((await stripe.subscriptions.retrieve(early.subscriptionId)).items.data[0]!.price.id).toBe(oldPrice);
    expect((await stripe.subscriptions.retrieve(late.subscriptionId)).items.data[0]!.price.id).toBe(newPrice);

    const mine = [early.subscriptionId, late.subscriptionId];
    const first = await renew(mine);
    expect([first.get(early.subscriptionId), first.get(late.subscriptionId)]).toEqual([4999, 5999]);
    expect(await planCredits(early.workspaceId)).toEqual([550, 550]);
    expect(await prisma().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: early.subscriptionId } })).toMatchObject({ packageId: plan.id, stripePriceId: oldPrice });

    // The admin moves the early subscriber: nothing is billed now; the next renewal bills the new price.
    const before = eventCount();
    expect(await migratePlanSubscribers(prisma(), stripe, { packageId: plan.id, actorId, reason: "Align on 2027 pricing" })).toMatchObject({ migrated: 1, alreadyOnPrice: 1 });
    expect(eventsSince(before, ["invoice.created", "invoice.paid"])).toEqual([]);
    expect((await stripe.subscriptions.retrieve(early.subscriptionId)).items.data[0]!.price.id).toBe(newPrice);
    const notice = await prisma().emailOutbox.findFirstOrThrow({ where: { workspaceId: early.workspaceId, kind: "plan-price-change" } });
    expect(notice.text).toContain("$49.99 to $59.99");
    expect(await migratePlanSubscribers(prisma(), stripe, { packageId: plan.id, actorId, reason: "again" })).toMatchObject({ migrated: 0, alreadyOnPrice: 2 });
    expect(await prisma().emailOutbox.count({ where: { workspaceId: early.workspaceId, kind: "plan-price-change" } })).toBe(1);

    const second = await renew(mine);
    expect([second.get(early.subscriptionId), second.get(late.subscriptionId)]).toEqual([5999, 5999]);
    expect(await planCredits(early.workspaceId)).toEqual([550, 550, 550]);
    await expectLedgerInvariants(prisma());
  });

  it("grants a plan's edited credits from its next renewal, on the same Stripe Price", async () => {
    const actorId = await admin();
    const plan = await newPlan("credits");
    const subscriber = await subscribe(plan.id);
    const price = (await prisma().creditPackage.findUniqueOrThrow({ where: { id: plan.id } })).stripePriceId;

    const edit = await updatePackage(prisma(), stripe, { packageId: plan.id, actorId, changes: { credits: 700 }, reason: "More credits for the same price" });
    // Same amount: the same Stripe Price, no archive.
    expect(edit).toMatchObject({ priceChanged: false, archivedPriceId: null, package: { version: 2, credits: 700, stripePriceId: price } });
    expect(await planCredits(subscriber.workspaceId)).toEqual([550]);
    await renew([subscriber.subscriptionId]);
    expect(await planCredits(subscriber.workspaceId)).toEqual([550, 700]);
    await expectLedgerInvariants(prisma());
  });
});
