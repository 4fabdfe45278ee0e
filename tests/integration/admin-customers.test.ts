// The admin customer list and detail: what each row says (plan, lifetime spend, last activity),
// the search and filters, and that every admin action on a customer is audited once, with the
// values before and after.
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as approval from "@/app/api/admin/approvals/[requestId]/approval/route";
import * as rejection from "@/app/api/admin/approvals/[requestId]/rejection/route";
import * as credits from "@/app/api/admin/workspaces/[workspaceId]/credits/route";
import * as reversal from "@/app/api/admin/workspaces/[workspaceId]/entries/[entryId]/reversal/route";
import * as walletStatus from "@/app/api/admin/workspaces/[workspaceId]/wallet-status/route";
import { cancelSubscriptionAsAdmin } from "@/services/admin/cancel-subscription-as-admin";
import { getCustomer } from "@/services/admin/get-customer";
import { listWorkspaces } from "@/services/admin/list-workspaces";
import { createCheckout } from "@/services/billing/create-checkout";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { grantCredits } from "@/services/credits/grant-credits";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { CARDS, recordedEvents, submitCard } from "../helpers/stripe-emulator-harness";
import { createAccount } from "../fixtures/accounts";
import { createFundedAccount } from "../fixtures/credits";

let emulator: StripeEmulator;
let stripe: Stripe;
beforeAll(async () => {
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
});
afterAll(() => emulator.close());

