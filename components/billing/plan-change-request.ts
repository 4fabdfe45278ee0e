// Sending a plan change from the browser: each confirmation carries one Idempotency-Key, so a
// double click or a retry after a dropped connection changes the plan (and is audited) once.
import { apiUrl, postJson, type JsonResult } from "@/components/ui/problem";
import type { SubscriptionChange } from "@/types/billing";

/** A fresh key for one confirmation of one change. */
export const newIdempotencyKey = () => crypto.randomUUID();

export function sendPlanChange(workspaceId: string, change: SubscriptionChange, idempotencyKey: string): Promise<JsonResult<unknown>> {
  return postJson(apiUrl(`/workspaces/${workspaceId}/subscription`), change, {
    headers: { "content-type": "application/json", accept: "application/json", "idempotency-key": idempotencyKey },
  });
}
