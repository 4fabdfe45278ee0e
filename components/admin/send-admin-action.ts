import { apiUrl, readProblem, type JsonResult } from "@/components/ui/problem";

/**
 * Sends one admin mutation with its Idempotency-Key: the same key for every retry of one dialog's
 * submission, so a double click or a resend after a timeout acts once.
 */
export async function sendAdminAction<T>(path: string, method: "POST" | "PUT", body: unknown, idempotencyKey: string): Promise<JsonResult<T>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers: { "content-type": "application/json", accept: "application/json", "idempotency-key": idempotencyKey },
      body: JSON.stringify(body ?? {}),
    });
  } catch {
    return { ok: false, problem: { code: "network_error", title: "Could not reach the server", detail: "Check your connection and try again: sending again is safe." } };
  }
  if (!response.ok) return { ok: false, problem: await readProblem(response) };
  return { ok: true, data: (await response.json()) as T };
}
