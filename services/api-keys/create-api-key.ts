import "server-only";
import { generateApiKey } from "@/lib/auth/api-key";
import { inTransaction, type Db } from "@/lib/db";
import type { CreatedApiKey } from "@/types/api-keys";
import { recordAudit } from "../audit/record-audit";

export type CreateApiKeyInput = { workspaceId: string; name: string; actorId: string };

/** Creates a key for the workspace and returns it in plain text, the only time it exists so. */
export async function createApiKey(db: Db, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const { key, prefix, keyHash } = generateApiKey();
  return inTransaction(db, async (tx) => {
    const apiKey = await tx.apiKey.create({
      data: { workspaceId: input.workspaceId, name: input.name, prefix, keyHash, createdById: input.actorId },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    });
    await recordAudit(tx, {
      actor: { type: "USER", id: input.actorId },
      action: "api_key.created",
      target: { type: "api_key", id: apiKey.id },
      workspaceId: input.workspaceId,
      after: { name: apiKey.name, prefix },
    });
    return { ...apiKey, key };
  });
}
