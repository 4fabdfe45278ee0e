// Platform service keys: issued and revoked by platform admins only (audited), usable on the usage
// endpoints only, naming the workspace on every request.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import * as platformKey from "@/app/api/admin/platform-keys/[apiKeyId]/route";
import * as platformKeys from "@/app/api/admin/platform-keys/route";
import { GET as balance } from "@/app/api/v1/balance/route";
import { GET as ledger } from "@/app/api/v1/ledger/route";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
import { POST as check } from "@/app/api/v1/usage/check/route";
import { POST as consume } from "@/app/api/v1/usage/route";
import { createAccount } from "../fixtures/accounts";
import { createFundedAccount, createService } from "../fixtures/credits";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

describeEachEngine("platform service keys", ({ prisma }) => {
  async function issue() {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const cookie = await sessionCookie(admin.user.id);
    const created = await callRoute(platformKeys.POST, { cookie, body: { name: "workflow-runner" }, idempotencyKey: randomUUID() });
    expect(created.status).toBe(201);
    return { admin, cookie, key: created.body.key as string, id: created.body.id as string, created };
  }

  it("are issued by an admin, shown once, listed without the secret, and audited", async () => {
    const { admin, cookie, key, id, created } = await issue();
    expect(key).toMatch(/^sbp_[0-9A-Za-z]{32}$/);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.body).toMatchObject({ name: "workflow-runner", prefix: key.slice(0, 12), revokedAt: null });
    const stored = await prisma().apiKey.findUniqueOrThrow({ where: { id } });
    expect([stored.kind, stored.workspaceId, stored.createdById, stored.keyHash]).toEqual(["PLATFORM", null, admin.user.id, expect.not.stringContaining(key)]);
    const list = await callRoute(platformKeys.GET, { cookie });
    expect(list.body.data).toContainEqual(expect.objectContaining({ id, prefix: key.slice(0, 12) }));
    expect(list.text).not.toContain(key);
    // Workspace keys are not platform keys: never listed here, never revocable here.
    const customer = await createFundedAccount(prisma(), 0);
    expect(list.body.data.map((k: { id: string }) => k.id)).not.toContain(customer.apiKeyId);
    const notHere = await callRoute(platformKey.DELETE, { method: "DELETE", cookie, params: { apiKeyId: customer.apiKeyId } });
    expect([notHere.status, notHere.body.code]).toEqual([404, "not_found"]);
    const audit = await prisma().auditLog.findMany({ where: { targetId: id } });
    expect(audit.map((a) => [a.action, a.actorType, a.actorId, a.workspaceId])).toEqual([["platform_key.created", "ADMIN", admin.user.id, null]]);
    expect(JSON.stringify(audit)).not.toContain(key);
  });

  it("are refused to anyone but a platform admin", async () => {
    const customer = await createFundedAccount(prisma(), 10);
    const cookie = await sessionCookie(customer.user.id);
    const asCustomer = await callRoute(platformKeys.POST, { cookie, body: { name: "sneaky" } });
    expect([asCustomer.status, asCustomer.body.code]).toEqual([403, "forbidden"]);
    const withApiKey = await callRoute(platformKeys.POST, { apiKey: customer.apiKey, body: { name: "sneaky" } });
    expect([withApiKey.status, withApiKey.body.code]).toEqual([401, "unauthenticated"]);
    expect(await prisma().apiKey.count({ where: { kind: "PLATFORM", name: "sneaky" } })).toBe(0);
  });

  it("spend from the workspace each request or event names, through every usage endpoint", async () => {
    const { key } = await issue();
    const [a, b] = [await createFundedAccount(prisma(), 100), await createFundedAccount(prisma(), 100)];
    const service = await createService(prisma(), { unitCostCredits: 2 });
    const single = await callRoute(consume, { apiKey: key, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 5, workspaceId: a.workspace.id } });
    expect([single.status, single.body.balance]).toEqual([200, 90]);
    const verdict = await callRoute(check, { apiKey: key, body: { service: service.key, quantity: 5, workspaceId: b.workspace.id } });
    expect(verdict.body).toMatchObject({ allowed: true, balance: 100 });
    const events = [a, b, b].map((account, i) => ({ id: randomUUID(), service: service.key, quantity: i + 1, workspaceId: account.workspace.id }));
    const response = await callRoute(batch, { apiKey: key, body: { events } });
    expect(response.body.results.map((r: { entry: { balance: number } }) => r.entry.balance)).toEqual([88, 96, 90]);
    const entry = await prisma().ledgerEntry.findUniqueOrThrow({ where: { id: single.body.entryId } });
    expect([entry.workspaceId, entry.actorType]).toEqual([a.workspace.id, "API_KEY"]);
  });

  it("must name the workspace: 422 naming the field, nothing written", async () => {
    const { key } = await issue();
    const account = await createFundedAccount(prisma(), 100);
    const service = await createService(prisma());
    const single = await callRoute(consume, { apiKey: key, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 1 } });
    expect([single.status, single.body.code, single.body.errors]).toEqual([422, "validation_failed", { workspaceId: ["Required with a platform key"] }]);
    const verdict = await callRoute(check, { apiKey: key, body: { service: service.key, quantity: 1 } });
    expect([verdict.status, verdict.body.code]).toEqual([422, "validation_failed"]);
    const events = [
      { id: randomUUID(), service: service.key, quantity: 1, workspaceId: account.workspace.id },
      { id: randomUUID(), service: service.key, quantity: 1 },
    ];
    const response = await callRoute(batch, { apiKey: key, body: { events } });
    expect([response.status, response.body.code, Object.keys(response.body.errors)]).toEqual([422, "validation_failed", ["events.1.workspaceId"]]);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: account.workspace.id, type: "USAGE" } })).toBe(0);
  });

  it("are refused with 403 outside the usage endpoints", async () => {
    const { key } = await issue();
    for (const [label, call] of [
      ["balance", () => callRoute(balance, { apiKey: key })],
      ["ledger", () => callRoute(ledger, { apiKey: key, path: "/api/v1/ledger" })],
      ["ledger csv", () => callRoute(ledger, { apiKey: key, path: "/api/v1/ledger?format=csv" })],
    ] as const) {
      const response = await call();
      expect([label, response.status, response.body?.code]).toEqual([label, 403, "forbidden"]);
    }
  });

  it("stop working at once when revoked (401), audited once however often revoked", async () => {
    const { admin, cookie, key, id } = await issue();
    const account = await createFundedAccount(prisma(), 100);
    const service = await createService(prisma());
    const body = { service: service.key, quantity: 1, workspaceId: account.workspace.id };
    expect((await callRoute(consume, { apiKey: key, idempotencyKey: randomUUID(), body })).status).toBe(200);
    const revoked = await Promise.all([1, 2].map(() => callRoute(platformKey.DELETE, { method: "DELETE", cookie, params: { apiKeyId: id } })));
    expect(revoked.map((r) => [r.status, typeof r.body.revokedAt])).toEqual([[200, "string"], [200, "string"]]);
    for (const [label, call] of [
      ["usage", () => callRoute(consume, { apiKey: key, idempotencyKey: randomUUID(), body })],
      ["check", () => callRoute(check, { apiKey: key, body })],
      ["batch", () => callRoute(batch, { apiKey: key, body: { events: [{ ...body, id: randomUUID() }] } })],
      ["balance", () => callRoute(balance, { apiKey: key })],
    ] as const) {
      const response = await call();
      expect([label, response.status, response.body.code]).toEqual([label, 401, "unauthenticated"]);
    }
    const audit = await prisma().auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["platform_key.created", admin.user.id], ["platform_key.revoked", admin.user.id]]);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: account.workspace.id, type: "USAGE" } })).toBe(1);
  });
});
