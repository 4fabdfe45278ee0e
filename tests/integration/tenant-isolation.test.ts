import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import * as apiKey from "@/app/api/workspaces/[workspaceId]/api-keys/[apiKeyId]/route";
import * as apiKeys from "@/app/api/workspaces/[workspaceId]/api-keys/route";
import * as billingPortal from "@/app/api/workspaces/[workspaceId]/billing-portal/route";
import * as checkout from "@/app/api/workspaces/[workspaceId]/checkout/route";
import * as subscription from "@/app/api/workspaces/[workspaceId]/subscription/route";
import * as ledger from "@/app/api/workspaces/[workspaceId]/ledger/route";
import * as workspace from "@/app/api/workspaces/[workspaceId]/route";
import * as usage from "@/app/api/workspaces/[workspaceId]/usage/route";
import { GET as me } from "@/app/api/me/route";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute, type CallOptions } from "../helpers/http";
import { createFundedAccount, createService } from "../fixtures/credits";

type Handler = Parameters<typeof callRoute>[0];

describeEachEngine("workspace isolation", ({ prisma }) => {
  async function setup() {
    const alice = await createFundedAccount(prisma(), 100, { name: "Alice" });
    const bob = await createFundedAccount(prisma(), 100, { name: "Bob" });
    return { alice, bob, aliceCookie: await sessionCookie(alice.user.id), bobCookie: await sessionCookie(bob.user.id) };
  }

  // Every workspace route, called with some workspace's ids.
  const routes = (ids: { workspaceId: string; apiKeyId: string }): [string, Handler, CallOptions][] => [
    ["GET workspace", workspace.GET, { params: ids }],
    ["PATCH workspace", workspace.PATCH, { method: "PATCH", body: { name: "Hijacked" }, params: ids }],
    ["GET api-keys", apiKeys.GET, { params: ids }],
    ["POST api-keys", apiKeys.POST, { body: { name: "stolen" }, params: ids }],
    ["DELETE api-key", apiKey.DELETE, { method: "DELETE", params: ids }],
    ["GET ledger", ledger.GET, { params: ids }],
    ["GET ledger csv", ledger.GET, { path: "/api/x?format=csv", params: ids }],
    ["GET usage", usage.GET, { path: "/api/x?from=2026-01-01&to=2026-02-01", params: ids }],
    ["POST checkout", checkout.POST, { body: { packageId: randomUUID() }, params: ids }],
    ["POST checkout (custom amount)", checkout.POST, { body: { credits: 500 }, params: ids }],
    ["POST billing-portal", billingPortal.POST, { params: ids }],
    ["GET subscription", subscription.GET, { params: ids }],
    ["POST subscription", subscription.POST, { body: { action: "cancel", atPeriodEnd: false }, params: ids }],
  ];

  it("answers 404 on every workspace route for another tenant's ids, and changes nothing", async () => {
    const { alice, bob, aliceCookie } = await setup();
    const before = JSON.stringify(await prisma().workspace.findUnique({ where: { id: bob.workspace.id }, include: { apiKeys: true, wallet: true } }));
    for (const [label, handler, options] of routes({ workspaceId: bob.workspace.id, apiKeyId: bob.apiKeyId })) {
      const response = await callRoute(handler, { ...options, cookie: aliceCookie });
      expect([label, response.status, response.body?.code]).toEqual([label, 404, "not_found"]);
    }
    // Alice's own workspace with Bob's key id: still nothing to find.
    const crossKey = await callRoute(apiKey.DELETE, { method: "DELETE", cookie: aliceCookie, params: { workspaceId: alice.workspace.id, apiKeyId: bob.apiKeyId } });
    expect(crossKey.status).toBe(404);
    const after = JSON.stringify(await prisma().workspace.findUnique({ where: { id: bob.workspace.id }, include: { apiKeys: true, wallet: true } }));
    expect(after).toBe(before);
  });

  it("answers 404 for ids that are not UUIDs or do not exist", async () => {
    const { aliceCookie } = await setup();
    for (const workspaceId of ["not-a-uuid", "'; DROP TABLE users; --", randomUUID()]) {
      for (const [label, handler, options] of routes({ workspaceId, apiKeyId: randomUUID() })) {
        const response = await callRoute(handler, { ...options, cookie: aliceCookie });
        expect([label, response.status]).toEqual([label, 404]);
      }
    }
  });

  it("answers 401 without a session, or with a revoked or forged one", async () => {
    const { alice } = await setup();
    const ids = { workspaceId: alice.workspace.id, apiKeyId: alice.apiKeyId };
    const revoked = await sessionCookie(alice.user.id);
    await prisma().session.updateMany({ where: { userId: alice.user.id }, data: { revokedAt: new Date() } });
    for (const cookie of [undefined, revoked, "next-auth.session-token=forged.jwt.value"]) {
      for (const [label, handler, options] of routes(ids)) {
        const response = await callRoute(handler, { ...options, cookie });
        expect([label, response.status, response.body?.code]).toEqual([label, 401, "unauthenticated"]);
      }
    }
  });

  it("lets a member read but not change a workspace", async () => {
    const { alice, bob, aliceCookie } = await setup();
    await prisma().membership.create({ data: { workspaceId: bob.workspace.id, userId: alice.user.id, role: "MEMBER" } });
    const params = { workspaceId: bob.workspace.id, apiKeyId: bob.apiKeyId };
    expect((await callRoute(workspace.GET, { cookie: aliceCookie, params })).status).toBe(200);
    expect((await callRoute(ledger.GET, { cookie: aliceCookie, params })).status).toBe(200);
    for (const [handler, options] of [
      [workspace.PATCH, { method: "PATCH", body: { name: "Renamed" } }],
      [apiKeys.POST, { body: { name: "mine" } }],
      [apiKey.DELETE, { method: "DELETE" }],
    ] as [Handler, CallOptions][]) {
      const response = await callRoute(handler, { ...options, cookie: aliceCookie, params });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe("forbidden");
    }
    expect((await prisma().workspace.findUniqueOrThrow({ where: { id: bob.workspace.id } })).name).not.toBe("Renamed");
  });

  it("lists only the caller's workspaces", async () => {
    const { alice, aliceCookie } = await setup();
    const response = await callRoute(me, { cookie: aliceCookie });
    expect(response.status).toBe(200);
    expect(response.body.workspaces.map((w: { id: string }) => w.id)).toEqual([alice.workspace.id]);
  });

  it("scopes API keys to their workspace: a key reads and spends only its own wallet", async () => {
    const { alice, bob } = await setup();
    const { GET: balance } = await import("@/app/api/v1/balance/route");
    const { GET: v1Ledger } = await import("@/app/api/v1/ledger/route");
    await prisma().ledgerEntry.findFirstOrThrow({ where: { workspaceId: bob.workspace.id } });
    expect((await callRoute(balance, { apiKey: alice.apiKey })).body.balance).toBe(100);
    const entries = (await callRoute(v1Ledger, { apiKey: alice.apiKey })).body.data;
    expect(entries.every((e: { id: string }) => e.id)).toBe(true);
    const aliceEntryIds = (await prisma().ledgerEntry.findMany({ where: { workspaceId: alice.workspace.id } })).map((e) => e.id);
    expect(entries.map((e: { id: string }) => e.id).sort()).toEqual(aliceEntryIds.sort());
  });

  it("refuses a workspace key naming another workspace (403 forbidden), writing nothing there; a batch applies the rest", async () => {
    const { alice, bob } = await setup();
    const { POST: consume } = await import("@/app/api/v1/usage/route");
    const { POST: check } = await import("@/app/api/v1/usage/check/route");
    const { POST: batch } = await import("@/app/api/v1/usage/batch/route");
    const service = await createService(prisma());
    const before = JSON.stringify(await prisma().wallet.findUnique({ where: { workspaceId: bob.workspace.id } }));
    // Bob's workspace, and one that does not exist: the same answer, so ids cannot be probed.
    for (const workspaceId of [bob.workspace.id, randomUUID()]) {
      const body = { service: service.key, quantity: 1, workspaceId };
      const single = await callRoute(consume, { apiKey: alice.apiKey, idempotencyKey: randomUUID(), body });
      expect([single.status, single.body.code]).toEqual([403, "forbidden"]);
      const verdict = await callRoute(check, { apiKey: alice.apiKey, body });
      expect([verdict.status, verdict.body.code]).toEqual([403, "forbidden"]);
    }
    const events = [
      { id: randomUUID(), service: service.key, quantity: 1, workspaceId: bob.workspace.id },
      { id: randomUUID(), service: service.key, quantity: 2, workspaceId: alice.workspace.id.toUpperCase() },
      { id: randomUUID(), service: service.key, quantity: 3 },
    ];
    const response = await callRoute(batch, { apiKey: alice.apiKey, body: { events } });
    expect(response.body.results.map((r: { status: string; problem?: { code: string }; entry?: { balance: number } }) => r.problem?.code ?? r.entry?.balance)).toEqual(["forbidden", 98, 95]);
    expect(JSON.stringify(await prisma().wallet.findUnique({ where: { workspaceId: bob.workspace.id } }))).toBe(before);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: bob.workspace.id, type: "USAGE" } })).toBe(0);
  });
});
