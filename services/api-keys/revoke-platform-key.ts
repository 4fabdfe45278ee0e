import "server-only";
import { forgetApiKey } from "@/lib/auth/api-key";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiKeyView } from "@/types/api-keys";
import { recordAudit } from "../audit/record-audit";
import { API_KEY_VIEW } from "./api-key-view";

export type RevokePlatformKeyInput = { apiKeyId: string; adminId: string };

/**
 * Revokes a platform service key: its next request is refused (401) by this process, and by
 * other app instances within API_KEY_CACHE_TTL_MS (lib/auth/api-key-cache.ts). Audited
 * (`platform_key.revoked`); revoking twice is a no-op and audits nothing. A workspace key's id is
 * `not_found` here: those belong to their workspace's owners.
 */
export async function revokePlatformKey(db: Db, input: RevokePlatformKeyInput, clock: Clock = systemClock): Promise<ApiKeyView> {
  const view = await inTransaction(db, async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.apiKeyId, kind: "PLATFORM" }, select: API_KEY_VIEW });
    if (!key) throw notFound("Platform key");
    if (key.revokedAt) return key;
    // Guarded by revoked_at, so two concurrent revocations audit once.
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: clock.now() } });
    const revoked = await tx.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: API_KEY_VIEW });
    if (count === 1) {
      await recordAudit(tx, {
        actor: { type: "ADMIN", id: input.adminId },
        action: "platform_key.revoked",
        target: { type: "api_key", id: key.id },
        before: { revokedAt: null },
        after: { name: key.name, prefix: key.prefix, revokedAt: revoked.revokedAt!.toISOString() },
      });
    }
    return revoked;
  });
  // This process's key cache would otherwise accept the key for a few more seconds. Given a
  // caller's transaction, this runs before it commits: a request in between may cache the key
  // again, for the cache's few seconds at most, as on any other instance.
  forgetApiKey(view.id);
  return view;
}
