// npm run bench — the consume path against the database's own limit, measured in one run.
// (a) pgbench: UPDATE one row + INSERT one row per transaction; (b) consumeCredits through
// Prisma; (b2) the same through group commit; (c) POST /api/v1/usage over HTTP against
// `next start`. One hot wallet, and 10,000.
// (d) Stripe `invoice.paid` webhook deliveries over HTTP (bench/webhook.ts).
// (e) POST /api/v1/usage/batch over HTTP, against the spread limit (bench/batch.ts).
// (g) the load generator's own ceiling: the same client and clients against a constant answer.
// (h) credit holds: reserve + settle pairs against the spread limit, alone and (h2) through group
// commit (bench/holds.ts).
// (i) the admin pages at scale, in a database of their own (bench/admin-pages.ts).
// (p) the customer pages on one workspace with 1,000,000 ledger entries (bench/pages.ts).
// Disputes: opening and deciding them (bench/disputes.ts).
// BENCH_ONLY=holds runs only the spread limit (a) and the holds rows (h): no HTTP server, no pages.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { generateApiKey } from "@/lib/auth/api-key";
import { createDbClient } from "@/lib/db/client";
import { consumeCredits } from "@/services/credits/consume-credits";
import { createConsumeGroup } from "@/services/credits/consume-credits-grouped";
import { measureAdminPages } from "./admin-pages";
import { measureBatches } from "./batch";
import { machineCoresDuring } from "./cpu";
import { measureDisputes } from "./disputes";
import { measureHolds } from "./holds";
import { migrate, recreateDatabase, seedWallets, SPREAD_WALLETS } from "./database";
import { closeHttpClients, httpRequest, startConstantServer } from "./http-client";
import { startServer, stopServer } from "./http-server";
import { preparePgbenchTables, runPgbench } from "./pgbench";
import { measurePages } from "./pages";
import { printTable, runLoad, summarize, type Measurement } from "./stats";
import { measureWebhooks, startStripe } from "./webhook";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
// Both overridable, so two worktrees' benches can run side by side without clobbering each other.
const PORT = Number(process.env.BENCH_PORT ?? 3299);
const DATABASE = process.env.BENCH_DATABASE ?? "streamline_bench";
const ONLY = process.env.BENCH_ONLY;
if (ONLY !== undefined && ONLY !== "holds") throw new Error(`BENCH_ONLY=${ONLY}: only "holds" is known`);

async function createApiKeys(url: string, workspaceIds: string[]): Promise<string[]> {
  const keys = workspaceIds.map(() => generateApiKey());
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO api_keys (workspace_id, name, prefix, key_hash) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
    [workspaceIds, workspaceIds.map(() => "bench"), keys.map((k) => k.prefix), keys.map((k) => k.keyHash)],
  );
  await client.end();
  return keys.map((k) => k.key);
}

async function measured(name: string, op: (client: number, i: number) => Promise<unknown>): Promise<Measurement> {
  await runLoad(`${name} (warm-up)`, CLIENTS, WARMUP_SECONDS, op);
  return runLoad(name, CLIENTS, SECONDS, op);
}

/** BENCH_ONLY=holds: the spread limit and the holds rows against it, nothing else. */
async function holdsOnly(url: string, workspaceIds: string[]) {
  const db = createDbClient({ kind: "postgres", url, poolSize: CLIENTS });
  try {
    runPgbench(url, "warm-up", SPREAD_WALLETS, CLIENTS, WARMUP_SECONDS);
    const { result: limit, cores } = machineCoresDuring(() => runPgbench(url, `(a) database limit, ${SPREAD_WALLETS.toLocaleString()} wallets`, SPREAD_WALLETS, CLIENTS, SECONDS));
    const limitOps = summarize(limit).opsPerSecond;
    const holds = await measureHolds(db.prisma, workspaceIds, { url, clients: CLIENTS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS });
    console.log("");
    printTable([limit, ...holds.measurements].map((m) => ({ name: m.name, ...summarize(m), ratio: summarize(m).opsPerSecond / limitOps, errors: m.errors })));
    console.log("");
    if (cores !== null) console.log(`(a): the machine was ${cores.toFixed(2)} cores busy (pgbench and PostgreSQL)`);
    for (const note of holds.notes) console.log(note);
  } finally {
    await db.close();
  }
}