describeEachEngine("admin customers", ({ prisma }) => {
  const list = (query: Parameters<typeof listWorkspaces>[1]) => listWorkspaces(prisma(), query);

  it("shows each workspace's plan, lifetime spend net of refunds and last activity, and filters by them", async () => {
    const tag = randomUUID().slice(0, 8);
    const subscriber = await createAccount(prisma(), { email: `subscriber-${tag}@example.test` });
    const paused = await createAccount(prisma(), { email: `paused-${tag}@example.test` });
    await createAccount(prisma(), { email: `idle-${tag}@example.test` });
    const plan = await prisma().creditPackage.create({ data: { slug: `plan-${tag}`, name: `Plan ${tag}`, interval: "MONTH", priceCents: 4999, credits: 600 } });
    await prisma().workspace.update({ where: { id: subscriber.workspace.id }, data: { stripeCustomerId: `cus_${tag}` } });
    await prisma().subscription.create({
      data: { workspaceId: subscriber.workspace.id, packageId: plan.id, stripeSubscriptionId: `sub_${tag}`, stripePriceId: "price_x", status: "ACTIVE" },
    });
    const paidAt = new Date("2026-10-01T00:00:00Z");
    await prisma().payment.createMany({
      data: [
        { workspaceId: subscriber.workspace.id, interval: "MONTH", status: "SUCCEEDED", amountCents: 4999, credits: 600, paidAt },
        { workspaceId: subscriber.workspace.id, interval: "ONE_TIME", status: "PARTIALLY_REFUNDED", amountCents: 2000, amountRefundedCents: 500, credits: 200, paidAt },
        { workspaceId: subscriber.workspace.id, interval: "ONE_TIME", status: "FAILED", amountCents: 9999, credits: 1000 },
      ],
    });
    const at = new Date("2026-11-02T10:00:00Z");
    await grantCredits(prisma(), { workspaceId: subscriber.workspace.id, type: "PURCHASE", credits: 800, idempotencyKey: "k", actor: { type: "SYSTEM" } }, { now: () => at });
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const member = `member-${tag}@example.test`;
    const memberUser = await createAccount(prisma(), { email: member });
    await prisma().membership.create({ data: { workspaceId: paused.workspace.id, userId: memberUser.user.id, role: "MEMBER" } });
    await callRoute(walletStatus.PUT, { cookie: await sessionCookie(admin.user.id), params: { workspaceId: paused.workspace.id }, method: "PUT", idempotencyKey: randomUUID(), body: { paused: true, reason: "Review" } });

    const all = await list({ search: tag, limit: 25 });
    const byName = new Map(all.data.map((row) => [row.ownerEmail, row]));
    expect(byName.get(`subscriber-${tag}@example.test`)).toMatchObject({ plan: { name: `Plan ${tag}`, status: "ACTIVE" }, lifetimeSpendCents: 4999 + 1500, lastActivityAt: at, wallet: { balance: 800, status: "ACTIVE" } });
    expect(byName.get(`idle-${tag}@example.test`)).toMatchObject({ plan: null, lifetimeSpendCents: 0, lastActivityAt: null });

    const owners = async (query: Omit<Parameters<typeof listWorkspaces>[1], "limit">) => (await list({ limit: 25, ...query })).data.map((row) => row.ownerEmail).sort();
    expect(await owners({ search: `cus_${tag}` })).toEqual([`subscriber-${tag}@example.test`]);
    expect(await owners({ search: member })).toEqual([`paused-${tag}@example.test`, member].sort());
    expect(await owners({ search: tag, plan: plan.id })).toEqual([`subscriber-${tag}@example.test`]);
    expect(await owners({ search: tag, hasSubscription: "yes" })).toEqual([`subscriber-${tag}@example.test`]);
    expect(await owners({ search: tag, hasSubscription: "no" })).not.toContain(`subscriber-${tag}@example.test`);
    expect(await owners({ search: tag, status: "PAUSED" })).toEqual([`paused-${tag}@example.test`]);
    expect(await owners({ search: "100%_" })).toEqual([]);

    const detail = await getCustomer(prisma(), subscriber.workspace.id);
    expect([detail.lifetimeSpendCents, detail.payments.length, detail.subscriptions.length, detail.grants.map((grant) => grant.remaining)]).toEqual([6499, 3, 1, [800]]);
    expect((await getCustomer(prisma(), paused.workspace.id)).members.map((row) => row.role)).toEqual(["OWNER", "MEMBER"]);
  });

  it("writes exactly one audit row, with before and after, for every admin action on a customer", async () => {
    const [requester, approver] = await Promise.all([createAccount(prisma(), { isPlatformAdmin: true }), createAccount(prisma(), { isPlatformAdmin: true })]);
    const cookie = await sessionCookie(requester.user.id);
    const approverCookie = await sessionCookie(approver.user.id);
    const customer = await createFundedAccount(prisma(), 100);
    const workspaceId = customer.workspace.id;
    const params = { workspaceId };
    // Each action is sent twice under its key: the retry must not add a row.
    const twice = async (call: () => Promise<{ status: number; body: { entryId?: string; request?: { id: string } } }>) => (await call(), await call());
    const add = await twice(() => callRoute(credits.POST, { cookie, params, idempotencyKey: "add-1", body: { direction: "add", credits: 10, reason: "goodwill" } }));
    await twice(() => callRoute(credits.POST, { cookie, params, idempotencyKey: "remove-1", body: { direction: "remove", credits: 5, reason: "correction" } }));
    await twice(() => callRoute(reversal.POST, { cookie, params: { workspaceId, entryId: add.body.entryId! }, idempotencyKey: "reverse-1", body: { reason: "added by mistake" } }));
    await twice(() => callRoute(walletStatus.PUT, { cookie, params, method: "PUT", idempotencyKey: "pause-1", body: { paused: true, reason: "fraud review" } }));
    await twice(() => callRoute(walletStatus.PUT, { cookie, params, method: "PUT", idempotencyKey: "resume-1", body: { paused: false } }));
    const approved = await twice(() => callRoute(credits.POST, { cookie, params, idempotencyKey: "big-1", body: { direction: "add", credits: 9_000, reason: "contract credit" } }));
    const rejected = await twice(() => callRoute(credits.POST, { cookie, params, idempotencyKey: "big-2", body: { direction: "remove", credits: 9_000, reason: "suspected abuse" } }));
    await twice(() => callRoute(approval.POST, { cookie: approverCookie, params: { requestId: approved.body.request!.id }, idempotencyKey: "approve-1" }));
    await twice(() => callRoute(rejection.POST, { cookie: approverCookie, params: { requestId: rejected.body.request!.id }, idempotencyKey: "reject-1", body: { reason: "not abuse" } }));

    const rows = await prisma().auditLog.findMany({ where: { workspaceId, actorType: "ADMIN" }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.action)).toEqual([
      "credits.added",
      "credits.removed",
      "ledger_entry.reversed",
      "wallet.paused",
      "wallet.resumed",
      "credit_adjustment.requested",
      "credit_adjustment.requested",
      "credit_adjustment.approved",
      "credit_adjustment.rejected",
    ]);
    for (const row of rows) expect([row.action, row.before !== null, row.after !== null]).toEqual([row.action, true, true]);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance).toBe(100 + 10 - 5 - 10 + 9_000);
  });

  it("cancels a customer's plan at Stripe once, however often the admin's request is sent", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const plan = await prisma().creditPackage.create({ data: { slug: `growth-${workspaceId.slice(0, 8)}`, name: "Growth", interval: "MONTH", priceCents: 4999, credits: 550 } });
    const since = emulator.state.events.size;
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: plan.id, appUrl: "http://localhost:3000" });
    expect((await submitCard(checkout.checkoutUrl, CARDS.success)).status).toBe(303);
    for (const event of recordedEvents(emulator, since)) await receiveStripeEvent(prisma(), event, { stripe });

    const input = { workspaceId, adminId: admin.user.id, atPeriodEnd: true, idempotencyKey: randomUUID() };
    expect(await cancelSubscriptionAsAdmin(prisma(), stripe, input)).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: true });
    expect(await cancelSubscriptionAsAdmin(prisma(), stripe, input)).toMatchObject({ cancelAtPeriodEnd: true });
    await expect(cancelSubscriptionAsAdmin(prisma(), stripe, { ...input, atPeriodEnd: false })).rejects.toMatchObject({ code: "idempotency_mismatch" });
    const audit = await prisma().auditLog.findMany({ where: { workspaceId, action: "subscription.cancel" } });
    expect(audit.map((row) => [row.actorType, row.actorId, (row.before as { cancelAtPeriodEnd: boolean }).cancelAtPeriodEnd, (row.after as { cancelAtPeriodEnd: boolean }).cancelAtPeriodEnd])).toEqual([
      ["ADMIN", admin.user.id, false, true],
    ]);
    const now = { ...input, atPeriodEnd: false, idempotencyKey: randomUUID() };
    expect(await cancelSubscriptionAsAdmin(prisma(), stripe, now)).toBeNull();
    await expect(cancelSubscriptionAsAdmin(prisma(), stripe, { ...now, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });
});
