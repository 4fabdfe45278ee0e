import "server-only";
import { generateApiKey } from "@/lib/auth/api-key";
import { inTransaction, type Db } from "@/lib/db";
import type { CreatedApiKey } from "@/types/api-keys";
import { recordAudit } from "../audit/record-audit";
import { API_KEY_VIEW } from "./api-key-view";

export type CreatePlatformKeyInput = { name: string; adminId: string };

/**
 * Issues a platform service key (`sbp_…`): it may call the usage endpoints for every workspace,
 * naming the workspace on each event. Returned in plain text, the only time it exists so; audited
 * (`platform_key.created`) in the same transaction. The caller checks that the actor is an admin.
 */
export async function createPlatformKey(db: Db, input: CreatePlatformKeyInput): Promise<CreatedApiKey> {
  const { key, prefix, keyHash } = generateApiKey("PLATFORM");
  return inTransaction(db, async (tx) => {
    const apiKey = await tx.apiKey.create({
      data: { kind: "PLATFORM", workspaceId: null, name: input.name, prefix, keyHash, createdById: input.adminId },
      select: API_KEY_VIEW,
    });
    await recordAudit(tx, {
      actor: { type: "ADMIN", id: input.adminId },
      action: "platform_key.created",
      target: { type: "api_key", id: apiKey.id },
      after: { name: apiKey.name, prefix, kind: "PLATFORM" },
    });
    return { ...apiKey, key };
  });
}