async function main() {
  console.log(`Benchmark: ${CLIENTS} clients, ${SECONDS} s per measurement, ${SPREAD_WALLETS.toLocaleString()} wallets, PostgreSQL at ${new URL(SERVER_URL).host}`);
  const url = await recreateDatabase(SERVER_URL, DATABASE);
  await migrate(url);
  const workspaceIds = await seedWallets(url);
  await preparePgbenchTables(url, SPREAD_WALLETS);
  if (ONLY === "holds") return holdsOnly(url, workspaceIds);
  const apiKeys = await createApiKeys(url, workspaceIds);
  const scenarios = [
    { label: "one hot wallet", pick: () => 0, rows: 1 },
    { label: `${SPREAD_WALLETS.toLocaleString()} wallets`, pick: () => Math.floor(Math.random() * SPREAD_WALLETS), rows: SPREAD_WALLETS },
  ];

  const db = createDbClient({ kind: "postgres", url, poolSize: CLIENTS });
  const stripe = await startStripe(url);
  const server = await startServer(url, PORT, { STRIPE_EMULATOR_URL: stripe.emulator.url, STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" });
  const rows = [];
  let spreadLimitOps = NaN;
  const notes: string[] = [];
  try {
    // What the load generator itself can drive: (c)'s requests, answered by a constant server.
    // Far above (c0), it shows that no HTTP row below is limited by the generator.
    const constant = await startConstantServer();
    const ceiling = await measured("(g) load generator ceiling: POST to a constant node:http server", async () => {
      const response = await httpRequest(`${constant.url}/api/v1/usage`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKeys[0]}`, "content-type": "application/json", "idempotency-key": randomUUID() },
        body: JSON.stringify({ service: "bench.call", quantity: 1 }),
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    }).finally(constant.stop);
    // The framework's own ceiling here: a static route handler, no database. Context for (c).
    const floor = await measured("(c0) Next.js floor: GET a static route (/api/live)", async () => {
      const response = await httpRequest(`http://localhost:${PORT}/api/live`);
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    });
    const floorOps = summarize(floor).opsPerSecond;
    const versusFloor: string[] = [];
    notes.push(`(g) the load generator's ceiling is ${(summarize(ceiling).opsPerSecond / floorOps).toFixed(1)}× (c0) with the same client and ${CLIENTS} clients`);
    for (const scenario of scenarios) {
      runPgbench(url, "warm-up", scenario.rows, CLIENTS, WARMUP_SECONDS);
      const limit = runPgbench(url, `(a) database limit, ${scenario.label}`, scenario.rows, CLIENTS, SECONDS);
      const service = await measured(`(b) consumeCredits, ${scenario.label}`, () =>
        consumeCredits(db.prisma, {
          workspaceId: workspaceIds[scenario.pick()]!,
          serviceKey: "bench.call",
          quantity: 1,
          idempotencyKey: randomUUID(),
          actor: { type: "API_KEY" },
        }),
      );
      const group = createConsumeGroup(db.prisma);
      const grouped = await measured(`(b2) consumeCredits through group commit, ${scenario.label}`, () =>
        group.submit({
          workspaceId: workspaceIds[scenario.pick()]!,
          serviceKey: "bench.call",
          quantity: 1,
          idempotencyKey: randomUUID(),
          actor: { type: "API_KEY" },
        }),
      );
      const http = await measured(`(c) POST /api/v1/usage, ${scenario.label}`, async () => {
        const response = await httpRequest(`http://localhost:${PORT}/api/v1/usage`, {
          method: "POST",
          headers: { authorization: `Bearer ${apiKeys[scenario.pick()]}`, "content-type": "application/json", "idempotency-key": randomUUID() },
          body: JSON.stringify({ service: "bench.call", quantity: 1 }),
        });
        if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.text}`);
      });
      versusFloor.push(`${scenario.label} ${(summarize(http).opsPerSecond / floorOps).toFixed(2)}×`);
      const limitOps = summarize(limit).opsPerSecond;
      if (scenario.rows !== 1) spreadLimitOps = limitOps;
      for (const m of scenario.rows === 1 ? [limit, service, grouped, http] : [limit, service, grouped, http, floor, ceiling]) {
        const s = summarize(m);
        rows.push({ name: m.name, ...s, ratio: s.opsPerSecond / limitOps, errors: m.errors });
      }
    }
    notes.push(`(c) POST /api/v1/usage against (c0) the framework floor: ${versusFloor.join(", ")}`);
    const holds = await measureHolds(db.prisma, workspaceIds, { url, clients: CLIENTS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS });
    for (const m of holds.measurements) rows.push({ name: m.name, ...summarize(m), ratio: summarize(m).opsPerSecond / spreadLimitOps, errors: m.errors });
    notes.push(...holds.notes);
    const batchOptions = { baseUrl: `http://localhost:${PORT}`, clients: CLIENTS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS };
    for (const m of await measureBatches(url, workspaceIds, apiKeys, batchOptions)) {
      const s = summarize(m);
      rows.push({ name: m.name, ...s, ratio: s.opsPerSecond / spreadLimitOps, errors: m.errors });
    }
    for (const m of await measureWebhooks(url, `http://localhost:${PORT}`, stripe, workspaceIds, CLIENTS)) rows.push({ name: m.name, ...summarize(m), ratio: null, errors: m.errors });
  } finally {
    stopServer(server);
    await stripe.emulator.close();
    await closeHttpClients();
    await db.close();
  }
  console.log("");
  printTable(rows);
  console.log("");
  for (const note of notes) console.log(note);
  // (i) Runs after the server above has stopped: it starts its own against its own database.
  await measureAdminPages({ serverUrl: SERVER_URL });
}

await main();

if (!ONLY) {
  // The customer pages against a 1,000,000-entry workspace, in a database of their own: a table of
  // their own too (latency percentiles, not throughput).
  console.log("");
  console.log("Customer pages, one workspace with 1,000,000 ledger entries:");
  await measurePages();

  // Dispute creation and decisions, in a database of their own (bench/disputes.ts).
  console.log("");
  console.log("Disputes, 16 clients:");
  printTable((await measureDisputes()).map((m) => ({ name: m.name, ...summarize(m), ratio: null, errors: m.errors })));
}
