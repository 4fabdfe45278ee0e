// (e) POST /api/v1/usage/batch over HTTP against `next start`: events/s (every event applied, each
// batch checked) and p50/p99 per batch, 100 and 500 events per request, over the spread wallets.
// A platform key names a random wallet per event, so a batch locks up to its size in wallets (in
// one global order) — the hard case; a workspace key's batch (one wallet) is the easy one, for
// contrast.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { generateApiKey } from "@/lib/auth/api-key";
import { httpRequest } from "./http-client";
import { runLoad, type Measurement } from "./stats";

async function createPlatformKey(url: string): Promise<string> {
  const { key, prefix, keyHash } = generateApiKey("PLATFORM");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`INSERT INTO api_keys (kind, name, prefix, key_hash) VALUES ('PLATFORM', 'bench', $1, $2)`, [prefix, keyHash]);
  await client.end();
  return key;
}

type BatchOptions = { baseUrl: string; clients: number; seconds: number; warmupSeconds: number };

/** One batch request; throws unless every event was applied. Returns the number of events. */
async function sendBatch(baseUrl: string, apiKey: string, events: object[]): Promise<void> {
  const { status, text } = await httpRequest(`${baseUrl}/api/v1/usage/batch`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
  // A substring check, not a parse: the client must stay cheap next to the server it measures.
  if (status !== 200 || text.includes('"status":"rejected"')) throw new Error(`HTTP ${status}: ${text.slice(0, 300)}`);
}

/** A batch measurement with ops counted in events (latencies stay per batch). */
async function measureBatch(name: string, size: number, options: BatchOptions, events: () => object[], apiKey: (client: number) => string): Promise<Measurement> {
  const op = (client: number) => sendBatch(options.baseUrl, apiKey(client), events());
  await runLoad(`${name} (warm-up)`, options.clients, options.warmupSeconds, op);
  const m = await runLoad(name, options.clients, options.seconds, op);
  return { ...m, ops: m.ops * size };
}

export async function measureBatches(url: string, workspaceIds: string[], workspaceKeys: string[], options: BatchOptions): Promise<Measurement[]> {
  const platformKey = await createPlatformKey(url);
  const pick = () => Math.floor(Math.random() * workspaceIds.length);
  const spread = (size: number) => () =>
    Array.from({ length: size }, () => ({ id: randomUUID(), service: "bench.call", quantity: 1, workspaceId: workspaceIds[pick()] }));
  const rows: Measurement[] = [];
  for (const size of [100, 500]) {
    rows.push(await measureBatch(`(e) POST /api/v1/usage/batch, ${size} events, platform key, random wallets (events/s; p per batch)`, size, options, spread(size), () => platformKey));
  }
  // Latency per batch is mostly queueing (events in flight ÷ events/s): the same load from fewer
  // clients shows what a batch costs when it is not waiting behind fifteen others.
  for (const clients of [4, 8]) {
    const name = `(e) POST /api/v1/usage/batch, 100 events, platform key, random wallets, ${clients} clients`;
    rows.push(await measureBatch(name, 100, { ...options, clients }, spread(100), () => platformKey));
  }
  const oneWallet = () => Array.from({ length: 100 }, () => ({ id: randomUUID(), service: "bench.call", quantity: 1 }));
  rows.push(await measureBatch("(e) POST /api/v1/usage/batch, 100 events, workspace key, one random wallet per batch", 100, options, oneWallet, () => workspaceKeys[pick()]!));
  return rows;
}
