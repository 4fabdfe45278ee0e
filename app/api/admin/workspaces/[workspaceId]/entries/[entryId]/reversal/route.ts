import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { reverseEntryAsAdmin } from "@/services/admin/reverse-entry-as-admin";
import { reverseEntryBody } from "@/types/admin-credits";
import { ledgerWriteResult } from "@/types/credits";

// POST /api/admin/workspaces/:workspaceId/entries/:entryId/reversal — reverse all or part of an entry
export const POST = withAdmin({ body: reverseEntryBody, idempotent: true }, async ({ db, body, params, session, idempotencyKey }) => {
  const result = await reverseEntryAsAdmin(db, {
    ...body,
    workspaceId: params.workspaceId!,
    entryId: params.entryId!,
    adminId: session.user.id,
    idempotencyKey,
  });
  return json(ledgerWriteResult, result, { status: result.replayed ? 200 : 201 });
});
