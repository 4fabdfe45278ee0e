// The billing routes' guards, before any Stripe call: a MEMBER may look but not manage billing,
// a plan change needs an Idempotency-Key, and a preview needs a plan to change.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import * as billingPortal from "@/app/api/workspaces/[workspaceId]/billing-portal/route";
import * as checkout from "@/app/api/workspaces/[workspaceId]/checkout/route";
import * as preview from "@/app/api/workspaces/[workspaceId]/subscription/preview/route";
import * as subscription from "@/app/api/workspaces/[workspaceId]/subscription/route";
import { createFundedAccount } from "../fixtures/credits";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

describeEachEngine("billing routes", ({ prisma }) => {
  async function workspaceWithMember() {
    const owner = await createFundedAccount(prisma(), 100, { name: "Owner" });
    const member = await createFundedAccount(prisma(), 0, { name: "Member" });
    await prisma().membership.create({ data: { workspaceId: owner.workspace.id, userId: member.user.id, role: "MEMBER" } });
    return { workspaceId: owner.workspace.id, ownerCookie: await sessionCookie(owner.user.id), memberCookie: await sessionCookie(member.user.id) };
  }

  it("lets a MEMBER read the plan but answers 403 to every billing change, changing nothing", async () => {
    const { workspaceId, memberCookie } = await workspaceWithMember();
    const params = { workspaceId };
    const audited = await prisma().auditLog.count({ where: { workspaceId } });
    expect((await callRoute(subscription.GET, { cookie: memberCookie, params })).status).toBe(200);
    const attempts = [
      ["switch plan", subscription.POST, { body: { action: "switch_plan", packageId: randomUUID() }, idempotencyKey: "k-1" }],
      ["cancel", subscription.POST, { body: { action: "cancel", atPeriodEnd: true }, idempotencyKey: "k-2" }],
      ["preview", preview.GET, { path: `/api/x?packageId=${randomUUID()}` }],
      ["checkout", checkout.POST, { body: { credits: 500 } }],
      ["portal", billingPortal.POST, {}],
    ] as const;
    for (const [label, handler, options] of attempts) {
      const response = await callRoute(handler, { ...options, cookie: memberCookie, params });
      expect([label, response.status, response.body?.code]).toEqual([label, 403, "forbidden"]);
    }
    expect(await prisma().payment.count({ where: { workspaceId } })).toBe(0);
    expect(await prisma().auditLog.count({ where: { workspaceId } })).toBe(audited);
  });

  it("requires an Idempotency-Key for a plan change", async () => {
    const { workspaceId, ownerCookie } = await workspaceWithMember();
    const response = await callRoute(subscription.POST, { cookie: ownerCookie, params: { workspaceId }, body: { action: "pause" } });
    expect([response.status, response.body?.code]).toEqual([400, "invalid_request"]);
  });

  it("answers 404 to a preview without a plan, and 422 to a malformed one", async () => {
    const { workspaceId, ownerCookie } = await workspaceWithMember();
    const none = await callRoute(preview.GET, { cookie: ownerCookie, params: { workspaceId }, path: `/api/x?packageId=${randomUUID()}` });
    expect([none.status, none.body?.code]).toEqual([404, "not_found"]);
    const malformed = await callRoute(preview.GET, { cookie: ownerCookie, params: { workspaceId }, path: "/api/x?packageId=nope" });
    expect(malformed.status).toBe(422);
    const badDate = await callRoute(subscription.POST, { cookie: ownerCookie, params: { workspaceId }, idempotencyKey: "k-3", body: { action: "switch_plan", packageId: randomUUID(), prorationDate: -5 } });
    expect(badDate.status).toBe(422);
  });
});
