// POST /api/stripe/webhook: only Stripe's signed deliveries are believed; each event is stored
// before it is acted on and acted on once, however often and in whatever order it arrives.
import { expect, it } from "vitest";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { EMULATOR_WEBHOOK_SECRET } from "@/lib/stripe/emulator";
import { createFundedAccount } from "../fixtures/credits";
import { checkoutSessionObject, createPendingPayment, signedDelivery, stripeEvent } from "../fixtures/stripe";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { expectLedgerInvariants } from "../helpers/invariants";

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
    expect([response.status, response.body]).toEqual([200, { received: true, status: "PROCESSED", duplicate: false }]);
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
    expect([...concurrent, ...sequential].map((r) => r.status)).toEqual(Array(10).fill(200));
    expect([...concurrent, ...sequential].filter((r) => !r.body.duplicate)).toHaveLength(1);
    expect(await purchases(workspaceId)).toBe(1);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance).toBe(500);
  });

  it("grants once when both completion events arrive for the same session", async () => {
    const { workspaceId, event } = await paidCheckout();
    const asyncSucceeded = stripeEvent("checkout.session.async_payment_succeeded", event.data.object as never);
    await Promise.all([deliver(signedDelivery(event)), deliver(signedDelivery(asyncSucceeded))]);
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
    expect(await purchases(workspaceId)).toBe(1);
    expect(EMULATOR_WEBHOOK_SECRET).toMatch(/^whsec_/);
  });

  it("stores and acknowledges an event of a type it does not act on", async () => {
    const event = stripeEvent("customer.created", { id: "cus_testabc", object: "customer" });
    const response = await deliver(signedDelivery(event));
    expect([response.status, response.body.status]).toEqual([200, "IGNORED"]);
    expect(await prisma().stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "IGNORED" });
  });

  it("records a failure with its error, answers 5xx so Stripe retries, and credits once on redelivery", async () => {
    const { workspaceId, payment, event } = await paidCheckout();
    // A crash after the credit is written and before the transaction commits: the payment update fails once.
    // A flag in a sequence, not a table: a sequence's advance survives the rollback.
    for (const statement of [
      "CREATE SEQUENCE crash_once",
      `CREATE FUNCTION crash_once() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF nextval('crash_once') = 1 THEN RAISE EXCEPTION 'injected crash between the credit and the commit'; END IF;
         RETURN NEW;
       END $$`,
      "CREATE TRIGGER crash_once BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION crash_once()",
    ]) await prisma().$executeRawUnsafe(statement);
    const quiet = console.error;
    console.error = () => undefined;
    const first = await deliver(signedDelivery(event)).finally(() => (console.error = quiet));
    for (const statement of ["DROP TRIGGER crash_once ON payments", "DROP FUNCTION crash_once()", "DROP SEQUENCE crash_once"]) await prisma().$executeRawUnsafe(statement);
    expect(first.status).toBe(500);
    // The crash rolled back everything but the stored event and its error.
    expect(await prisma().stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringMatching(/injected crash/) });
    expect(await purchases(workspaceId)).toBe(0);
    expect((await prisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");

    const retry = await deliver(signedDelivery(event));
    const again = await deliver(signedDelivery(event));
    expect([retry.status, retry.body.duplicate, again.body.duplicate]).toEqual([200, false, true]);
    expect(await purchases(workspaceId)).toBe(1);
    expect(await prisma().stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "PROCESSED", attempts: 2, lastError: null });
    await expectLedgerInvariants(prisma());
  });
});
