// Reconciliation against the in-process emulator through the official SDK: Stripe is the truth,
// and a payment or event the webhooks never brought here is found, reported and repaired once.
import { afterEach, beforeEach, expect, it } from "vitest";
import Stripe from "stripe";
import { installStripe } from "@/lib/stripe/client";
import { POST as cronReconcile } from "@/app/api/cron/reconcile-stripe/route";
import { POST as adminReconcile } from "@/app/api/admin/stripe-reconciliation/route";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { createCheckout } from "@/services/billing/create-checkout";
import { checkoutLedgerKey, fulfilCheckoutSession } from "@/services/billing/fulfil-checkout-session";
import { reconcileStripe } from "@/services/billing/reconcile-stripe";
import { grantCredits } from "@/services/credits/grant-credits";
import type { Prisma } from "@/lib/db";
import { createAccount } from "../fixtures/accounts";
import { createFundedAccount } from "../fixtures/credits";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { expectLedgerInvariants } from "../helpers/invariants";
import { CARDS, oneTimePrice, submitCard } from "../helpers/stripe-emulator-harness";

// The routes use lib/stripe's one client; each test points it at its own emulator (fresh, so one
// test's payments are not another's findings).
let emulator: StripeEmulator;
let stripe: Stripe;

beforeEach(async () => {
  // Events are recorded, never delivered: every webhook is "lost".
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
  installStripe(stripe);
});
afterEach(async () => {
  installStripe(undefined);
  await emulator.close();
});

const hourAgo = () => new Date(Date.now() - 3_600_000);

