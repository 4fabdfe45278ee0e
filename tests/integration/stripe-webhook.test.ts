// POST /api/stripe/webhook: only Stripe's signed deliveries are believed; each event is stored
// and answered before it is acted on, and acted on once, however often and in whatever order it
// arrives; what fails is retried by the sweep, with backoff, until it succeeds or an admin steps in.
import { expect, it } from "vitest";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { EMULATOR_WEBHOOK_SECRET } from "@/lib/stripe/emulator";
import { stripeEventQueue } from "@/services/billing/stripe-event-queue";
import { stripe } from "@/lib/stripe/client";
import { processDueStripeEvents } from "@/services/billing/process-due-stripe-events";
import { storeStripeEvent } from "@/services/billing/receive-stripe-event";
import { createFundedAccount } from "../fixtures/credits";
import { checkoutSessionObject, createPendingPayment, signedDelivery, stripeEvent } from "../fixtures/stripe";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { expectLedgerInvariants } from "../helpers/invariants";
import { expectProcessed } from "../helpers/stripe-emulator-harness";

const secondsLater = (seconds: number) => ({ now: () => new Date(Date.now() + seconds * 1000) });

function deliver(delivery: { payload: string; header?: string }) {
  return callRoute(webhook, {
    method: "POST",
    path: "/api/stripe/webhook",
    rawBody: delivery.payload,
    headers: { "content-type": "application/json", ...(delivery.header ? { "stripe-signature": delivery.header } : {}) },
  });
}

