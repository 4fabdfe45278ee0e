// Input a hostile or careless client sends. Each answer is a documented problem+json 4xx with a
// stable code, and nothing is written; a 500 here is a bug.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { DELETE as unknownDelete, GET as unknownGet, POST as unknownPost } from "@/app/api/[...path]/route";
import { POST as adjust } from "@/app/api/admin/workspaces/[workspaceId]/credits/route";
import { POST as signUp } from "@/app/api/auth/signup/route";
import { GET as ledger } from "@/app/api/v1/ledger/route";
import { POST as consume } from "@/app/api/v1/usage/route";
import { POST as createApiKey } from "@/app/api/workspaces/[workspaceId]/api-keys/route";
import { PATCH as renameWorkspace } from "@/app/api/workspaces/[workspaceId]/route";
import { GET as usageSummary } from "@/app/api/workspaces/[workspaceId]/usage/route";
import { MAX_WALLET_BALANCE } from "@/types/credits";
import { createAccount } from "../fixtures/accounts";
import { createFundedAccount, createService } from "../fixtures/credits";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute, type CallResult } from "../helpers/http";
import { expectLedgerInvariants } from "../helpers/invariants";

function expectProblem(response: CallResult, status: number, code: string) {
  expect([response.status, response.body?.code, response.headers.get("content-type")]).toEqual([status, code, "application/problem+json"]);
}

