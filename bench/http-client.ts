// The load generator's HTTP client. `fetch` builds WHATWG Request, Headers and Response objects
// and streams around every call: against a constant-answer server here it drove a fifth to a
// quarter of the requests per second that undici's Pool does, and on two cores the generator's
// CPU is taken from the server it measures. Pool keeps its connections alive and hands back the
// status and body; the bench's row (g) shows in each run how far above the other rows it reaches.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { Pool } from "undici";

export type HttpResponse = { status: number; text: string };
export type HttpRequest = { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };

// Opened as needed: a run uses at most one per concurrent client.
const MAX_CONNECTIONS = 256;
const pools = new Map<string, Pool>();

/** One request on a kept-alive connection to the URL's origin; the body is read whole. */
export async function httpRequest(url: string, request: HttpRequest = {}): Promise<HttpResponse> {
  const { origin, pathname, search } = new URL(url);
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: MAX_CONNECTIONS })));
  const response = await pool.request({ method: request.method ?? "GET", path: pathname + search, headers: request.headers, body: request.body });
  return { status: response.statusCode, text: await response.body.text() };
}

export async function closeHttpClients(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.close()));
  pools.clear();
}

// The cheapest server there is: a constant answer the size of a usage response, in a process of
// its own, as `next start` runs in its own.
const CONSTANT_SERVER = `
const body = JSON.stringify({ entryId: "00000000-0000-4000-8000-000000000000", amount: -1, balance: 99999999, createdAt: new Date().toISOString() });
require("node:http").createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body));
}).listen(0, "127.0.0.1", function () { console.log(this.address().port); });
`;

/** A constant-answer HTTP server in a child process, for measuring the load generator itself. */
export async function startConstantServer(): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, ["-e", CONSTANT_SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}`, stop: () => child.kill() };
}
