// Billing requests from the browser: each carries an Idempotency-Key, so a double click or a retry
// after a dropped connection changes the plan (and is audited) once, or starts one checkout.
import { apiUrl, postJson, type JsonResult, type Problem } from "@/components/ui/problem";
import type { SubscriptionChange } from "@/types/billing";

/** A fresh key for one confirmation of one change. */
export const newIdempotencyKey = () => crypto.randomUUID();

export function sendPlanChange(workspaceId: string, change: SubscriptionChange, idempotencyKey: string): Promise<JsonResult<unknown>> {
  return postJson(apiUrl(`/workspaces/${workspaceId}/subscription`), change, { idempotencyKey });
}

/**
 * POSTs with an Idempotency-Key, then sends the browser to the URL the answer carries in `urlKey`
 * (Checkout, the Customer Portal). Resolves only when that fails, with the problem.
 */
export async function postWithKeyAndRedirect(path: string, body: unknown, urlKey: string, idempotencyKey: string): Promise<Problem> {
  const result = await postJson<Record<string, unknown>>(apiUrl(path), body, { idempotencyKey });
  if (!result.ok) return result.problem;
  window.location.assign(String(result.data[urlKey]));
  return new Promise<never>(() => {}); // the browser is leaving: stay pending
}