describeEachEngine("hostile input", ({ prisma }) => {
  async function setup() {
    const account = await createFundedAccount(prisma(), 100);
    const service = await createService(prisma(), { unitCostCredits: 1 });
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    return { account, service, workspaceId: account.workspace.id, cookie: await sessionCookie(account.user.id), adminCookie: await sessionCookie(admin.user.id) };
  }
  const entryCount = (workspaceId: string) => prisma().ledgerEntry.count({ where: { workspaceId } });

  it.each([252, 253, 254, 255])("accepts and replays an Idempotency-Key of %i characters", async (length) => {
    const { account, service, workspaceId, adminCookie } = await setup();
    const key = "k".repeat(length);
    const body = { service: service.key, quantity: 1 };
    const first = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body });
    const retry = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body });
    expect([first.status, retry.status, retry.text]).toEqual([200, 200, first.text]);
    const added = await callRoute(adjust, { cookie: adminCookie, idempotencyKey: key, params: { workspaceId }, body: { direction: "add", credits: 5, reason: "goodwill" } });
    expect(added.status).toBe(201);
    expect(await entryCount(workspaceId)).toBe(3);
  });

  it("refuses an Idempotency-Key of 256 characters with 400", async () => {
    const { account, service, workspaceId } = await setup();
    expectProblem(await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: "k".repeat(256), body: { service: service.key, quantity: 1 } }), 400, "invalid_request");
    expect(await entryCount(workspaceId)).toBe(1);
  });

  it("refuses NUL characters in any text field, naming the field, and writes nothing", async () => {
    const { account, service, workspaceId, cookie, adminCookie } = await setup();
    const nul = "abc\u0000def";
    const cases: [string, () => Promise<CallResult>, string][] = [
      ["usage description", () => callRoute(consume, { apiKey: account.apiKey, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 1, description: nul } }), "description"],
      ["usage service", () => callRoute(consume, { apiKey: account.apiKey, idempotencyKey: randomUUID(), body: { service: nul, quantity: 1 } }), "service"],
      ["usage reference", () => callRoute(consume, { apiKey: account.apiKey, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 1, reference: nul } }), "reference"],
      ["admin reason", () => callRoute(adjust, { cookie: adminCookie, idempotencyKey: randomUUID(), params: { workspaceId }, body: { direction: "add", credits: 5, reason: nul } }), "reason"],
      ["API key name", () => callRoute(createApiKey, { cookie, params: { workspaceId }, body: { name: nul } }), "name"],
      ["workspace name", () => callRoute(renameWorkspace, { method: "PATCH", cookie, params: { workspaceId }, body: { name: nul } }), "name"],
      ["sign-up name", () => callRoute(signUp, { path: "/api/auth/signup", body: { name: nul, email: `nul-${randomUUID()}@example.test`, password: "long-enough-password" } }), "name"],
      ["ledger filter", () => callRoute(ledger, { apiKey: account.apiKey, path: "/api/v1/ledger?type=USAGE%00" }), "type"],
    ];
    const users = await prisma().user.count();
    const keys = await prisma().apiKey.count({ where: { workspaceId } });
    for (const [label, call, field] of cases) {
      const response = await call();
      expect([label, response.status, response.body?.code, Object.keys(response.body?.errors ?? {})]).toEqual([label, 422, "validation_failed", [field]]);
    }
    expect(await entryCount(workspaceId)).toBe(1);
    expect(await prisma().user.count()).toBe(users);
    expect(await prisma().apiKey.count({ where: { workspaceId } })).toBe(keys);
    expect((await prisma().workspace.findUniqueOrThrow({ where: { id: workspaceId } })).name).not.toContain("\u0000");
  });

  it.each([
    ["a date before PostgreSQL's range", "/api/v1/ledger?from=-271821-04-20T00:00:00.000Z"],
    ["a date past the range", "/api/v1/ledger?to=%2B275760-09-13T00:00:00.000Z"],
    ["a cursor with an impossible date", "/api/v1/ledger?cursor=2020-13-45T25:61:61.000Z_1"],
    ["a cursor sequence past bigint", "/api/v1/ledger?cursor=2026-01-01T00:00:00.000Z_9999999999999999999"],
    ["a cursor before 1970", "/api/v1/ledger?cursor=0001-01-01T00:00:00.000Z_1"],
  ])("refuses %s with 422", async (_label, path) => {
    const { account } = await setup();
    expectProblem(await callRoute(ledger, { apiKey: account.apiKey, path }), 422, "validation_failed");
  });

  it("refuses out-of-range dates in the usage chart and in an admin expiry, writing nothing", async () => {
    const { workspaceId, cookie, adminCookie } = await setup();
    const chart = await callRoute(usageSummary, { cookie, params: { workspaceId }, path: "/api/x?from=-271821-04-20T00:00:00.000Z&to=2026-01-01T00:00:00.000Z" });
    expectProblem(chart, 422, "validation_failed");
    const expiry = await callRoute(adjust, {
      cookie: adminCookie,
      idempotencyKey: randomUUID(),
      params: { workspaceId },
      body: { direction: "add", credits: 5, reason: "goodwill", expiresAt: "+275760-09-13T00:00:00.000Z" },
    });
    expectProblem(expiry, 422, "validation_failed");
    expect(await entryCount(workspaceId)).toBe(1);
  });

  it("keeps a wallet within ±2,000,000,000 credits: past it, 422 balance_limit_exceeded and nothing written", async () => {
    const { workspaceId, adminCookie } = await setup();
    const move = (direction: "add" | "remove", credits: number) =>
      callRoute(adjust, { cookie: adminCookie, idempotencyKey: randomUUID(), params: { workspaceId }, body: { direction, credits, reason: "limit test" } });
    expect((await move("add", 1_000_000_000)).status).toBe(201);
    expect((await move("add", MAX_WALLET_BALANCE - 1_000_000_100)).body.balance).toBe(MAX_WALLET_BALANCE);
    expectProblem(await move("add", 1), 422, "balance_limit_exceeded");
    expect((await move("remove", 1_000_000_000)).status).toBe(201);
    expect((await move("remove", 1_000_000_000)).status).toBe(201);
    expect((await move("remove", 1_000_000_000)).status).toBe(201);
    expect((await move("remove", 1_000_000_000)).body.balance).toBe(-MAX_WALLET_BALANCE);
    expectProblem(await move("remove", 1), 422, "balance_limit_exceeded");
    expect(await entryCount(workspaceId)).toBe(7);
    await expectLedgerInvariants(prisma());
  });

  it.each([
    ["GET", unknownGet],
    ["POST", unknownPost],
    ["DELETE", unknownDelete],
  ] as const)("answers %s on an unknown /api path with a problem+json 404", async (method, handler) => {
    expectProblem(await callRoute(handler, { method, path: "/api/v1/nothing-here", params: { path: ["v1", "nothing-here"] } as never }), 404, "not_found");
  });
});
