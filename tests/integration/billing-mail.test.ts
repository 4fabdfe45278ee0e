// The billing mail: one receipt per payment whichever paths report it, and a plan-change message
// for each change a customer would care about, both queued with the change itself.
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { changeSubscription } from "@/services/billing/change-subscription";
import { completeCheckoutReturn } from "@/services/billing/complete-checkout-return";
import { createCheckout } from "@/services/billing/create-checkout";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { createFundedAccount } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { CARDS, recordedEvents, submitCard } from "../helpers/stripe-emulator-harness";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
});
afterAll(() => emulator.close());

describeEachEngine("billing mail", ({ prisma }) => {
  const deliver = async (events: Stripe.Event[]) => {
    for (const event of events) await receiveStripeEvent(prisma(), event, { stripe });
  };
  const mail = (to: string, kind: string) => prisma().emailOutbox.findMany({ where: { to, kind }, orderBy: { createdAt: "asc" } });

  it("sends one receipt for a pack, however many times the payment is reported", async () => {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const pack = await prisma().creditPackage.create({ data: { slug: `pack-${workspaceId.slice(0, 8)}`, name: "250 credits", interval: "ONE_TIME", priceCents: 2500, credits: 250 } });
    const since = emulator.state.events.size;
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: pack.id, appUrl: "http://localhost:3000" });
    await submitCard(checkout.checkoutUrl, CARDS.success);
    const { stripeCheckoutSessionId: sessionId } = await prisma().payment.findUniqueOrThrow({ where: { id: checkout.paymentId! } });
    await completeCheckoutReturn(prisma(), stripe, { sessionId: sessionId!, userId: account.user.id });
    await deliver(recordedEvents(emulator, since));
    await completeCheckoutReturn(prisma(), stripe, { sessionId: sessionId!, userId: account.user.id });
    const receipts = await mail(account.user.email, "receipt");
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ workspaceId, subject: "Your receipt from Streamline Billing ($25.00)" });
    expect(receipts[0]!.text).toContain("250 credits were added");
  });

  it("sends a receipt per paid invoice and tells the owner when the plan starts, changes and ends", async () => {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const plan = await prisma().creditPackage.create({ data: { slug: `growth-${workspaceId.slice(0, 8)}`, name: "Growth", interval: "MONTH", priceCents: 4999, credits: 550 } });
    const since = emulator.state.events.size;
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: plan.id, appUrl: "http://localhost:3000" });
    await submitCard(checkout.checkoutUrl, CARDS.success);
    const events = recordedEvents(emulator, since);
    await deliver(events);
    await deliver(events);
    expect((await mail(account.user.email, "receipt")).map((email) => email.subject)).toEqual(["Your receipt from Streamline Billing ($49.99)"]);

    const change = (change: Parameters<typeof changeSubscription>[2]["change"]) => changeSubscription(prisma(), stripe, { workspaceId, actorId: account.user.id, change });
    await change({ action: "cancel", atPeriodEnd: true });
    await change({ action: "resume" });
    await change({ action: "cancel", atPeriodEnd: false });
    const texts = (await mail(account.user.email, "plan_change")).map((email) => email.text.split("\n")[2]);
    expect(texts).toEqual([
      "Your subscription to the Growth plan has started.",
      "Your Growth plan will end at the close of the current period.",
      "Your Growth plan will renew: the cancellation was withdrawn.",
      "Your Growth plan has ended.",
    ]);
  });
});
