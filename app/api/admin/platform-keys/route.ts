import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { createPlatformKey } from "@/services/api-keys/create-platform-key";
import { listPlatformKeys } from "@/services/api-keys/list-platform-keys";
import { apiKeyList, createdApiKey, createPlatformKeyBody } from "@/types/api-keys";

// GET /api/admin/platform-keys — every platform service key (never the secrets)
export const GET = withAdmin({}, async ({ db }) => {
  return json(apiKeyList, { data: await listPlatformKeys(db) });
});

// POST /api/admin/platform-keys — issue a platform service key; the secret is in this response only
// Idempotency-Key required: a retry issues no second key; it is a 409 naming the first (whose secret is never stored).
export const POST = withAdmin({ body: createPlatformKeyBody, idempotent: true }, async ({ db, body, session, idempotencyKey }) => {
  const key = await createPlatformKey(db, { name: body.name, adminId: session.user.id, idempotencyKey });
  return json(createdApiKey, key, { status: 201, headers: { "cache-control": "no-store" } });
});
