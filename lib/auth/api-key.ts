// API keys: `sbk_` (a workspace's) or `sbp_` (a platform service's) + 32 random base62 characters.
// The prefix says what a leaked key can do at a glance, and lets secret scanners tell them apart.
// Only a SHA-256 hash is stored (the key has 190 bits of entropy, so a slow hash adds nothing);
// the plain key is shown once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { queryPrepared } from "@/lib/db/prepared";
import { DomainError, forbidden } from "@/lib/errors";
import { API_KEY_CACHE_TTL_MS, ApiKeyCache, type ApiKeyRecord } from "./api-key-cache";
import { recordApiKeyUse } from "./api-key-use";

const PREFIXES = { WORKSPACE: "sbk_", PLATFORM: "sbp_" } as const;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = /^sb[kp]_[0-9A-Za-z]{32}$/;

export type ApiKeyKind = keyof typeof PREFIXES;

/** A workspace's key: every /api/v1 endpoint, for its own workspace only. */
export type WorkspaceKeyCaller = { kind: "WORKSPACE"; apiKeyId: string; workspaceId: string };
/** A platform service key: the usage endpoints only, naming the workspace on each event. */
export type PlatformKeyCaller = { kind: "PLATFORM"; apiKeyId: string; workspaceId: null };
export type ApiKeyCaller = WorkspaceKeyCaller | PlatformKeyCaller;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(kind: ApiKeyKind = "WORKSPACE"): { key: string; prefix: string; keyHash: string } {
  const bytes = randomBytes(32);
  const body = Array.from(bytes, (byte) => ALPHABET[byte % 62]).join("");
  const key = `${PREFIXES[kind]}${body}`;
  return { key, prefix: key.slice(0, 12), keyHash: hashApiKey(key) };
}

const invalidKey = () => new DomainError("unauthenticated", "Missing, invalid or revoked API key");

// last_used_at is written at most once a minute per key: a hot key must not add a row update
// (and a lock on the key row) to every request.
const LAST_USED_GRANULARITY_MS = 60_000;

// Far more keys than one instance serves in five seconds; at ~300 bytes each, a few MiB at most.
const API_KEY_CACHE_ENTRIES = 10_000;

const globalForKeys = globalThis as typeof globalThis & { __apiKeyCache?: ApiKeyCache };

function apiKeyCache(): ApiKeyCache {
  return (globalForKeys.__apiKeyCache ??= new ApiKeyCache({ ttlMs: API_KEY_CACHE_TTL_MS, maxEntries: API_KEY_CACHE_ENTRIES, clock: systemClock }));
}

/** Replaces this process's key cache (tests: a fake clock); none restores the default on next use. */
export function installApiKeyCache(cache?: ApiKeyCache) {
  globalForKeys.__apiKeyCache = cache;
}

/** Makes this process refuse a revoked key at once, rather than when its cached record expires. */
export function forgetApiKey(apiKeyId: string) {
  apiKeyCache().forget(apiKeyId);
}

type ApiKeyRow = { id: string; kind: ApiKeyKind; workspace_id: string | null; revoked_at: Date | null; last_used_at: Date | null };

async function findApiKey(keyHash: string, key: string): Promise<ApiKeyRecord | null> {
  // A prepared statement, not a Prisma query (lib/db/prepared.ts).
  const [row] = await queryPrepared<ApiKeyRow>(db(), {
    name: "api_key_by_hash",
    text: "SELECT id, kind, workspace_id, revoked_at, last_used_at FROM api_keys WHERE key_hash = $1",
    values: [keyHash],
  });
  if (!row) return null;
  return { apiKeyId: row.id, caller: callerOf(row, key), lastUsedAt: row.last_used_at };
}

function callerOf(row: ApiKeyRow, key: string): ApiKeyCaller | null {
  // The stored kind decides; a prefix that disagrees with it was never issued by us.
  if (row.revoked_at || !key.startsWith(PREFIXES[row.kind])) return null;
  if (row.kind === "PLATFORM") return { kind: "PLATFORM", apiKeyId: row.id, workspaceId: null };
  return row.workspace_id ? { kind: "WORKSPACE", apiKeyId: row.id, workspaceId: row.workspace_id } : null;
}

/**
 * The caller behind `Authorization: Bearer sbk_…|sbp_…`; throws `unauthenticated` otherwise.
 * Served from this process's key cache for up to API_KEY_CACHE_TTL_MS after the database said so.
 */
export async function authenticateApiKey(req: Request): Promise<ApiKeyCaller> {
  const header = req.headers.get("authorization") ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (!KEY_PATTERN.test(key)) throw invalidKey();
  const keyHash = hashApiKey(key);
  const cache = apiKeyCache();
  const apiKey = await cache.get(keyHash, () => findApiKey(keyHash, key));
  if (!apiKey?.caller) throw invalidKey();
  const now = cache.now();
  if (apiKey.lastUsedAt === null || now - apiKey.lastUsedAt > LAST_USED_GRANULARITY_MS) {
    apiKey.lastUsedAt = now;
    recordApiKeyUse(apiKey.apiKeyId, new Date(now));
  }
  return apiKey.caller;
}

export const platformKeyRequiresWorkspace = "Name the workspace: a platform key spends from the workspace each request names";

/**
 * The workspace a usage request spends from. A workspace key spends from its own: leaving
 * `named` out means it, naming it is fine, naming another is `forbidden` (the same answer
 * whether or not that workspace exists). A platform key spends from the workspace named, and must
 * name one (`validation_failed` on `field`).
 */
export function usageWorkspace(caller: ApiKeyCaller, named: string | undefined, field = "workspaceId"): string {
  if (caller.kind === "PLATFORM") {
    if (!named) throw new DomainError("validation_failed", platformKeyRequiresWorkspace, { fieldErrors: { [field]: ["Required with a platform key"] } });
    return named;
  }
  if (named !== undefined && named.toLowerCase() !== caller.workspaceId) throw forbidden("This API key may spend only from its own workspace");
  return caller.workspaceId;
}
