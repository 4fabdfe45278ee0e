import { apiUrl, postJson, type JsonResult } from "@/components/ui/problem";

/**
 * Sends one admin mutation with its Idempotency-Key: the same key for every retry of one dialog's
 * submission, so a double click or a resend after a timeout acts once.
 */
export function sendAdminAction<T>(path: string, method: "POST" | "PUT" | "PATCH", body: unknown, idempotencyKey: string): Promise<JsonResult<T>> {
  return postJson<T>(apiUrl(path), body ?? {}, { method, idempotencyKey });
}
