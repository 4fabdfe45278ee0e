// Calls a route handler the way Next does: a Request in, a Response out.
type Handler = (req: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path?: string;
  body?: unknown;
  /** Sent as-is (for malformed bodies); otherwise `body` is JSON-encoded. */
  rawBody?: string;
  cookie?: string;
  apiKey?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

export type CallResult = { status: number; headers: Headers; body: any; text: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function callRoute(handler: Handler, options: CallOptions = {}): Promise<CallResult> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.apiKey) headers.set("authorization", `Bearer ${options.apiKey}`);
  if (options.idempotencyKey) headers.set("idempotency-key", options.idempotencyKey);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const req = new Request(`http://localhost:3000${options.path ?? "/api/test"}`, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
  const response = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
