// API keys: `sbk_` (a workspace's) or `sbp_` (a platform service's) + 32 random base62 characters.
// The prefix says what a leaked key can do at a glance, and lets secret scanners tell them apart.
// Only a SHA-256 hash is stored (the key has 190 bits of entropy, so a slow hash adds nothing);
// the plain key is shown once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { queryPrepared } from "@/lib/db/prepared";
import { DomainError, forbidden } from "@/lib/errors";

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

type ApiKeyRow = { id: string; kind: ApiKeyKind; workspace_id: string | null; revoked_at: Date | null; last_used_at: Date | null };

/** The caller behind `Authorization: Bearer sbk_…|sbp_…`; throws `unauthenticated` otherwise. */
export async function authenticateApiKey(req: Request): Promise<ApiKeyCaller> {
  const header = req.headers.get("authorization") ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (!KEY_PATTERN.test(key)) throw invalidKey();
  // On every usage call: a prepared statement, not a Prisma query (lib/db/prepared.ts).
  const [apiKey] = await queryPrepared<ApiKeyRow>(db(), {
    name: "api_key_by_hash",
    text: "SELECT id, kind, workspace_id, revoked_at, last_used_at FROM api_keys WHERE key_hash = $1",
    values: [hashApiKey(key)],
  });
  // The stored kind decides; a prefix that disagrees with it was never issued by us.
  if (!apiKey || apiKey.revoked_at || !key.startsWith(PREFIXES[apiKey.kind])) throw invalidKey();
  const now = Date.now();
  if (!apiKey.last_used_at || now - apiKey.last_used_at.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date(now) } });
  }
  if (apiKey.kind === "PLATFORM") return { kind: "PLATFORM", apiKeyId: apiKey.id, workspaceId: null };
  if (!apiKey.workspace_id) throw invalidKey();
  return { kind: "WORKSPACE", apiKeyId: apiKey.id, workspaceId: apiKey.workspace_id };
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
