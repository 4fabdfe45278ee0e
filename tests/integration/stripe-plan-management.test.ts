// Managing a plan against the local Stripe emulator through the official SDK: the proration shown
// before an upgrade is what is then invoiced and credited; pause, resume, cancellation at period
// end and its undo reach the local copy through the webhook; every change is idempotent per key
// and audited once; the payment history lists what was paid with Stripe's receipts.
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { changeSubscription } from "@/services/billing/change-subscription";
import { createCheckout } from "@/services/billing/create-checkout";
import { listPayments } from "@/services/billing/list-payments";
import { previewPlanChange } from "@/services/billing/preview-plan-change";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import type { SubscriptionChange } from "@/types/billing";
import { createFundedAccount } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { BANK_ACCOUNTS, CARDS, recordedEvents, settleBankDebit, submitBankAccount, submitCard } from "../helpers/stripe-emulator-harness";

const DAY = 86_400;
let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
});
afterAll(() => emulator.close());

describeEachEngine("managing a plan", ({ prisma }) => {
  const deliverSince = async (since: number) => {
    for (const event of recordedEvents(emulator, since)) await receiveStripeEvent(prisma(), event, { stripe });
  };

  /** A workspace on the 550-credit Growth plan ($49.99), paid and delivered. */
  async function subscribed() {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const slug = (name: string) => `${name}-${workspaceId.slice(0, 8)}`;
    const growth = await prisma().creditPackage.create({ data: { slug: slug("growth"), name: "Growth", interval: "MONTH", priceCents: 4999, credits: 550 } });
    const scale = await prisma().creditPackage.create({ data: { slug: slug("scale"), name: "Scale", interval: "MONTH", priceCents: 9999, credits: 1200 } });
    const starter = await prisma().creditPackage.create({ data: { slug: slug("starter"), name: "Starter", interval: "MONTH", priceCents: 1999, credits: 200 } });
    const since = emulator.state.events.size;
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: growth.id, appUrl: "http://localhost:3000" });
    expect((await submitCard(checkout.checkoutUrl, CARDS.success)).status).toBe(303);
    await deliverSince(since);
    const local = await prisma().subscription.findFirstOrThrow({ where: { workspaceId } });
    const change = (change: SubscriptionChange, idempotencyKey?: string) => changeSubscription(prisma(), stripe, { workspaceId, actorId: account.user.id, change, idempotencyKey });
    return { workspaceId, growth, scale, starter, subscriptionId: local.stripeSubscriptionId, change };
  }
  const grants = async (workspaceId: string) =>
    (await prisma().ledgerEntry.findMany({ where: { workspaceId, type: "SUBSCRIPTION_GRANT" }, orderBy: { sequence: "asc" }, select: { amount: true } })).map((entry) => entry.amount);
  /** This subscription's invoice events since `since` (the emulator's one clock renews every test's subscriptions). */
  const invoiceEvents = (since: number, subscriptionId: string, types: string[]) =>
    recordedEvents(emulator, since, types).filter((event) => (event.data.object as Stripe.Invoice).parent?.subscription_details?.subscription === subscriptionId);
  const local = (subscriptionId: string) => prisma().subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: subscriptionId } });

  it("charges an upgrade exactly the proration its preview showed, and grants the credits it promised", async () => {
    const { workspaceId, scale, subscriptionId, change } = await subscribed();
    const { current_period_start: start, current_period_end: end } = (await stripe.subscriptions.retrieve(subscriptionId)).items.data[0]!;
    emulator.advanceClock(9 * DAY + 1234);
    const preview = await previewPlanChange(prisma(), stripe, { workspaceId, packageId: scale.id });
    // Independently: each plan's price for the share of the period left, rounded to the cent per line.
    const left = (end - preview.prorationDate) / (end - start);
    expect(preview).toMatchObject({ direction: "upgrade", dueNowCents: Math.round(9999 * left) - Math.round(4999 * left), nextRenewal: { at: new Date(end * 1000), amountCents: 9999, credits: 1200 } });
    expect(Math.abs(preview.creditsNow - 650 * left)).toBeLessThanOrEqual(1);

    // The customer reads the preview for ten minutes, then confirms it.
    emulator.advanceClock(600);
    const since = emulator.state.events.size;
    expect(await change({ action: "switch_plan", packageId: scale.id, prorationDate: preview.prorationDate }, "upgrade-1")).toMatchObject({ plan: { id: scale.id } });
    await deliverSince(since);
    const [paid] = invoiceEvents(since, subscriptionId, ["invoice.paid"]);
    const invoice = paid!.data.object as Stripe.Invoice;
    expect(invoice.amount_paid).toBe(preview.dueNowCents);
    expect(invoice.lines.data.map((line) => line.amount).sort()).toEqual(preview.lines.map((line) => line.amountCents).sort());
    expect(await grants(workspaceId)).toEqual([550, preview.creditsNow]);
    expect(await prisma().payment.findUniqueOrThrow({ where: { stripeInvoiceId: invoice.id } })).toMatchObject({ amountCents: preview.dueNowCents, credits: preview.creditsNow });
    await expectLedgerInvariants(prisma());
  });

  it("previews a downgrade as nothing now and the cheaper plan from the next renewal, which then bills that", async () => {
    const { workspaceId, starter, subscriptionId, change } = await subscribed();
    const end = (await stripe.subscriptions.retrieve(subscriptionId)).items.data[0]!.current_period_end;
    emulator.advanceClock(3 * DAY);
    const preview = await previewPlanChange(prisma(), stripe, { workspaceId, packageId: starter.id });
    expect(preview).toMatchObject({ direction: "downgrade", dueNowCents: 0, creditsNow: 0, lines: [], nextRenewal: { at: new Date(end * 1000), amountCents: 1999, credits: 200 } });
    const since = emulator.state.events.size;
    await change({ action: "switch_plan", packageId: starter.id }, "downgrade-1");
    emulator.advanceClock(end - emulator.clock.now() + 60);
    await deliverSince(since);
    const renewals = invoiceEvents(since, subscriptionId, ["invoice.paid"]).map((event) => event.data.object as Stripe.Invoice);
    expect(renewals.map((invoice) => invoice.amount_paid)).toEqual([preview.nextRenewal.amountCents]);
    expect(await grants(workspaceId)).toEqual([550, 200]);
  });

  it("follows a pause and a resume made at Stripe through the webhook: no charge and no credits while paused", async () => {
    const { workspaceId, subscriptionId } = await subscribed();
    const end = (await stripe.subscriptions.retrieve(subscriptionId)).items.data[0]!.current_period_end;
    let since = emulator.state.events.size;
    await stripe.subscriptions.update(subscriptionId, { pause_collection: { behavior: "void" } });
    await deliverSince(since);
    expect(await local(subscriptionId)).toMatchObject({ status: "ACTIVE", isCollectionPaused: true });

    since = emulator.state.events.size;
    emulator.advanceClock(end - emulator.clock.now() + 60);
    await deliverSince(since);
    expect(invoiceEvents(since, subscriptionId, ["invoice.voided", "invoice.paid"]).map((event) => event.type)).toEqual(["invoice.voided"]);
    expect(await grants(workspaceId)).toEqual([550]);

    since = emulator.state.events.size;
    await stripe.subscriptions.update(subscriptionId, { pause_collection: "" });
    await deliverSince(since);
    expect(await local(subscriptionId)).toMatchObject({ status: "ACTIVE", isCollectionPaused: false });
    const next = (await stripe.subscriptions.retrieve(subscriptionId)).items.data[0]!.current_period_end;
    since = emulator.state.events.size;
    emulator.advanceClock(next - emulator.clock.now() + 60);
    await deliverSince(since);
    expect(await grants(workspaceId)).toEqual([550, 550]);
    await expectLedgerInvariants(prisma());
  });

  it("cancels at the period end it states, and an undo before then keeps the plan renewing", async () => {
    const { workspaceId, subscriptionId, change } = await subscribed();
    const end = (await stripe.subscriptions.retrieve(subscriptionId)).items.data[0]!.current_period_end;
    let since = emulator.state.events.size;
    expect(await change({ action: "cancel", atPeriodEnd: true }, "cancel-1")).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: true, currentPeriodEnd: new Date(end * 1000) });
    await deliverSince(since);
    expect(await local(subscriptionId)).toMatchObject({ cancelAtPeriodEnd: true });

    since = emulator.state.events.size;
    expect(await change({ action: "resume" }, "undo-1")).toMatchObject({ cancelAtPeriodEnd: false });
    await deliverSince(since);
    expect((await stripe.subscriptions.retrieve(subscriptionId)).cancel_at_period_end).toBe(false);
    since = emulator.state.events.size;
    emulator.advanceClock(end - emulator.clock.now() + 60);
    await deliverSince(since);
    expect(await local(subscriptionId)).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: false });
    expect(await grants(workspaceId)).toEqual([550, 550]);
  });

  it("applies and audits a change once per Idempotency-Key, and refuses the key for another change", async () => {
    const { workspaceId, subscriptionId, change } = await subscribed();
    const since = emulator.state.events.size;
    const results = await Promise.all([change({ action: "pause" }, "pause-key"), change({ action: "pause" }, "pause-key")]);
    expect(results.map((result) => result?.isCollectionPaused)).toEqual([true, true]);
    await change({ action: "pause" }, "pause-key");
    expect(recordedEvents(emulator, since, ["customer.subscription.updated"]).filter((event) => (event.data.object as Stripe.Subscription).id === subscriptionId)).toHaveLength(1);
    expect(await prisma().auditLog.count({ where: { workspaceId, action: "subscription.pause" } })).toBe(1);
    await expect(change({ action: "resume" }, "pause-key")).rejects.toMatchObject({ code: "idempotency_mismatch" });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).pause_collection).toMatchObject({ behavior: "void" });
  });

  it("lists payments newest first with their credits, state and Stripe receipt; a bank debit gets its receipt once paid", async () => {
    const { workspaceId } = await subscribed();
    const pack = await prisma().creditPackage.create({ data: { slug: `pack-${workspaceId.slice(0, 8)}`, name: "Boost", interval: "ONE_TIME", priceCents: 2500, credits: 250 } });
    const since = emulator.state.events.size;
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: pack.id, appUrl: "http://localhost:3000" });
    expect((await submitBankAccount(checkout.checkoutUrl, BANK_ACCOUNTS.succeeds)).status).toBe(303);
    await deliverSince(since);

    let history = await listPayments(prisma(), { workspaceId });
    expect(history.data.map(({ description, status, amountCents, credits, receiptUrl }) => ({ description, status, amountCents, credits, receiptUrl }))).toEqual([
      { description: "Boost pack", status: "PENDING", amountCents: 2500, credits: 250, receiptUrl: null },
      { description: "Growth plan", status: "SUCCEEDED", amountCents: 4999, credits: 550, receiptUrl: expect.stringMatching(/\/receipts\/ch_/) },
    ]);

    const { stripeCheckoutSessionId } = await prisma().payment.findUniqueOrThrow({ where: { id: checkout.paymentId! } });
    const settled = emulator.state.events.size;
    await settleBankDebit(emulator, stripeCheckoutSessionId!);
    await deliverSince(settled);
    history = await listPayments(prisma(), { workspaceId });
    expect(history.data[0]).toMatchObject({ status: "SUCCEEDED", receiptUrl: expect.stringMatching(/\/receipts\/ch_/) });
    const receipt = await fetch(history.data[0]!.receiptUrl!);
    expect([receipt.status, await receipt.text()]).toEqual([200, expect.stringContaining("25.00 USD")]);

    // Keyset pages: one row at a time, no repeats, nothing of another workspace.
    const other = await subscribed();
    const first = await listPayments(prisma(), { workspaceId, limit: 1 });
    const second = await listPayments(prisma(), { workspaceId, limit: 1, cursor: first.nextCursor });
    expect([...first.data, ...second.data].map((row) => row.id)).toEqual(history.data.map((row) => row.id));
    expect(second.nextCursor).toBeNull();
    expect((await listPayments(prisma(), { workspaceId: other.workspaceId })).data).toHaveLength(1);
  });
});
