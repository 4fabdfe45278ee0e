// Workspace API keys: `sbk_` + 32 random base62 characters. Only a SHA-256 hash is stored (the
// key has 190 bits of entropy, so a slow hash adds nothing); the plain key is shown once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { queryPrepared } from "@/lib/db/prepared";
import { DomainError } from "@/lib/errors";

const PREFIX = "sbk_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = /^sbk_[0-9A-Za-z]{32}$/;

export type ApiKeyCaller = { apiKeyId: string; workspaceId: string };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const bytes = randomBytes(32);
  const body = Array.from(bytes, (byte) => ALPHABET[byte % 62]).join("");
  const key = `${PREFIX}${body}`;
  return { key, prefix: key.slice(0, 12), keyHash: hashApiKey(key) };
}

const invalidKey = () => new DomainError("unauthenticated", "Missing, invalid or revoked API key");

// last_used_at is written at most once a minute per key: a hot key must not add a row update
// (and a lock on the key row) to every request.
const LAST_USED_GRANULARITY_MS = 60_000;

/** The workspace behind `Authorization: Bearer sbk_…`; throws `unauthenticated` otherwise. */
export async function authenticateApiKey(req: Request): Promise<ApiKeyCaller> {
  const header = req.headers.get("authorization") ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (!KEY_PATTERN.test(key)) throw invalidKey();
  // On every usage call: a prepared statement, not a Prisma query (lib/db/prepared.ts).
  const [apiKey] = await queryPrepared<{ id: string; workspace_id: string; revoked_at: Date | null; last_used_at: Date | null }>(db(), {
    name: "api_key_by_hash",
    text: "SELECT id, workspace_id, revoked_at, last_used_at FROM api_keys WHERE key_hash = $1",
    values: [hashApiKey(key)],
  });
  if (!apiKey || apiKey.revoked_at) throw invalidKey();
  const now = Date.now();
  if (!apiKey.last_used_at || now - apiKey.last_used_at.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { apiKeyId: apiKey.id, workspaceId: apiKey.workspace_id };
}
