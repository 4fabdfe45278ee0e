import { expect, it } from "vitest";
import { GET as adminList } from "@/app/api/admin/disputes/route";
import { POST as digest } from "@/app/api/cron/dispute-digest/route";
import { POST as reject } from "@/app/api/admin/disputes/[disputeId]/reject/route";
import { POST as resolve } from "@/app/api/admin/disputes/[disputeId]/resolve/route";
import { POST as review } from "@/app/api/admin/disputes/[disputeId]/review/route";
import { POST as appeal } from "@/app/api/disputes/[disputeId]/appeal/route";
import { GET as getOne } from "@/app/api/disputes/[disputeId]/route";
import { GET as list, POST as open } from "@/app/api/disputes/route";
import { MAX_EXPLANATION_LENGTH } from "@/types/disputes";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { createAdmins, customerWithCharge, key } from "../fixtures/disputes";

describeEachEngine("disputes API", ({ prisma }) => {
  async function setup() {
    const customer = await customerWithCharge(prisma());
    const admins = await createAdmins(prisma());
    return {
      customer,
      cookie: await sessionCookie(customer.user.id),
      adminCookie: await sessionCookie(admins.admin.adminId),
      seniorCookie: await sessionCookie(admins.senior.adminId),
    };
  }
  const body = (ledgerEntryId: string) => ({ ledgerEntryId, reason: "service_failed", explanation: "Every call timed out." });
  const counts = async () => ({ disputes: await prisma().dispute.count(), events: await prisma().disputeEvent.count(), audits: await prisma().auditLog.count({ where: { targetType: "dispute" } }) });

  it("opens once per key, lists and shows the customer's own disputes, and hides them from others", async () => {
    const { customer, cookie } = await setup();
    const idempotencyKey = key();
    const first = await callRoute(open, { cookie, idempotencyKey, body: body(customer.charge.entryId) });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "OPEN", creditsRequested: 100, reason: "service_failed" });
    const retry = await callRoute(open, { cookie, idempotencyKey, body: body(customer.charge.entryId) });
    expect(retry).toMatchObject({ status: 200, body: { id: first.body.id } });

    const page = await callRoute(list, { cookie, path: "/api/disputes?limit=1" });
    expect(page.body.data.map((d: { id: string }) => d.id)).toEqual([first.body.id]);
    expect((await callRoute(getOne, { cookie, params: { disputeId: first.body.id } })).body.events[0]).toMatchObject({ action: "opened", toStatus: "OPEN" });

    const other = await customerWithCharge(prisma());
    const otherCookie = await sessionCookie(other.user.id);
    expect((await callRoute(getOne, { cookie: otherCookie, params: { disputeId: first.body.id } })).status).toBe(404);
    expect((await callRoute(list, { cookie: otherCookie })).body.data).toEqual([]);
    expect((await callRoute(appeal, { cookie: otherCookie, idempotencyKey: key(), params: { disputeId: first.body.id }, body: { explanation: "Not mine, but still." } })).status).toBe(404);
    // Another workspace's entry: 404, nothing written.
    const before = await counts();
    const foreign = await callRoute(open, { cookie: otherCookie, idempotencyKey: key(), body: body(customer.charge.entryId) });
    expect(foreign).toMatchObject({ status: 404, body: { code: "not_found" } });
    expect(await counts()).toEqual(before);
  });

  it("creates exactly one dispute from 20 concurrent submissions on one entry", async () => {
    const { customer, cookie } = await setup();
    const results = await Promise.all(Array.from({ length: 20 }, () => callRoute(open, { cookie, idempotencyKey: key(), body: body(customer.charge.entryId) })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.code).toBe("dispute_exists");
    expect(await prisma().dispute.count({ where: { ledgerEntryId: customer.charge.entryId } })).toBe(1);
  });

  it("refuses hostile input with 4xx and writes nothing", async () => {
    const { customer, cookie } = await setup();
    const before = await counts();
    const attempts = [
      { ...body(customer.charge.entryId), explanation: "x".repeat(MAX_EXPLANATION_LENGTH + 1) },
      { ...body(customer.charge.entryId), explanation: "Looks wrong\u0000; DROP TABLE disputes" },
      { ...body(customer.charge.entryId), reason: "because" },
      { ...body(customer.charge.entryId), explanation: "" },
      { ...body("not-a-uuid") },
      { ...body(customer.charge.entryId), creditsRequested: 1_000_000 },
    ];
    for (const attempt of attempts) {
      const response = await callRoute(open, { cookie, idempotencyKey: key(), body: attempt });
      expect(response.status, JSON.stringify(attempt).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect((await callRoute(open, { cookie, body: body(customer.charge.entryId) })).status).toBe(400); // no Idempotency-Key
    expect((await callRoute(open, { idempotencyKey: key(), body: body(customer.charge.entryId) })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it("lets only admins decide, only senior admins decide appeals, and filters the queue", async () => {
    const { customer, cookie, adminCookie, seniorCookie } = await setup();
    const opened = (await callRoute(open, { cookie, idempotencyKey: key(), body: body(customer.charge.entryId) })).body;
    const params = { disputeId: opened.id };
    expect((await callRoute(review, { cookie, idempotencyKey: key(), params, body: {} })).status).toBe(403);
    expect((await callRoute(resolve, { cookie: adminCookie, idempotencyKey: key(), params, body: { outcome: "full_refund", message: "Too early" } })).body.code).toBe("illegal_transition");
    expect((await callRoute(review, { cookie: adminCookie, idempotencyKey: key(), params, body: {} })).body.status).toBe("UNDER_REVIEW");
    const rejected = await callRoute(reject, { cookie: adminCookie, idempotencyKey: key(), params, body: { message: "Calls completed." } });
    expect(rejected).toMatchObject({ status: 200, body: { status: "REJECTED" } });
    expect((await callRoute(reject, { cookie: adminCookie, idempotencyKey: key(), params, body: { message: "Again." } })).status).toBe(409);
    expect((await callRoute(appeal, { cookie, idempotencyKey: key(), params, body: { explanation: "The logs show timeouts." } })).body.status).toBe("APPEALED");

    const queue = await callRoute(adminList, { cookie: adminCookie, path: `/api/admin/disputes?state=APPEALED&customer=${customer.user.email}` });
    expect(queue.body.data.map((d: { id: string }) => d.id)).toEqual([opened.id]);
    expect((await callRoute(adminList, { cookie: adminCookie, path: "/api/admin/disputes?overdue=true&state=APPEALED" })).body.data.map((d: { id: string }) => d.id)).not.toContain(opened.id);
    expect((await callRoute(adminList, { cookie, path: "/api/admin/disputes" })).status).toBe(403);

    const ordinary = await callRoute(resolve, { cookie: adminCookie, idempotencyKey: key(), params, body: { outcome: "full_refund", message: "Refund all." } });
    expect(ordinary).toMatchObject({ status: 403, body: { code: "forbidden" } });
    const senior = await callRoute(resolve, { cookie: seniorCookie, idempotencyKey: key(), params, body: { outcome: "full_refund", message: "Refund all." } });
    expect(senior).toMatchObject({ status: 200, body: { status: "RESOLVED_FULL_REFUND", creditsRefunded: 100 } });
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: customer.workspace.id } })).balance).toBe(1000);
  });

  it("runs the SLA digest from the cron endpoint, only with the cron secret", async () => {
    expect((await callRoute(digest, { method: "POST" })).status).toBe(401);
    const ran = await callRoute(digest, { method: "POST", headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } });
    expect(ran.status).toBe(200);
    expect(ran.body).toEqual({ admins: expect.any(Number), disputes: expect.any(Number) });
  });
});
