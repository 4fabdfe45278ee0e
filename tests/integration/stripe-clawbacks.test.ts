// Refunds and chargebacks take back exactly the credits the money paid for: proportionally,
// cumulatively, never more than the payment granted, whatever order Stripe's events arrive in.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { consumeCredits } from "@/services/credits/consume-credits";
import { expireCredits } from "@/services/credits/expire-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { createFundedAccount, createService } from "../fixtures/credits";
import { chargeObject, checkoutSessionObject, createPendingPayment, disputeObject, signedDelivery, stripeEvent } from "../fixtures/stripe";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { expectLedgerInvariants } from "../helpers/invariants";
import { expectProcessed } from "../helpers/stripe-emulator-harness";

async function deliver(type: string, object: { object: string }) {
  const event = stripeEvent(type, object);
  const { payload, header } = signedDelivery(event);
  const response = await callRoute(webhook, { method: "POST", rawBody: payload, headers: { "content-type": "application/json", "stripe-signature": header } });
  expect(response.status).toBe(200);
  await expectProcessed(event.id);
}

describeEachEngine("refunds and chargebacks", ({ prisma }) => {
  /** A workspace that bought 500 credits for $50.00 through Checkout. */
  async function purchase() {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const { payment, sessionId } = await createPendingPayment(prisma(), workspaceId, { credits: 500, amountCents: 5000 });
    const paymentIntent = `pi_test${randomUUID().slice(0, 8)}`;
    await deliver("checkout.session.completed", checkoutSessionObject({ id: sessionId, amountTotal: 5000, paymentIntent }));
    const charge = (amountRefunded: number) => chargeObject({ id: `ch_${paymentIntent}`, paymentIntent, amount: 5000, amountRefunded });
    const dispute = (status: Parameters<typeof disputeObject>[0]["status"], amount = 5000) => disputeObject({ id: `du_${paymentIntent}`, chargeId: `ch_${paymentIntent}`, paymentIntent, amount, status });
    const state = async () => ({
      balance: (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance,
      payment: await prisma().payment.findUniqueOrThrow({ where: { id: payment.id }, select: { status: true, creditsClawedBack: true, amountRefundedCents: true } }),
    });
    return { workspaceId, charge, dispute, state };
  }

  it("takes back 30% for a 30% refund, the rest for the rest, and nothing more for a chargeback", async () => {
    const { charge, dispute, state } = await purchase();
    await deliver("charge.refunded", charge(1500));
    expect(await state()).toEqual({ balance: 350, payment: { status: "PARTIALLY_REFUNDED", creditsClawedBack: 150, amountRefundedCents: 1500 } });
    await deliver("charge.refunded", charge(5000));
    expect(await state()).toEqual({ balance: 0, payment: { status: "REFUNDED", creditsClawedBack: 500, amountRefundedCents: 5000 } });
    await deliver("charge.dispute.created", dispute("needs_response"));
    expect((await state()).balance).toBe(0);
    await expectLedgerInvariants(prisma());
  });

  it("converges when refund events arrive out of order or twice", async () => {
    const { workspaceId, charge, state } = await purchase();
    await deliver("charge.refunded", charge(5000));
    await deliver("charge.refunded", charge(1500)); // older state, delivered late
    await deliver("charge.refunded", charge(5000)); // a new event for the same state
    expect(await state()).toMatchObject({ balance: 0, payment: { creditsClawedBack: 500 } });
    const clawbacks = await prisma().ledgerEntry.findMany({ where: { workspaceId, type: "PAYMENT_REFUND_CLAWBACK" }, select: { amount: true } });
    expect(clawbacks).toEqual([{ amount: -500 }]);
  });

  it("never takes back more than was granted when a refund follows part of a chargeback", async () => {
    const { charge, dispute, state } = await purchase();
    await deliver("charge.dispute.created", dispute("needs_response", 2000)); // 40% withdrawn
    expect((await state()).balance).toBe(300);
    await deliver("charge.refunded", charge(5000)); // the merchant then refunds everything
    expect(await state()).toMatchObject({ balance: 0, payment: { creditsClawedBack: 500 } });
    await expectLedgerInvariants(prisma());
  });

  it("gives the credits back when the chargeback is won", async () => {
    const { dispute, state } = await purchase();
    await deliver("charge.dispute.created", dispute("needs_response"));
    expect(await state()).toMatchObject({ balance: 0, payment: { creditsClawedBack: 500 } });
    await deliver("charge.dispute.closed", dispute("won"));
    expect(await state()).toMatchObject({ balance: 500, payment: { creditsClawedBack: 0 } });
    await deliver("charge.dispute.closed", dispute("won"));
    expect((await state()).balance).toBe(500);
    await expectLedgerInvariants(prisma());
  });

  it("refunding a plan invoice takes back what was spent of its credits, not what already expired", async () => {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const service = await createService(prisma(), { unitCostCredits: 1 });
    const january = { now: () => new Date("2026-01-05T00:00:00Z") };
    const grant = await grantCredits(prisma(), { workspaceId, type: "SUBSCRIPTION_GRANT", credits: 550, expiresAt: new Date("2026-02-01T00:00:00Z"), idempotencyKey: "stripe:invoice:in_test", actor: { type: "STRIPE" } }, january);
    await consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 250, idempotencyKey: randomUUID(), actor: { type: "API_KEY" } }, january);
    await expireCredits(prisma(), { now: () => new Date("2026-02-02T00:00:00Z") }); // the other 300 lapse
    const paymentIntent = `pi_test${randomUUID().slice(0, 8)}`;
    await prisma().payment.create({
      data: { workspaceId, interval: "MONTH", status: "SUCCEEDED", amountCents: 4999, credits: 550, ledgerEntryId: grant.entryId, stripeInvoiceId: `in_${paymentIntent}`, stripePaymentIntentId: paymentIntent },
    });
    await deliver("charge.refunded", chargeObject({ paymentIntent, amount: 4999, amountRefunded: 4999 }));
    // The 250 spent are owed back (a debt); the 300 that expired unused are not taken twice.
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance).toBe(-250);
    expect(await prisma().payment.findFirstOrThrow({ where: { workspaceId } })).toMatchObject({ status: "REFUNDED", creditsClawedBack: 250 });
    await expectLedgerInvariants(prisma());
  });

  it("takes back credits already spent, leaving the wallet negative so usage stops until a top-up", async () => {
    const { workspaceId, charge, state } = await purchase();
    const service = await createService(prisma(), { unitCostCredits: 1 });
    await consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 400, idempotencyKey: randomUUID(), actor: { type: "API_KEY" } });
    await deliver("charge.refunded", charge(5000));
    expect((await state()).balance).toBe(-400);
    await expect(consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 1, idempotencyKey: randomUUID(), actor: { type: "API_KEY" } })).rejects.toMatchObject({ code: "insufficient_credits" });
    await expectLedgerInvariants(prisma());
  });
});
