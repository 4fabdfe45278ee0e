// GET /api/admin/stripe-events and POST /api/admin/stripe-events/:event/replay: admins find stored
// Stripe events and run a failed one again; a processed one is never run twice. (Non-admins: the
// ADMIN_ROUTES table in admin-access.test.ts.)
import { afterAll, beforeAll, expect, it } from "vitest";
import Stripe from "stripe";
import { installStripe } from "@/lib/stripe/client";
import { POST as replay } from "@/app/api/admin/stripe-events/[event]/replay/route";
import { GET as list } from "@/app/api/admin/stripe-events/route";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { createAccount } from "../fixtures/accounts";
import { createFundedAccount } from "../fixtures/credits";
import { checkoutSessionObject, createPendingPayment, stripeEvent } from "../fixtures/stripe";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

// Checkout handlers do not call Stripe, but the replay route hands them lib/stripe's client: keep
// it from reaching for a real emulator on the default port.
beforeAll(() => installStripe(new Stripe("sk_test_unused", { host: "127.0.0.1", port: 9, protocol: "http", maxNetworkRetries: 0 })));
afterAll(() => installStripe(undefined));

/** Stores `event` as the webhook would have left it, `receivedAt` apart so the order is known. */
function storeEvent(prisma: PrismaClient, event: Stripe.Event, fields: { status: "RECEIVED" | "PROCESSED" | "FAILED" | "IGNORED"; receivedAt: Date; lastError?: string }) {
  return prisma.stripeEvent.create({
    data: {
      id: event.id,
      type: event.type,
      payload: event as unknown as Prisma.InputJsonValue,
      stripeCreatedAt: new Date(event.created * 1000),
      attempts: fields.status === "RECEIVED" ? 0 : 1,
      ...fields,
    },
  });
}

describeEachEngine("admin Stripe events", ({ prisma }) => {
  async function adminCookie() {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    return { admin, cookie: await sessionCookie(admin.user.id) };
  }

  it("lists events newest first, filtered by status and type prefix, page by page", async () => {
    const { cookie } = await adminCookie();
    const base = Date.now();
    const failed = stripeEvent("checkout.session.completed", checkoutSessionObject({ amountTotal: 100 }));
    const processed = stripeEvent("checkout.session.expired", checkoutSessionObject({ amountTotal: 100 }));
    const charge = stripeEvent("charge.refunded", { object: "charge" });
    const newest = stripeEvent("checkout.session.completed", checkoutSessionObject({ amountTotal: 100 }));
    await storeEvent(prisma(), failed, { status: "FAILED", receivedAt: new Date(base - 4000), lastError: "boom" });
    await storeEvent(prisma(), processed, { status: "PROCESSED", receivedAt: new Date(base - 3000) });
    await storeEvent(prisma(), charge, { status: "FAILED", receivedAt: new Date(base - 2000), lastError: "bang" });
    await storeEvent(prisma(), newest, { status: "RECEIVED", receivedAt: new Date(base - 1000) });

    const all = await callRoute(list, { cookie, path: "/api/admin/stripe-events" });
    expect(all.status).toBe(200);
    expect(all.body.data.map((row: { id: string }) => row.id)).toEqual([newest.id, charge.id, processed.id, failed.id]);
    expect(all.body.data[1]).toMatchObject({ type: "charge.refunded", status: "FAILED", attempts: 1, lastError: "bang" });
    expect(all.body.data[0]).not.toHaveProperty("payload");

    const first = await callRoute(list, { cookie, path: "/api/admin/stripe-events?type=checkout.session&limit=2" });
    expect(first.body.data.map((row: { id: string }) => row.id)).toEqual([newest.id, processed.id]);
    const second = await callRoute(list, { cookie, path: `/api/admin/stripe-events?type=checkout.session&limit=2&cursor=${first.body.nextCursor}` });
    expect([second.body.data.map((row: { id: string }) => row.id), second.body.nextCursor]).toEqual([[failed.id], null]);

    const failures = await callRoute(list, { cookie, path: "/api/admin/stripe-events?status=FAILED&type=charge." });
    expect(failures.body.data.map((row: { id: string }) => row.id)).toEqual([charge.id]);
    for (const query of ["status=BROKEN", "type=%25", "limit=0", "cursor=not-an-event"]) {
      expect([query, (await callRoute(list, { cookie, path: `/api/admin/stripe-events?${query}` })).status]).toEqual([query, 422]);
    }
  });

  it("replays a failed event once, audited; replaying it again is a no-op", async () => {
    const { admin, cookie } = await adminCookie();
    const account = await createFundedAccount(prisma(), 0);
    const { payment, sessionId } = await createPendingPayment(prisma(), account.workspace.id, { credits: 300, amountCents: 3000 });
    const event = stripeEvent("checkout.session.completed", checkoutSessionObject({ id: sessionId, amountTotal: 3000 }));
    await storeEvent(prisma(), event, { status: "FAILED", receivedAt: new Date(), lastError: "deadlock detected" });

    const first = await callRoute(replay, { cookie, method: "POST", params: { event: event.id } });
    expect([first.status, first.body]).toEqual([200, { id: event.id, status: "PROCESSED", replayed: true, lastError: null }]);
    const balance = async () => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: account.workspace.id } })).balance;
    expect(await balance()).toBe(300);
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "SUCCEEDED" });

    const again = await callRoute(replay, { cookie, method: "POST", params: { event: event.id } });
    expect([again.status, again.body]).toEqual([200, { id: event.id, status: "PROCESSED", replayed: false, lastError: null }]);
    expect(await balance()).toBe(300);
    expect(await prisma().stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ attempts: 2 });
    const audits = await prisma().auditLog.findMany({ where: { action: "stripe_event.replayed", targetId: event.id } });
    expect(audits).toEqual([expect.objectContaining({ actorType: "ADMIN", actorId: admin.user.id, before: { status: "FAILED" }, after: { status: "PROCESSED", error: null } })]);
  });

  it("answers 404 for an unknown or malformed event id, and changes nothing", async () => {
    const { admin, cookie } = await adminCookie();
    for (const event of ["evt_doesnotexist", "not-an-event", "evt_", "evt_a/b"]) {
      const response = await callRoute(replay, { cookie, method: "POST", params: { event } });
      expect([event, response.status, response.body.code]).toEqual([event, 404, "not_found"]);
    }
    expect(await prisma().auditLog.count({ where: { action: "stripe_event.replayed", actorId: admin.user.id } })).toBe(0);
  });
});
