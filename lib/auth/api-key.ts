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
import { createGroupCommit, type GroupCommit } from "@/lib/jobs/group-commit";
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

type ApiKeyRow = { id: string; key_hash: string; kind: ApiKeyKind; workspace_id: string | null; revoked_at: Date | null; last_used_at: Date | null };
type KeyLookup = { keyHash: string; key: string };

const toRecord = (row: ApiKeyRow | undefined, key: string): ApiKeyRecord | null =>
  row ? { apiKeyId: row.id, caller: callerOf(row, key), lastUsedAt: row.last_used_at } : null;

// Prepared statements, not Prisma queries (lib/db/prepared.ts).
async function findApiKey({ keyHash, key }: KeyLookup): Promise<ApiKeyRecord | null> {
  const [row] = await queryPrepared<ApiKeyRow>(db(), {
    name: "api_key_by_hash",
    text: "SELECT id, key_hash, kind, workspace_id, revoked_at, last_used_at FROM api_keys WHERE key_hash = $1",
    values: [keyHash],
  });
  return toRecord(row, key);
}

async function findApiKeys(lookups: KeyLookup[]): Promise<(ApiKeyRecord | null)[]> {
  const rows = await queryPrepared<ApiKeyRow>(db(), {
    name: "api_keys_by_hash",
    text: "SELECT id, key_hash, kind, workspace_id, revoked_at, last_used_at FROM api_keys WHERE key_hash = ANY($1::text[])",
    values: [lookups.map((lookup) => lookup.keyHash)],
  });
  const byHash = new Map(rows.map((row) => [row.key_hash, row]));
  return lookups.map((lookup) => toRecord(byHash.get(lookup.keyHash), lookup.key));
}

// Many keys first seen at once (a burst across thousands of workspaces) are looked up together:
// lookups that arrive while one is in flight share the next query, as spends share a commit.
const globalForLookups = globalThis as typeof globalThis & { __apiKeyLookups?: GroupCommit<KeyLookup, ApiKeyRecord | null> };
const keyLookups = (globalForLookups.__apiKeyLookups ??= createGroupCommit<KeyLookup, ApiKeyRecord | null>({
  maxInFlight: 2,
  maxBatch: 500,
  lane: (lookup) => lookup.keyHash,
  identity: (lookup) => lookup.keyHash,
  commitOne: findApiKey,
  commitMany: findApiKeys,
}));

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
  const apiKey = await cache.get(keyHash, () => keyLookups.submit({ keyHash, key }));
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
