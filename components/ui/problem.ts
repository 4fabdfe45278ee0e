// Reading the API's problem+json errors (RFC 9457) in the browser. No server imports: this file
// ships to the client.

export type Problem = { code: string; title: string; detail: string; status?: number; errors?: Record<string, string[]> };

const NETWORK_PROBLEM: Problem = {
  code: "network_error",
  title: "Could not reach the server",
  detail: "Check your connection and try again.",
};

function isFieldErrors(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((messages) => Array.isArray(messages) && messages.every((message) => typeof message === "string"))
  );
}

/** The problem a failed response describes; a body that is not problem+json becomes a generic one. */
export async function readProblem(response: Response): Promise<Problem> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML error page, an empty 413): described generically below.
  }
  if (typeof body === "object" && body !== null && typeof (body as { code?: unknown }).code === "string") {
    const { code, title, detail, errors } = body as Record<string, unknown>;
    return {
      code: code as string,
      status: response.status,
      title: typeof title === "string" && title ? title : "Request failed",
      detail: typeof detail === "string" ? detail : "",
      ...(isFieldErrors(errors) ? { errors } : {}),
    };
  }
  return {
    code: response.status === 413 ? "payload_too_large" : "internal_error",
    status: response.status,
    title: `Request failed (${response.status})`,
    detail: "Try again in a moment. If it keeps happening, contact support.",
  };
}

/** A path of the app's API, under the base the browser is configured with (NEXT_PUBLIC_API_URL). */
export function apiUrl(path: string): string {
  return `${process.env.NEXT_PUBLIC_API_URL ?? "/api"}${path}`;
}

export type JsonResult<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** POSTs JSON; resolves to the parsed body, or to a Problem when the request failed. Never throws. */
export async function postJson<T>(url: string, body: unknown, { method = "POST", idempotencyKey }: { method?: string; idempotencyKey?: string } = {}): Promise<JsonResult<T>> {
  let response: Response;
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  try {
    response = await fetch(url, { method, headers, body: JSON.stringify(body) });
  } catch {
    return { ok: false, problem: NETWORK_PROBLEM };
  }
  if (!response.ok) return { ok: false, problem: await readProblem(response) };
  try {
    return { ok: true, data: (await response.json()) as T };
  } catch {
    return { ok: true, data: undefined as T };
  }
}

/**
 * POSTs, then sends the browser to the URL the answer carries in `urlKey` (Stripe Checkout, the
 * Customer Portal). Resolves only when that fails, with the problem; on success the page is left.
 */
export async function postAndRedirect(url: string, body: unknown, urlKey: string): Promise<Problem> {
  const result = await postJson<Record<string, unknown>>(url, body);
  if (!result.ok) return result.problem;
  window.location.assign(String(result.data[urlKey]));
  return new Promise<never>(() => {}); // the browser is leaving: stay pending
}
