// Browser side of the dispute mutations: one Idempotency-Key per attempt the person makes, kept
// across a retry of the same attempt, so a double click or a lost answer never acts twice.
import { apiUrl, readProblem, type Problem } from "@/components/ui/problem";

export type SendResult = { ok: true } | { ok: false; problem: Problem };

export async function sendDisputeRequest(path: string, body: unknown, idempotencyKey: string): Promise<SendResult> {
  try {
    const response = await fetch(apiUrl(path), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "idempotency-key": idempotencyKey },
      body: JSON.stringify(body),
    });
    return response.ok ? { ok: true } : { ok: false, problem: await readProblem(response) };
  } catch {
    return { ok: false, problem: { code: "network_error", title: "Could not reach the server", detail: "Check your connection and try again." } };
  }
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
