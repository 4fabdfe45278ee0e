import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ApiKeyCache, type ApiKeyRecord } from "@/lib/auth/api-key-cache";

function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function workspaceKey(apiKeyId = randomUUID()): ApiKeyRecord {
  return { apiKeyId, caller: { kind: "WORKSPACE", apiKeyId, workspaceId: randomUUID() }, lastUsedAt: null };
}

/** A loader that counts its calls and answers from `rows` (hash → record), or with null. */
function database(rows: Map<string, ApiKeyRecord> = new Map()) {
  const calls: string[] = [];
  return { calls, rows, load: (hash: string) => async () => (calls.push(hash), rows.get(hash) ?? null) };
}

describe("API key cache", () => {
  it("answers from memory until the TTL has passed, then asks the database again", async () => {
    const clock = fakeClock();
    const cache = new ApiKeyCache({ ttlMs: 5000, maxEntries: 10, clock });
    const db = database(new Map([["h1", workspaceKey()]]));
    await cache.get("h1", db.load("h1"));
    clock.advance(4999);
    await cache.get("h1", db.load("h1"));
    expect(db.calls).toHaveLength(1);
    // Revoked meanwhile, by another instance: seen once the cached record has expired.
    db.rows.set("h1", { ...db.rows.get("h1")!, caller: null });
    clock.advance(1);
    expect((await cache.get("h1", db.load("h1")))?.caller).toBeNull();
    expect(db.calls).toHaveLength(2);
  });

  it("forgets a revoked key at once, and caches nothing a lookup started before the revocation read", async () => {
    const cache = new ApiKeyCache({ ttlMs: 5000, maxEntries: 10, clock: fakeClock() });
    const key = workspaceKey();
    const db = database(new Map([["h1", key], ["h2", key]]));
    await cache.get("h1", db.load("h1"));
    let release: () => void = () => {};
    const slow = cache.get("h2", () => new Promise<ApiKeyRecord>((resolve) => (release = () => resolve(key))));
    db.rows.set("h1", { ...key, caller: null });
    cache.forget(key.apiKeyId);
    expect(cache.size).toBe(0);
    // A request arriving now does not join the lookup that read the key before it was revoked.
    db.rows.set("h2", { ...key, caller: null });
    const fresh = cache.get("h2", db.load("h2"));
    release();
    await slow;
    expect((await fresh)?.caller).toBeNull();
    expect((await cache.get("h2", db.load("h2")))?.caller).toBeNull();
    expect((await cache.get("h1", db.load("h1")))?.caller).toBeNull();
  });

  it("shares one database lookup among concurrent requests for a key", async () => {
    const cache = new ApiKeyCache({ ttlMs: 5000, maxEntries: 10, clock: fakeClock() });
    const db = database(new Map([["h1", workspaceKey()]]));
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get("h1", db.load("h1"))));
    expect(db.calls).toHaveLength(1);
    expect(new Set(answers).size).toBe(1);
  });

  it("never caches an unknown key, so a spray of random keys leaves it empty", async () => {
    const cache = new ApiKeyCache({ ttlMs: 5000, maxEntries: 100, clock: fakeClock() });
    const db = database();
    for (let i = 0; i < 10_000; i++) expect(await cache.get(`random-${i}`, db.load(`random-${i}`))).toBeNull();
    expect(cache.size).toBe(0);
    expect(await cache.get("random-0", db.load("random-0"))).toBeNull();
    expect(db.calls).toHaveLength(10_001);
  });

  it("holds at most maxEntries keys, dropping the oldest first", async () => {
    const cache = new ApiKeyCache({ ttlMs: 5000, maxEntries: 100, clock: fakeClock() });
    const db = database(new Map(Array.from({ length: 1000 }, (_, i) => [`h${i}`, workspaceKey()] as const)));
    for (let i = 0; i < 1000; i++) await cache.get(`h${i}`, db.load(`h${i}`));
    expect(cache.size).toBe(100);
    await cache.get("h999", db.load("h999"));
    await cache.get("h0", db.load("h0"));
    expect(db.calls.filter((hash) => hash === "h999")).toHaveLength(1);
    expect(db.calls.filter((hash) => hash === "h0")).toHaveLength(2);
  });

  it("does not cache a failed lookup", async () => {
    const cache = new ApiKeyCache({ ttlMs: 5000, maxEntries: 10, clock: fakeClock() });
    await expect(cache.get("h1", () => Promise.reject(new Error("connection lost")))).rejects.toThrow("connection lost");
    const db = database(new Map([["h1", workspaceKey()]]));
    expect(await cache.get("h1", db.load("h1"))).not.toBeNull();
    expect(db.calls).toHaveLength(1);
  });
});