describeEachEngine("Stripe webhook", ({ prisma }) => {
  async function paidCheckout(credits = 500, amountCents = 5000) {
    const account = await createFundedAccount(prisma(), 0);
    const { payment, sessionId } = await createPendingPayment(prisma(), account.workspace.id, { credits, amountCents });
    const event = stripeEvent("checkout.session.completed", checkoutSessionObject({ id: sessionId, amountTotal: amountCents }));
    return { workspaceId: account.workspace.id, payment, event };
  }
  const purchases = (workspaceId: string) => prisma().ledgerEntry.count({ where: { workspaceId, type: "PURCHASE" } });

  it("credits a paid checkout once, stores the event, and marks the payment succeeded", async () => {
    const { workspaceId, payment, event } = await paidCheckout();
    const response = await deliver(signedDelivery(event));
    expect([response.status, response.body]).toEqual([200, { received: true, status: "QUEUED", duplicate: false }]);
    await expectProcessed(event.id);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance).toBe(500);
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "SUCCEEDED", ledgerEntryId: expect.any(String) });
    expect(await prisma().stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "PROCESSED", attempts: 1, type: "checkout.session.completed" });
  });

  it("answers the same event delivered 5× at once and 5× in a row with 2xx and one ledger entry", async () => {
    const { workspaceId, event } = await paidCheckout();
    const delivery = signedDelivery(event);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => deliver(delivery)));
    const sequential = [];
    for (let i = 0; i < 5; i++) sequential.push(await deliver(signedDelivery(event)));
    await expectProcessed(event.id);
    const again = await deliver(signedDelivery(event));
    expect([...concurrent, ...sequential, again].map((r) => r.status)).toEqual(Array(11).fill(200));
    expect([...concurrent, ...sequential, again].filter((r) => !r.body.duplicate)).toHaveLength(1);
    expect(again.body).toEqual({ received: true, status: "PROCESSED", duplicate: true });
    expect(await purchases(workspaceId)).toBe(1);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance).toBe(500);
  });

  it("grants once when both completion events arrive for the same session", async () => {
    const { workspaceId, event } = await paidCheckout();
    const asyncSucceeded = stripeEvent("checkout.session.async_payment_succeeded", event.data.object as never);
    await Promise.all([deliver(signedDelivery(event)), deliver(signedDelivery(asyncSucceeded))]);
    await expectProcessed(event.id);
    await expectProcessed(asyncSucceeded.id);
    expect(await purchases(workspaceId)).toBe(1);
  });

  it.each([
    ["a 1-byte change to the body", (payload: string, header: string) => ({ payload: payload.replace('"amount_total":5000', '"amount_total":5001'), header })],
    ["a wrong secret", (payload: string) => signedDelivery(JSON.parse(payload), { secret: "whsec_wrong" })],
    ["no Stripe-Signature header", (payload: string) => ({ payload })],
    ["a timestamp 301 s old", (payload: string) => signedDelivery(JSON.parse(payload), { timestamp: Math.floor(Date.now() / 1000) - 301 })],
    ["a signature header of garbage", (payload: string) => ({ payload, header: "t=abc,v1=zzz" })],
  ])("refuses %s with 400 invalid_signature and stores nothing", async (_label, tamper) => {
    const { workspaceId, event } = await paidCheckout();
    const { payload, header } = signedDelivery(event);
    const response = await deliver(tamper(payload, header));
    expect([response.status, response.body.code]).toEqual([400, "invalid_signature"]);
    expect(await prisma().stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await purchases(workspaceId)).toBe(0);
  });

  it("accepts a delivery carrying two v1 signatures of which one is valid (secret rotation)", async () => {
    const { workspaceId, event } = await paidCheckout();
    const { payload, header } = signedDelivery(event);
    const stale = signedDelivery(event, { secret: "whsec_the_previous_secret" }).header.split(",").find((part) => part.startsWith("v1="))!;
    const response = await deliver({ payload, header: `${header},${stale}` });
    expect(response.status).toBe(200);
    await expectProcessed(event.id);
    expect(await purchases(workspaceId)).toBe(1);
    expect(EMULATOR_WEBHOOK_SECRET).toMatch(/^whsec_/);
  });

  it("stores and acknowledges an event of a type it does not act on", async () => {
    const event = stripeEvent("customer.created", { id: "cus_testabc", object: "customer" });
    const response = await deliver(signedDelivery(event));
    expect([response.status, response.body.status]).toEqual([200, "QUEUED"]);
    await stripeEventQueue().idle();
    expect(await prisma().stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "IGNORED", nextAttemptAt: null });
    expect((await deliver(signedDelivery(event))).body).toEqual({ received: true, status: "IGNORED", duplicate: true });
  });

  /** Makes the next `times` payment updates fail, as a crash after the credit and before the commit would. */
  async function injectCrashes(times: number) {
    // A counter in a sequence, not a table: a sequence's advance survives the rollback.
    for (const statement of [
      "CREATE SEQUENCE crash_count",
      `CREATE FUNCTION crash() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF nextval('crash_count') <= ${times} THEN RAISE EXCEPTION 'injected crash between the credit and the commit'; END IF;
         RETURN NEW;
       END $$`,
      "CREATE TRIGGER crash BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION crash()",
    ]) await prisma().$executeRawUnsafe(statement);
    const quiet = console.error;
    console.error = () => undefined;
    return async () => {
      console.error = quiet;
      for (const statement of ["DROP TRIGGER crash ON payments", "DROP FUNCTION crash()", "DROP SEQUENCE crash_count"]) await prisma().$executeRawUnsafe(statement);
    };
  }
  const storedEvent = (id: string) => prisma().stripeEvent.findUniqueOrThrow({ where: { id } });

  it("records a crash between the credit and the commit, and credits once on redelivery", async () => {
    const { workspaceId, payment, event } = await paidCheckout();
    const restore = await injectCrashes(1);
    const first = await deliver(signedDelivery(event));
    await stripeEventQueue().idle();
    await restore();
    expect(first.status).toBe(200);
    // The crash rolled back everything but the stored event, its error and when to try again.
    const failed = await storedEvent(event.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringMatching(/injected crash/) });
    expect(failed.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(20_000);
    expect(await purchases(workspaceId)).toBe(0);
    expect((await prisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");

    const retry = await deliver(signedDelivery(event));
    expect(retry.body).toEqual({ received: true, status: "QUEUED", duplicate: true });
    await expectProcessed(event.id);
    expect((await deliver(signedDelivery(event))).body.status).toBe("PROCESSED");
    expect(await purchases(workspaceId)).toBe(1);
    expect(await storedEvent(event.id)).toMatchObject({ status: "PROCESSED", attempts: 2, lastError: null, nextAttemptAt: null });
    await expectLedgerInvariants(prisma());
  });

  it("sweeps a failed event once its backoff is over, doubling the wait, and leaves it to an admin after 20 attempts", async () => {
    const { workspaceId, event } = await paidCheckout();
    const restore = await injectCrashes(20);
    await deliver(signedDelivery(event));
    await stripeEventQueue().idle();
    const waits: number[] = [];
    let elapsed = 0;
    try {
      for (let attempt = 1; attempt < 20; attempt++) {
        const { nextAttemptAt } = await storedEvent(event.id);
        const wait = Math.round((nextAttemptAt!.getTime() - Date.now()) / 1000) - elapsed;
        waits.push(wait);
        // Not yet due: the sweep leaves it alone.
        expect(await processDueStripeEvents(prisma(), stripe(), { clock: secondsLater(elapsed + wait - 5) })).toMatchObject({ due: 0 });
        elapsed += wait;
        const sweep = await processDueStripeEvents(prisma(), stripe(), { clock: secondsLater(elapsed) });
        expect(sweep).toMatchObject({ due: 1, processed: 0, failed: [{ id: event.id, error: expect.stringMatching(/injected crash/) }] });
      }
    } finally {
      await restore();
    }
    expect(waits.slice(0, 11)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600]);
    expect(await storedEvent(event.id)).toMatchObject({ status: "FAILED", attempts: 20, nextAttemptAt: null });
    expect(await processDueStripeEvents(prisma(), stripe(), { clock: secondsLater(elapsed + 365 * 86400) })).toMatchObject({ due: 0 });
    expect(await purchases(workspaceId)).toBe(0);
  });

  it("processes an event that was stored and answered but never processed (a restart lost the queue), once", async () => {
    const { workspaceId, event } = await paidCheckout();
    expect(await storeStripeEvent(prisma(), event)).toEqual({ status: "QUEUED", duplicate: false });
    expect(await processDueStripeEvents(prisma(), stripe(), { clock: secondsLater(30) })).toMatchObject({ due: 0 });
    const [one, two] = await Promise.all([
      processDueStripeEvents(prisma(), stripe(), { clock: secondsLater(61) }),
      processDueStripeEvents(prisma(), stripe(), { clock: secondsLater(61) }),
    ]);
    expect(one.processed + two.processed).toBe(1);
    expect(await purchases(workspaceId)).toBe(1);
    expect(await storedEvent(event.id)).toMatchObject({ status: "PROCESSED", attempts: 1, nextAttemptAt: null });
  });
});
