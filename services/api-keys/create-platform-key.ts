import "server-only";
import { generateApiKey } from "@/lib/auth/api-key";
import { inTransaction, type Db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { apiKeyView, type CreatedApiKey } from "@/types/api-keys";
import { createOnce } from "../idempotency/run-once";
import { recordAudit } from "../audit/record-audit";
import { API_KEY_VIEW } from "./api-key-view";

export type CreatePlatformKeyInput = {
  name: string;
  adminId: string;
  /** The admin's Idempotency-Key: a retry issues no second key (see below). */
  idempotencyKey?: string;
};

/** What an Idempotency-Key remembers of the key it issued: never the secret. */
const issuedKey = apiKeyView.pick({ id: true, name: true, prefix: true });

/**
 * Issues a platform service key (`sbp_…`): it may call the usage endpoints for every workspace,
 * naming the workspace on each event. Returned in plain text, the only time it exists so; audited
 * (`platform_key.created`) in the same transaction. The caller checks that the actor is an admin.
 *
 * With an Idempotency-Key, once per key (createOnce). A retry cannot be answered the same: the
 * secret is stored nowhere, by design (only its hash), so the retry is a `conflict` naming the key
 * the first request issued — revoke it if its secret was lost, and issue another.
 */
export async function createPlatformKey(db: Db, input: CreatePlatformKeyInput): Promise<CreatedApiKey> {
  return inTransaction(db, async (tx) => {
    const issued: { key?: CreatedApiKey } = {};
    const issue = async () => {
      const { key, prefix, keyHash } = generateApiKey("PLATFORM");
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
      issued.key = { ...apiKey, key };
      return issued.key;
    };
    if (!input.idempotencyKey) return issue();
    const claim = { scope: `admin:${input.adminId}`, key: input.idempotencyKey, request: { op: "platform_key.create", name: input.name } };
    const { value, replayed } = await createOnce(tx, claim, issuedKey, issue);
    if (replayed) {
      throw conflict(`This request already issued the key “${value.name}” (${value.prefix}…). Its secret is shown only once, in that first answer: if it was lost, revoke the key and issue another.`);
    }
    return issued.key!;
  });
}
