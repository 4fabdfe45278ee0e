// Input a hostile or careless client sends. Each answer is a documented problem+json 4xx with a
// stable code, and nothing is written; a 500 here is a bug.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DELETE as unknownDelete, GET as unknownGet, POST as unknownPost } from "@/app/api/[...path]/route";
import { POST as approve } from "@/app/api/admin/approvals/[requestId]/approval/route";
import { POST as adjust } from "@/app/api/admin/workspaces/[workspaceId]/credits/route";
import { POST as signUp } from "@/app/api/auth/signup/route";
import { GET as ledger } from "@/app/api/v1/ledger/route";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
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
    const approverCookie = await sessionCookie((await createAccount(prisma(), { isPlatformAdmin: true })).user.id);
    const balance = async () => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance;
    // Amounts this large wait for a second admin (four-eyes): the ledger, and its limit, is written at approval.
    const move = async (direction: "add" | "remove", credits: number) => {
      const asked = await callRoute(adjust, { cookie: adminCookie, idempotencyKey: randomUUID(), params: { workspaceId }, body: { direction, credits, reason: "limit test" } });
      if (asked.status !== 202) return asked;
      return callRoute(approve, { cookie: approverCookie, params: { requestId: asked.body.request.id }, idempotencyKey: randomUUID() });
    };
    expect((await move("add", 1_000_000_000)).status).toBe(200);
    expect((await move("add", MAX_WALLET_BALANCE - 1_000_000_100)).status).toBe(200);
    expect(await balance()).toBe(MAX_WALLET_BALANCE);
    expectProblem(await move("add", 1), 422, "balance_limit_exceeded");
    for (let i = 0; i < 4; i++) expect((await move("remove", 1_000_000_000)).status).toBe(200);
    expect(await balance()).toBe(-MAX_WALLET_BALANCE);
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

  describe("a malformed batch", () => {
    const event = (service: string, extra: Record<string, unknown> = {}) => ({ id: randomUUID(), service, quantity: 1, ...extra });
    const cases: [string, (service: string) => { body?: unknown; rawBody?: string }, number, string, string[]?][] = [
      ["501 events", (s) => ({ body: { events: Array.from({ length: 501 }, () => event(s)) } }), 422, "validation_failed", ["events"]],
      ["an empty array", () => ({ body: { events: [] } }), 422, "validation_failed", ["events"]],
      ["no events field", () => ({ body: {} }), 422, "validation_failed", ["events"]],
      ["events that are not an array", (s) => ({ body: { events: event(s) } }), 422, "validation_failed", ["events"]],
      ["a body that is an array", (s) => ({ body: [event(s)] }), 422, "validation_failed", ["_"]],
      ["a body that is a string", () => ({ rawBody: '"events"' }), 422, "validation_failed", ["_"]],
      ["malformed JSON", () => ({ rawBody: '{"events": [' }), 400, "invalid_request"],
      ["an unknown top-level field", (s) => ({ body: { events: [event(s)], dryRun: true } }), 422, "validation_failed", ["_"]],
      ["duplicate ids", (s) => {
        const first = event(s);
        return { body: { events: [first, event(s), { ...first, quantity: 2 }] } };
      }, 422, "validation_failed", ["events.2.id"]],
      ["one malformed event among valid ones", (s) => ({ body: { events: [event(s), event(s), event(s), event(s, { quantity: -1 }), event(s)] } }), 422, "validation_failed", ["events.3.quantity"]],
      ["an event without an id", (s) => ({ body: { events: [event(s), { service: s, quantity: 1 }] } }), 422, "validation_failed", ["events.1.id"]],
      ["an id with spaces", (s) => ({ body: { events: [event(s, { id: "not a key" })] } }), 422, "validation_failed", ["events.0.id"]],
      ["an id of 256 characters", (s) => ({ body: { events: [event(s, { id: "k".repeat(256) })] } }), 422, "validation_failed", ["events.0.id"]],
      ["an event with an unknown field", (s) => ({ body: { events: [event(s), event(s, { priority: "high" })] } }), 422, "validation_failed", ["events.1"]],
      ["a workspace id that is not a UUID", (s) => ({ body: { events: [event(s, { workspaceId: "'; DROP TABLE wallets; --" })] } }), 422, "validation_failed", ["events.0.workspaceId"]],
      ["NUL in one event's description", (s) => ({ body: { events: [event(s), event(s), event(s, { description: "a\u0000b" })] } }), 422, "validation_failed", ["events.2.description"]],
      ["10 MB", (s) => ({ body: { events: [event(s, { description: "x".repeat(10 * 1024 * 1024) })] } }), 413, "payload_too_large"],
    ];

    it.each(cases)("%s: the documented problem, and nothing written", async (_label, build, status, code, fields) => {
      const { account, service, workspaceId } = await setup();
      const response = await callRoute(batch, { apiKey: account.apiKey, ...build(service.key) });
      expectProblem(response, status, code);
      if (fields) expect(Object.keys(response.body.errors ?? {})).toEqual(fields);
      expect(await entryCount(workspaceId)).toBe(1);
    });

    it("accepts 500 events at the size limit's intended load", async () => {
      const { account, service, workspaceId } = await setup();
      const events = Array.from({ length: 500 }, (_, i) => event(service.key, { reference: `job-${i}`.padEnd(255, "r"), description: "d".repeat(500), quantity: i < 100 ? 1 : 1_000_000 }));
      const response = await callRoute(batch, { apiKey: account.apiKey, body: { events } });
      expect(response.status, response.text).toBe(200);
      expect(response.body.results.filter((r: { status: string }) => r.status === "applied")).toHaveLength(100);
      expect(await entryCount(workspaceId)).toBe(101);
    });
  });
});
