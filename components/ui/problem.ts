// Reading the API's problem+json errors in the browser.

export type Problem = { code: string; title: string; detail: string; errors?: Record<string, string[]> };

const NETWORK_PROBLEM: Problem = {
  code: "network_error",
  title: "Could not reach the server",
  detail: "Check your connection and try again.",
};

export async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = await response.json();
    if (body && typeof body.code === "string") return body as Problem;
  } catch {
    // Not JSON: fall through to a generic problem.
  }
  return { code: "internal_error", title: `Request failed (${response.status})`, detail: "Try again in a moment." };
}

/** POSTs JSON; resolves to the parsed body, or to a Problem when the request failed. */
export async function postJson<T>(url: string, body: unknown, init?: RequestInit): Promise<{ ok: true; data: T } | { ok: false; problem: Problem }> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...init });
    if (!response.ok) return { ok: false, problem: await readProblem(response) };
    return { ok: true, data: (await response.json()) as T };
  } catch {
    return { ok: false, problem: NETWORK_PROBLEM };
  }
}
