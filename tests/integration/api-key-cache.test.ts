// The in-process API-key cache (lib/auth/api-key-cache.ts) on the real request path: a revocation
// through the app is refused at once, one made elsewhere within the cache's TTL, and last use is
// still recorded, at most once a minute per key.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import * as apiKey from "@/app/api/workspaces/[workspaceId]/api-keys/[apiKeyId]/route";
import { POST as consume } from "@/app/api/v1/usage/route";
import { generateApiKey, installApiKeyCache } from "@/lib/auth/api-key";
import { API_KEY_CACHE_TTL_MS, ApiKeyCache } from "@/lib/auth/api-key-cache";
import { flushApiKeyUse } from "@/lib/auth/api-key-use";
import { createFundedAccount, createService } from "../fixtures/credits";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

describeEachEngine("API key cache", ({ prisma }) => {
  let now = Date.now();
  const clock = { now: () => new Date(now) };
  beforeEach(() => {
    now = Date.now();
    installApiKeyCache(new ApiKeyCache({ ttlMs: API_KEY_CACHE_TTL_MS, maxEntries: 100, clock }));
  });
  afterEach(() => installApiKeyCache());

  async function setup() {
    const account = await createFundedAccount(prisma(), 100);
    const service = await createService(prisma());
    const spend = () => callRoute(consume, { apiKey: account.apiKey, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 1 } });
    return { account, spend };
  }

  it("refuses a cached key at once when it is revoked through the app", async () => {
    const { account, spend } = await setup();
    expect((await spend()).status).toBe(200);
    const cookie = await sessionCookie(account.user.id);
    const revoked = await callRoute(apiKey.DELETE, { method: "DELETE", cookie, params: { workspaceId: account.workspace.id, apiKeyId: account.apiKeyId } });
    expect(revoked.status).toBe(200);
    const refused = await spend();
    expect([refused.status, refused.body.code]).toEqual([401, "unauthenticated"]);
  });

  it("refuses a key revoked elsewhere (another instance, SQL) once the cached record expires", async () => {
    const { account, spend } = await setup();
    expect((await spend()).status).toBe(200);
    await prisma().apiKey.update({ where: { id: account.apiKeyId }, data: { revokedAt: new Date() } });
    // The documented window: this process trusts what it read for API_KEY_CACHE_TTL_MS.
    now += API_KEY_CACHE_TTL_MS - 1;
    expect((await spend()).status).toBe(200);
    now += 1;
    const refused = await spend();
    expect([refused.status, refused.body.code]).toEqual([401, "unauthenticated"]);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: account.workspace.id, type: "USAGE" } })).toBe(2);
  });

  it("records a key's last use, at most once a minute", async () => {
    const { account, spend } = await setup();
    const lastUsedAt = async () => (await prisma().apiKey.findUniqueOrThrow({ where: { id: account.apiKeyId } })).lastUsedAt?.getTime();
    const first = now;
    expect((await spend()).status).toBe(200);
    await flushApiKeyUse();
    expect(await lastUsedAt()).toBe(first);
    now += 30_000;
    expect((await spend()).status).toBe(200);
    await flushApiKeyUse();
    expect(await lastUsedAt()).toBe(first);
    // Past the minute, and past the cache's TTL: the throttle holds across reloads of the key.
    now += 31_000;
    expect((await spend()).status).toBe(200);
    await flushApiKeyUse();
    expect(await lastUsedAt()).toBe(now);
  });

  it("looks up a burst of keys first seen at once, each to its own workspace, refusing the revoked and the unknown among them", async () => {
    const service = await createService(prisma());
    const accounts = await Promise.all(Array.from({ length: 12 }, () => createFundedAccount(prisma(), 50)));
    await prisma().apiKey.update({ where: { id: accounts[0]!.apiKeyId }, data: { revokedAt: new Date() } });
    const unknown = generateApiKey().key;
    const spend = (key: string) => callRoute(consume, { apiKey: key, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 1 } });
    const answers = await Promise.all([unknown, ...accounts.map((account) => account.apiKey)].map(spend));
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, ...Array(11).fill(200)]);
    for (const [i, account] of accounts.entries()) {
      const usage = await prisma().ledgerEntry.count({ where: { workspaceId: account.workspace.id, type: "USAGE" } });
      expect(usage).toBe(i === 0 ? 0 : 1);
    }
  });
});
