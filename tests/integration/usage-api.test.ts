import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { GET as balance } from "@/app/api/v1/balance/route";
import { GET as ledger } from "@/app/api/v1/ledger/route";
import { POST as check } from "@/app/api/v1/usage/check/route";
import { POST as consume } from "@/app/api/v1/usage/route";
import { revokeApiKey } from "@/services/api-keys/revoke-api-key";
import { setWalletStatus } from "@/services/credits/set-wallet-status";
import { describeEachEngine } from "../helpers/engines";
import { callRoute, type CallOptions } from "../helpers/http";
import { createFundedAccount, createService } from "../fixtures/credits";

describeEachEngine("usage API", ({ prisma }) => {
  async function setup(credits = 100) {
    const account = await createFundedAccount(prisma(), credits);
    const service = await createService(prisma(), { unitCostCredits: 2 });
    return { account, service };
  }

  it("spends credits and reports the balance, check and ledger", async () => {
    const { account, service } = await setup();
    const apiKey = account.apiKey;
    const verdict = await callRoute(check, { apiKey, body: { service: service.key, quantity: 10 } });
    expect(verdict.body).toEqual({ allowed: true, reason: null, cost: 20, balance: 100, available: 100 });
    const spent = await callRoute(consume, { apiKey, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 10, reference: "job-42" } });
    expect(spent.status).toBe(200);
    expect(spent.body).toMatchObject({ amount: -20, balance: 80, entryId: expect.any(String) });
    expect((await callRoute(balance, { apiKey })).body).toEqual({ balance: 80, held: 0, available: 80, status: "ACTIVE" });
    const page = await callRoute(ledger, { apiKey, path: "/api/v1/ledger?type=usage" });
    expect(page.body.data).toEqual([expect.objectContaining({ type: "USAGE", amount: -20, service: service.key, quantity: 10, referenceId: "job-42" })]);
    const tooMuch = await callRoute(check, { apiKey, body: { service: service.key, quantity: 41 } });
    expect(tooMuch.body).toMatchObject({ allowed: false, reason: "insufficient_credits", cost: 82 });
  });

  it("refuses with 402 when credits run out and 423 while paused, writing nothing", async () => {
    const { account, service } = await setup(10);
    const apiKey = account.apiKey;
    const poor = await callRoute(consume, { apiKey, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 6 } });
    expect([poor.status, poor.body.code]).toEqual([402, "insufficient_credits"]);
    await setWalletStatus(prisma(), { workspaceId: account.workspace.id, paused: true, actor: { type: "SYSTEM" } });
    const paused = await callRoute(consume, { apiKey, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 1 } });
    expect([paused.status, paused.body.code]).toEqual([423, "wallet_paused"]);
    expect((await callRoute(check, { apiKey, body: { service: service.key, quantity: 1 } })).body.reason).toBe("wallet_paused");
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: account.workspace.id, type: "USAGE" } })).toBe(0);
  });

  it("pages through the ledger by cursor and exports it as CSV", async () => {
    const { account, service } = await setup(1000);
    for (let i = 0; i < 5; i++) await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 1, description: i === 0 ? '=HYPERLINK("x"), "quoted"' : undefined } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await callRoute(ledger, { apiKey: account.apiKey, path: `/api/v1/ledger?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      seen.push(...page.body.data.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const csv = await callRoute(ledger, { apiKey: account.apiKey, path: "/api/v1/ledger?format=csv" });
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toBe("id,created_at,type,amount,balance_after,service,quantity,reference_type,reference_id,reverses_id,description");
    expect(lines).toHaveLength(7);
    expect(csv.text).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
  });

  const badRequests: [string, CallOptions, number, string][] = [
    ["no API key", { apiKey: undefined, idempotencyKey: "k", body: { service: "s", quantity: 1 } }, 401, "unauthenticated"],
    ["a malformed API key", { apiKey: "sbk_short", idempotencyKey: "k", body: { service: "s", quantity: 1 } }, 401, "unauthenticated"],
    ["an unknown API key", { apiKey: `sbk_${"A".repeat(32)}`, idempotencyKey: "k", body: { service: "s", quantity: 1 } }, 401, "unauthenticated"],
    ["no Idempotency-Key", { body: { service: "SERVICE", quantity: 1 } }, 400, "invalid_request"],
    ["an Idempotency-Key with spaces", { idempotencyKey: "a key", body: { service: "SERVICE", quantity: 1 } }, 400, "invalid_request"],
    ["a negative quantity", { idempotencyKey: "k", body: { service: "SERVICE", quantity: -1 } }, 422, "validation_failed"],
    ["a zero quantity", { idempotencyKey: "k", body: { service: "SERVICE", quantity: 0 } }, 422, "validation_failed"],
    ["a fractional quantity", { idempotencyKey: "k", body: { service: "SERVICE", quantity: 1.5 } }, 422, "validation_failed"],
    ["a huge quantity", { idempotencyKey: "k", body: { service: "SERVICE", quantity: 1e12 } }, 422, "validation_failed"],
    ["a quantity as a string", { idempotencyKey: "k", body: { service: "SERVICE", quantity: "5" } }, 422, "validation_failed"],
    ["an unknown service", { idempotencyKey: "k", body: { service: "no.such", quantity: 1 } }, 422, "validation_failed"],
    ["an unknown field", { idempotencyKey: "k", body: { service: "SERVICE", quantity: 1, workspaceId: "x" } }, 422, "validation_failed"],
    ["malformed JSON", { idempotencyKey: "k", rawBody: "{" }, 400, "invalid_request"],
    ["an oversized body", { idempotencyKey: "k", body: { service: "SERVICE", quantity: 1, description: "x".repeat(70_000) } }, 413, "payload_too_large"],
  ];

  it.each(badRequests)("answers %s with the documented problem and changes nothing", async (_label, options, status, code) => {
    const { account, service } = await setup();
    const body = options.body ? JSON.parse(JSON.stringify(options.body).replace("SERVICE", service.key)) : undefined;
    const apiKey = "apiKey" in options ? options.apiKey : account.apiKey;
    const response = await callRoute(consume, { ...options, body, apiKey });
    expect([response.status, response.body?.code]).toEqual([status, code]);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: account.workspace.id } })).toBe(1);
  });

  it("refuses a revoked key at once", async () => {
    const { account, service } = await setup();
    await revokeApiKey(prisma(), { workspaceId: account.workspace.id, apiKeyId: account.apiKeyId, actorId: account.user.id });
    const response = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: "k", body: { service: service.key, quantity: 1 } });
    expect([response.status, response.body.code]).toEqual([401, "unauthenticated"]);
  });

  it("validates ledger filters", async () => {
    const { account } = await setup();
    for (const query of ["type=NOPE", "from=yesterday", "limit=0", "limit=1000", "cursor=abc", "from=2026-02-01&to=2026-01-01"]) {
      const response = await callRoute(ledger, { apiKey: account.apiKey, path: `/api/v1/ledger?${query}` });
      expect([query, response.status, response.body.code]).toEqual([query, 422, "validation_failed"]);
    }
  });
});
