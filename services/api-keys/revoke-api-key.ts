import "server-only";
import { forgetApiKey } from "@/lib/auth/api-key";
import { inTransaction, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiKeyView } from "@/types/api-keys";
import { recordAudit } from "../audit/record-audit";

export type RevokeApiKeyInput = { workspaceId: string; apiKeyId: string; actorId: string };

/**
 * Revokes a key of the workspace: refused at once by this process, by other app instances within
 * API_KEY_CACHE_TTL_MS (lib/auth/api-key-cache.ts). Revoking twice is a no-op. Throws `not_found`.
 */
export async function revokeApiKey(db: Db, input: RevokeApiKeyInput): Promise<ApiKeyView> {
  const view = await inTransaction(db, async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.apiKeyId, workspaceId: input.workspaceId } });
    if (!key) throw notFound("API key");
    const select = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;
    if (key.revokedAt) return tx.apiKey.findUniqueOrThrow({ where: { id: key.id }, select });
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select });
    await recordAudit(tx, {
      actor: { type: "USER", id: input.actorId },
      action: "api_key.revoked",
      target: { type: "api_key", id: key.id },
      workspaceId: input.workspaceId,
    });
    return revoked;
  });
  // This process's key cache would otherwise accept the key for a few more seconds. Given a
  // caller's transaction, this runs before it commits: a request in between may cache the key
  // again, for the cache's few seconds at most, as on any other instance.
  forgetApiKey(view.id);
  return view;
}