describeEachEngine("Stripe reconciliation", ({ prisma }) => {
  /** A pack bought and paid at Stripe, whose webhooks never arrived. */
  async function paidPack(credits = 250) {
    const account = await createFundedAccount(prisma(), 0);
    const pack = await prisma().creditPackage.create({
      data: { slug: `pack-${account.workspace.id.slice(0, 8)}`, name: `${credits} credits`, interval: "ONE_TIME", priceCents: credits * 10, credits },
    });
    const checkout = await createCheckout(prisma(), stripe, { workspaceId: account.workspace.id, packageId: pack.id, appUrl: "http://localhost:3000" });
    expect((await submitCard(checkout.checkoutUrl, CARDS.success)).status).toBe(303);
    const { stripeCheckoutSessionId } = await prisma().payment.findUniqueOrThrow({ where: { id: checkout.paymentId! } });
    return { account, workspaceId: account.workspace.id, paymentId: checkout.paymentId!, sessionId: stripeCheckoutSessionId! };
  }
  const balance = async (workspaceId: string) => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance;
  const purchases = (workspaceId: string) => prisma().ledgerEntry.count({ where: { workspaceId, type: "PURCHASE" } });

  it("finds a paid checkout whose webhook never arrived, reports it read-only, repairs it once", async () => {
    const { workspaceId, paymentId, sessionId } = await paidPack();

    const dryRun = await reconcileStripe(prisma(), stripe, { since: hourAgo(), repair: false });
    expect(dryRun.missingBefore).toEqual([expect.objectContaining({ kind: "checkout_session", stripeId: sessionId, paymentId, workspaceId, credits: 250, amountCents: 2500, ledgerEntries: 0 })]);
    expect([dryRun.repaired, dryRun.replayedEvents, dryRun.duplicated, dryRun.unknown]).toEqual([[], 0, [], []]);
    expect(dryRun.eventsBehind).toContainEqual(expect.objectContaining({ type: "checkout.session.completed", localStatus: "MISSING" }));
    expect([await balance(workspaceId), await prisma().stripeEvent.count()]).toEqual([0, 0]);

    const repair = await reconcileStripe(prisma(), stripe, { since: hourAgo() });
    expect(repair.missingBefore.map((finding) => finding.stripeId)).toEqual([sessionId]);
    expect(repair.repaired).toEqual([expect.objectContaining({ stripeId: sessionId, ledgerEntries: 1 })]);
    expect(repair.replayedEvents).toBe(dryRun.eventsBehind.length);
    expect(repair.eventsBehind).toEqual([]);
    expect([await balance(workspaceId), await purchases(workspaceId)]).toEqual([250, 1]);
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "SUCCEEDED", ledgerEntryId: expect.any(String) });
    // Every event Stripe sent is now stored and processed (or ignored).
    expect(await prisma().stripeEvent.count({ where: { status: { in: ["PROCESSED", "IGNORED"] } } })).toBe(repair.checkedEvents);

    const again = await reconcileStripe(prisma(), stripe, { since: hourAgo() });
    expect([again.checkedPayments, again.missingBefore, again.repaired, again.replayedEvents, again.eventsBehind]).toEqual([1, [], [], 0, []]);
    expect([await balance(workspaceId), await purchases(workspaceId)]).toEqual([250, 1]);
    const audits = await prisma().auditLog.findMany({ where: { action: "stripe.reconciled" } });
    expect(audits.map((audit) => audit.actorType)).toEqual(["SYSTEM"]);
    await expectLedgerInvariants(prisma());
  });

  it("finds a paid plan invoice whose webhook never arrived and grants its credits once", async () => {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const plan = await prisma().creditPackage.create({ data: { slug: `plan-${workspaceId.slice(0, 8)}`, name: "Growth", interval: "MONTH", priceCents: 4999, credits: 550 } });
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: plan.id, appUrl: "http://localhost:3000" });
    expect((await submitCard(checkout.checkoutUrl, CARDS.success)).status).toBe(303);
    const [invoice] = (await stripe.invoices.list({ status: "paid", limit: 1 })).data;

    const dryRun = await reconcileStripe(prisma(), stripe, { since: hourAgo(), repair: false });
    expect(dryRun.missingBefore).toEqual([expect.objectContaining({ kind: "invoice", stripeId: invoice!.id, workspaceId, amountCents: 4999, ledgerEntries: 0 })]);
    const repair = await reconcileStripe(prisma(), stripe, { since: hourAgo() });
    expect(repair.repaired).toEqual([expect.objectContaining({ kind: "invoice", stripeId: invoice!.id, credits: 550 })]);
    expect(await prisma().subscription.findFirstOrThrow({ where: { workspaceId } })).toMatchObject({ status: "ACTIVE", packageId: plan.id });
    const again = await reconcileStripe(prisma(), stripe, { since: hourAgo() });
    expect([again.missingBefore, again.repaired]).toEqual([[], []]);
    expect(await prisma().ledgerEntry.findMany({ where: { workspaceId, type: "SUBSCRIPTION_GRANT" }, select: { amount: true } })).toEqual([{ amount: 550 }]);
    await expectLedgerInvariants(prisma());
  });

  it("replays an event stored FAILED: a refund whose handling failed is clawed back", async () => {
    const { workspaceId, sessionId } = await paidPack();
    await fulfilCheckoutSession(prisma(), await stripe.checkout.sessions.retrieve(sessionId));
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    await stripe.refunds.create({ payment_intent: session.payment_intent as string });
    const [refunded] = (await stripe.events.list({ type: "charge.refunded", limit: 1 })).data;
    await prisma().stripeEvent.create({
      data: {
        id: refunded!.id,
        type: refunded!.type,
        status: "FAILED",
        attempts: 1,
        lastError: "connection reset",
        payload: refunded as unknown as Prisma.InputJsonValue,
        stripeCreatedAt: new Date(refunded!.created * 1000),
      },
    });
    expect(await balance(workspaceId)).toBe(250);

    const report = await reconcileStripe(prisma(), stripe, { since: hourAgo() });
    expect(report.missingBefore).toEqual([]);
    expect(report.eventsBehind).toEqual([]);
    expect(await prisma().stripeEvent.findUniqueOrThrow({ where: { id: refunded!.id } })).toMatchObject({ status: "PROCESSED", attempts: 2, lastError: null });
    expect(await balance(workspaceId)).toBe(0);
    await expectLedgerInvariants(prisma());
  });

  it("reports a paid session with no payment here, and one credited in two wallets, and touches neither", async () => {
    const price = await oneTimePrice(stripe, 1500);
    const foreign = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: price.id, quantity: 1 }], customer_email: "x@example.test", success_url: "http://localhost:3000/ok" });
    expect((await submitCard(foreign.url!, CARDS.success)).status).toBe(303);
    const { workspaceId, sessionId } = await paidPack(100);
    await fulfilCheckoutSession(prisma(), await stripe.checkout.sessions.retrieve(sessionId));
    const other = await createAccount(prisma());
    await grantCredits(prisma(), { workspaceId: other.workspace.id, type: "PURCHASE", credits: 100, idempotencyKey: checkoutLedgerKey(sessionId), actor: { type: "SYSTEM" } });

    const report = await reconcileStripe(prisma(), stripe, { since: hourAgo() });
    expect(report.unknown).toEqual([expect.objectContaining({ stripeId: foreign.id, paymentId: null, amountCents: 1500 })]);
    expect(report.duplicated).toEqual([expect.objectContaining({ stripeId: sessionId, workspaceId, ledgerEntries: 2 })]);
    expect([report.checkedPayments, report.missingBefore, report.repaired]).toEqual([2, [], []]);
    expect([await balance(workspaceId), await balance(other.workspace.id)]).toEqual([100, 100]);
  });

  it("leaves sessions created before the window alone", async () => {
    const { workspaceId } = await paidPack();
    const report = await reconcileStripe(prisma(), stripe, { since: new Date(Date.now() + 3_600_000) });
    expect([report.checkedPayments, report.checkedEvents, report.missingBefore]).toEqual([0, 0, []]);
    expect(await balance(workspaceId)).toBe(0);
  });

  it("runs from the cron route (secret required, window validated) and from the admin route (audited repair)", async () => {
    const { workspaceId, sessionId } = await paidPack();
    const cron = { method: "POST", headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } };
    expect((await callRoute(cronReconcile, { method: "POST" })).status).toBe(401);
    for (const hours of ["0", "721", "soon"]) expect((await callRoute(cronReconcile, { ...cron, path: `/api/cron/reconcile-stripe?hours=${hours}` })).status).toBe(422);

    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const cookie = await sessionCookie(admin.user.id);
    const check = await callRoute(adminReconcile, { cookie, body: { repair: false } });
    expect([check.status, check.body.repair, check.body.missingBefore.map((finding: { stripeId: string }) => finding.stripeId)]).toEqual([200, false, [sessionId]]);
    expect((await callRoute(adminReconcile, { cookie, body: { repair: "yes" } })).status).toBe(422);
    expect(await balance(workspaceId)).toBe(0);

    const repair = await callRoute(adminReconcile, { cookie, body: { repair: true } });
    expect([repair.status, repair.body.repaired.length, await balance(workspaceId)]).toEqual([200, 1, 250]);
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "stripe.reconciled", actorId: admin.user.id } });
    expect(audit.after).toMatchObject({ repaired: [sessionId] });

    const scheduled = await callRoute(cronReconcile, { ...cron, path: "/api/cron/reconcile-stripe?hours=1" });
    expect([scheduled.status, scheduled.body.checkedPayments, scheduled.body.repaired, scheduled.body.replayedEvents]).toEqual([200, 1, [], 0]);
    expect(await balance(workspaceId)).toBe(250);
  });
});
