// The billing routes' guards: a MEMBER may look but not manage billing, a plan change and a
// checkout need an Idempotency-Key (a repeated checkout answers with the first), and a preview
// needs a plan to change.
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { installStripe } from "@/lib/stripe/client";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import * as billingPortal from "@/app/api/workspaces/[workspaceId]/billing-portal/route";
import * as checkout from "@/app/api/workspaces/[workspaceId]/checkout/route";
import * as preview from "@/app/api/workspaces/[workspaceId]/subscription/preview/route";
import * as subscription from "@/app/api/workspaces/[workspaceId]/subscription/route";
import { createFundedAccount } from "../fixtures/credits";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

let emulator: StripeEmulator;
let stripe: Stripe;
beforeAll(async () => {
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
  installStripe(stripe);
});
afterAll(async () => {
  installStripe(undefined);
  await emulator.close();
});

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

  it("starts one checkout per Idempotency-Key: a repeat gets the same payment and page, another body with the key a 409", async () => {
    const { workspaceId, ownerCookie } = await workspaceWithMember();
    const start = (body: object, idempotencyKey?: string) => callRoute(checkout.POST, { cookie: ownerCookie, params: { workspaceId }, body, idempotencyKey });
    const missing = await start({ credits: 500 });
    expect([missing.status, missing.body?.code]).toEqual([400, "invalid_request"]);
    const [first, twin] = await Promise.all([start({ credits: 500 }, "buy-once"), start({ credits: 500 }, "buy-once")]);
    const again = await start({ credits: 500 }, "buy-once");
    expect([first.status, twin.status, again.status]).toEqual([201, 201, 201]);
    expect([twin.body, again.body]).toEqual([first.body, first.body]);
    const mismatch = await start({ credits: 600 }, "buy-once");
    expect([mismatch.status, mismatch.body?.code]).toEqual([409, "idempotency_mismatch"]);
    const other = await start({ credits: 500 }, "buy-twice");
    expect(other.body.paymentId).not.toBe(first.body.paymentId);
    expect(await prisma().payment.count({ where: { workspaceId, status: "PENDING" } })).toBeLessThanOrEqual(3);
    expect((await stripe.checkout.sessions.retrieve((await prisma().payment.findUniqueOrThrow({ where: { id: first.body.paymentId } })).stripeCheckoutSessionId!)).amount_total).toBe(5000);
  });
});
