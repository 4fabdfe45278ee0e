"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiUrl, postJson, type JsonResult, type Problem } from "@/components/ui/problem";

/**
 * One request from a team control: pending while it runs, the problem when it fails (for the
 * error dialog), and a refresh of the server-rendered page when it succeeds.
 */
export function useRequest() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);

  /** With an `idempotencyKey`, a resend of the same request (a double click, a retry) acts once. */
  async function send<T>(method: "POST" | "PATCH" | "PUT" | "DELETE", path: string, body?: unknown, idempotencyKey?: string): Promise<JsonResult<T>> {
    setPending(true);
    const result = await postJson<T>(apiUrl(path), body, { method, idempotencyKey });
    setPending(false);
    if (!result.ok) setProblem(result.problem);
    else router.refresh();
    return result;
  }

  return { pending, problem, send, dismiss: () => setProblem(null) };
}
