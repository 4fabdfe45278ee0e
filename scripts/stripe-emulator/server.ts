import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext } from "./context";
import { StripeApiError } from "./errors";
import { expandResponse } from "./expand";
import { parseFormBody } from "./form-body";
import { newId } from "./ids";
import { expandPaths } from "./params";
import { createRouter, type ApiRoute } from "./router";

/** Answer of a hosted page: HTML, or a redirect (after a form post). */
export type PageResult = { status?: number; html: string } | { redirect: string };
export type PageRoute = {
  method: "GET" | "POST";
  path: string;
  handler: (ctx: EmulatorContext, request: { form: URLSearchParams; query: URLSearchParams; path: Record<string, string> }) => PageResult;
};
/** A control endpoint (not Stripe's API): JSON in, JSON out. */
export type ControlRoute = {
  method: "GET" | "POST";
  path: string;
  handler: (body: Record<string, unknown>, path: Record<string, string>) => object | Promise<object>;
};

const MAX_BODY = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new StripeApiError(413, "invalid_request_error", "request_too_large", "Request body too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The HTTP front: Stripe's API under /v1, hosted pages, and the /_emulator control endpoints. */
export function createRequestListener(ctx: EmulatorContext, api: ApiRoute[], pages: PageRoute[], control: ControlRoute[]) {
  const apiRouter = createRouter(api);
  const pageRouter = createRouter(pages);
  const controlRouter = createRouter(control);

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    const requestId = newId("req", 14);
    const method = req.method ?? "GET";
    const auth = req.headers.authorization ?? "";
    if (!/^Bearer \S+$/.test(auth)) {
      const error = new StripeApiError(401, "invalid_request_error", undefined, "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
      return send(res, 401, json(error.toBody()), { "request-id": requestId });
    }
    if (ctx.state.apiOutage) {
      // As Stripe answers when it is down. Retrying would only slow a test of the caller's recovery.
      const error = new StripeApiError(500, "api_error", undefined, "The Stripe emulator is simulating an outage (POST /_emulator/api/outage). Try again later.");
      return send(res, 500, json(error.toBody()), { "request-id": requestId, "stripe-should-retry": "false" });
    }
    const key = method === "POST" ? req.headers["idempotency-key"] : undefined;
    const idempotencyKey = typeof key === "string" && key ? key : null;
    const storeKey = idempotencyKey ? `${auth}\n${idempotencyKey}` : null;
    const digest = createHash("sha256").update(`${method} ${url.pathname}\n${body}`).digest("hex");
    if (storeKey) {
      const stored = ctx.state.idempotency.get(storeKey);
      if (stored && stored.requestDigest !== digest) {
        const error = new StripeApiError(400, "idempotency_error", "idempotency_key_in_use", `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`);
        return send(res, 400, json(error.toBody()), { "request-id": requestId });
      }
      if (stored) return send(res, stored.status, stored.body, { "request-id": requestId, "idempotent-replayed": "true", ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) });
    }
    let status = 200;
    let text: string;
    const found = apiRouter.match(method, url.pathname);
    try {
      if (!("route" in found)) {
        throw new StripeApiError(404, "invalid_request_error", "resource_missing", `Unrecognized request URL (${method}: ${url.pathname}).`);
      }
      const params = { ...parseFormBody(url.search.slice(1)), ...(method === "POST" ? parseFormBody(body) : {}) };
      ctx.currentRequest = { id: requestId, idempotency_key: idempotencyKey };
      const result = found.route.handler(ctx, { params, path: found.path });
      text = json(expandResponse(ctx.state, result, expandPaths(params)));
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      status = error.status;
      text = json(error.toBody());
    } finally {
      ctx.currentRequest = null;
    }
    // As Stripe: results are saved once the endpoint ran; validation failures are not.
    if (storeKey && (status < 400 || status === 402)) ctx.state.idempotency.set(storeKey, { requestDigest: digest, status, body: text });
    send(res, status, text, { "request-id": requestId, ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}), "stripe-version": "2026-10-28.endive" });
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<boolean> {
    const found = pageRouter.match(req.method ?? "GET", url.pathname);
    if (!("route" in found)) return false;
    const result = found.route.handler(ctx, { form: new URLSearchParams(req.method === "POST" ? body : ""), query: url.searchParams, path: found.path });
    if ("redirect" in result) {
      res.writeHead(303, { location: result.redirect, "content-length": 0 });
      res.end();
    } else {
      res.writeHead(result.status ?? 200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(result.html), "cache-control": "no-store" });
      res.end(result.html);
    }
    return true;
  }

  async function serveControl(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    const found = controlRouter.match(req.method ?? "GET", url.pathname);
    if (!("route" in found)) return send(res, 404, json({ error: { message: `Unknown control endpoint ${req.method} ${url.pathname}` } }));
    let parsed: unknown = {};
    try {
      parsed = body.trim() ? JSON.parse(body) : {};
    } catch {
      return send(res, 400, json({ error: { message: "Body must be JSON." } }));
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return send(res, 400, json({ error: { message: "Body must be a JSON object." } }));
    try {
      send(res, 200, json(await found.route.handler(parsed as Record<string, unknown>, found.path)));
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      send(res, error.status, json(error.toBody()));
    }
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://emulator");
    readBody(req)
      .then(async (body) => {
        if (url.pathname.startsWith("/v1/")) return serveApi(req, res, url, body);
        if (url.pathname.startsWith("/_emulator/")) return serveControl(req, res, url, body);
        if (await servePage(req, res, url, body)) return;
        send(res, 404, json({ error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } }));
      })
      .catch((error: unknown) => {
        const status = error instanceof StripeApiError ? error.status : 500;
        const message = error instanceof Error ? error.message : String(error);
        if (status === 500) console.error("[stripe-emulator]", error);
        if (!res.headersSent) send(res, status, json({ error: { type: "api_error", message } }), { "stripe-should-retry": "false" });
        else res.end();
      });
  };
}
