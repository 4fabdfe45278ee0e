// What each API key was found to be, kept in this process for a few seconds, so a busy key costs
// no database round trip per request. The price is how long a revocation made elsewhere (another
// app instance, SQL) takes to be seen here: at most `ttlMs`. Revocations made through this
// process call `forget` and take effect at once (docs/operations.md, "API keys").
import type { Clock } from "@/lib/clock";
import type { ApiKeyCaller } from "./api-key";

/**
 * How long a process trusts what it read about a key: the longest a revocation made elsewhere
 * (another app instance, SQL) waits to be seen. Short enough to promise "within seconds" (docs).
 */
export const API_KEY_CACHE_TTL_MS = 5_000;

/** A key that exists: its caller, or null when it is refused (revoked, or a prefix we never issued). */
export type ApiKeyRecord = { apiKeyId: string; caller: ApiKeyCaller | null; lastUsedAt: Date | null };

/** A record as cached. `lastUsedAt` is advanced by the caller to throttle its writes. */
export type CachedApiKey = { apiKeyId: string; caller: ApiKeyCaller | null; lastUsedAt: number | null; expiresAt: number };

export type ApiKeyCacheOptions = { ttlMs: number; maxEntries: number; clock: Clock };

export class ApiKeyCache {
  private readonly entries = new Map<string, CachedApiKey>();
  private readonly loading = new Map<string, Promise<CachedApiKey | null>>();
  // Bumped by every `forget`: a lookup that started before a revocation must not cache what it read.
  private generation = 0;

  constructor(readonly options: ApiKeyCacheOptions) {}

  now(): number {
    return this.options.clock.now().getTime();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The key behind `keyHash`, from memory while fresh, else from `load` — one load per hash at a
   * time, however many requests wait for it. A hash `load` does not find is not cached: a caller
   * spraying random keys can neither grow this cache nor push real keys out of it.
   */
  async get(keyHash: string, load: () => Promise<ApiKeyRecord | null>): Promise<CachedApiKey | null> {
    const cached = this.entries.get(keyHash);
    if (cached && cached.expiresAt > this.now()) return cached;
    if (cached) this.entries.delete(keyHash);
    const inFlight = this.loading.get(keyHash);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const loaded = load()
      .then((record) => {
        if (!record) return null;
        const entry: CachedApiKey = { ...record, lastUsedAt: record.lastUsedAt?.getTime() ?? null, expiresAt: this.now() + this.options.ttlMs };
        if (generation === this.generation) this.store(keyHash, entry);
        return entry;
      })
      .finally(() => {
        if (this.loading.get(keyHash) === loaded) this.loading.delete(keyHash);
      });
    this.loading.set(keyHash, loaded);
    return loaded;
  }

  /** Drops every cached record of the key, and lets no lookup already under way cache or share its answer. */
  forget(apiKeyId: string): void {
    this.generation++;
    this.loading.clear();
    for (const [keyHash, entry] of this.entries) if (entry.apiKeyId === apiKeyId) this.entries.delete(keyHash);
  }

  private store(keyHash: string, entry: CachedApiKey): void {
    this.entries.delete(keyHash);
    // Every entry lives as long, so the oldest inserted is the first to expire: evict it.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size < this.options.maxEntries) break;
      this.entries.delete(oldest);
    }
    if (this.options.maxEntries < 1) return;
    this.entries.set(keyHash, entry);
  }
}
