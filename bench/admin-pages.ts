// The admin pages at scale (issue 15: under 500 ms server time with 1,000,000 ledger entries and
// 10,000 workspaces). Seeds a database of its own (bench/admin-seed.ts), then measures, ~30 runs
// each, the services the pages call — the finance report for each range and the customer list
// (first page, and a search) — and, when a production build exists, the pages over HTTP with an
// admin session. Also prices the one thing the finance work adds to the write path, the BRIN
// index on ledger_entries.created_at: the consume function under pgbench with and without it.
//
//   scripts/node24.sh tsx --conditions=react-server bench/admin-pages.ts
//
// BENCH_DATABASE_URL (server), BENCH_ADMIN_DATABASE (default streamline_bench_admin),
// BENCH_ADMIN_PORT (default 3298), BENCH_ADMIN_HTTP=0 to skip HTTP, BENCH_ADMIN_PGBENCH=0 to skip pgbench.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { encode } from "next-auth/jwt";
import { createDbClient } from "@/lib/db/client";
import { listWorkspaces } from "@/services/admin/list-workspaces";
import { financeReport } from "@/services/finance/finance-report";
import { rollUpLedger } from "@/services/finance/roll-up-ledger";
import { adminWorkspaceListQuery } from "@/types/workspace";
import { FINANCE_RANGES } from "@/types/finance";
import { seedAdminData } from "./admin-seed";
import { migrate, recreateDatabase, withClient } from "./database";
import { startServer, stopServer } from "./http-server";
import { percentile } from "./stats";

const RUNS = Number(process.env.BENCH_ADMIN_RUNS ?? 30);
const WARMUP = 3;
const TARGET_MS = 500;
const SECRET = "bench-secret-bench-secret-bench-secret-42";

type Row = { name: string; p50: number; p95: number; p99: number; max: number };

async function time(name: string, fn: () => Promise<unknown>): Promise<Row> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max: samples.at(-1)! };
}

function printRows(rows: Row[]) {
  const header = ["what", "p50 ms", "p95 ms", "p99 ms", "max ms", `p99 < ${TARGET_MS}`];
  const body = rows.map((r) => [r.name, r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), r.p99 < TARGET_MS ? "yes" : "NO"]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`);
  for (const row of body) console.log(line(row));
}

/** pgbench running `sql` (a custom script) for `seconds`: transactions per second and mean latency. */
function pgbenchScript(url: string, sql: string, clients: number, seconds: number): { tps: number; latencyMs: number } {
  const dir = mkdtempSync(path.join(tmpdir(), "pgbench-admin-"));
  const script = path.join(dir, "tx.sql");
  writeFileSync(script, sql);
  const parsed = new URL(url);
  const env = { ...process.env, PGHOST: parsed.hostname, PGPORT: parsed.port || "5432", PGUSER: decodeURIComponent(parsed.username) || "postgres", PGPASSWORD: decodeURIComponent(parsed.password), PGDATABASE: parsed.pathname.slice(1) };
  try {
    const output = execFileSync("pgbench", ["-n", "-M", "prepared", "-c", String(clients), "-j", "2", "-T", String(seconds), "-f", script], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { tps: Number(/tps = ([\d.]+)/.exec(output)?.[1]), latencyMs: Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The consume function on 2,000 funded wallets, 16 clients: with the BRIN index, without, with again. */
async function measureConsumeCost(url: string): Promise<string[]> {
  await withClient(url, async (c) => {
    await c.query(`CREATE TABLE bench_spenders AS SELECT row_number() OVER (ORDER BY workspace_id)::int AS n, workspace_id FROM wallets LIMIT 2000`);
    await c.query(`SELECT credits_grant(workspace_id, 'ADMIN_ADJUSTMENT', 100000000, NULL, 'bench:spend-fund', 'fund', 'SYSTEM', NULL, NULL, NULL, NULL, now()) FROM bench_spenders`);
    await c.query("ANALYZE");
  });
  const sql = `\\set n random(1, 2000)
SELECT credits_consume((SELECT workspace_id FROM bench_spenders WHERE n = :n), 'bench.call', 1, gen_random_uuid()::text, 'h', 'API_KEY', NULL, NULL, NULL, now());
`;
  const index = `CREATE INDEX "ledger_entries_created_at_idx" ON "ledger_entries" USING BRIN ("created_at")`;
  const runs: [string, { tps: number; latencyMs: number }][] = [];
  pgbenchScript(url, sql, 16, 3);
  runs.push(["with BRIN", pgbenchScript(url, sql, 16, 10)]);
  await withClient(url, (c) => c.query(`DROP INDEX "ledger_entries_created_at_idx"`));
  runs.push(["without", pgbenchScript(url, sql, 16, 10)]);
  await withClient(url, (c) => c.query(index));
  runs.push(["with BRIN again", pgbenchScript(url, sql, 16, 10)]);
  return runs.map(([label, r]) => `credits_consume, 16 clients, 2,000 wallets, ${label}: ${r.tps.toFixed(0)} tx/s, ${r.latencyMs.toFixed(2)} ms mean`);
}

async function adminCookie(url: string): Promise<string> {
  const { userId, sid } = await withClient(url, async (c) => {
    const user = await c.query<{ id: string }>(`INSERT INTO users (email, name, role, updated_at) VALUES ('admin@bench.test', 'Bench admin', 'ADMIN', now()) RETURNING id`);
    const session = await c.query<{ id: string }>(`INSERT INTO sessions (user_id, expires_at) VALUES ($1, now() + interval '1 day') RETURNING id`, [user.rows[0]!.id]);
    return { userId: user.rows[0]!.id, sid: session.rows[0]!.id };
  });
  return `next-auth.session-token=${await encode({ token: { sub: userId, sid }, secret: SECRET })}`;
}

async function measureHttp(url: string, port: number): Promise<Row[]> {
  const cookie = await adminCookie(url);
  const server = await startServer(url, port, { NEXTAUTH_SECRET: SECRET });
  const page = (pathname: string, expect: string) => async () => {
    const response = await fetch(`http://localhost:${port}${pathname}`, { headers: { cookie } });
    const html = await response.text();
    if (response.status !== 200 || !html.includes(expect)) throw new Error(`${pathname}: HTTP ${response.status}, no "${expect}"`);
  };
  try {
    const rows: Row[] = [];
    for (const days of FINANCE_RANGES) rows.push(await time(`HTTP GET /admin/finance?days=${days}`, page(`/admin/finance?days=${days}`, "Net revenue")));
    rows.push(await time("HTTP GET /admin/customers", page("/admin/customers", "Customer ")));
    rows.push(await time("HTTP GET /admin/customers?search=owner4242", page("/admin/customers?search=owner4242", "Customer 4242")));
    rows.push(await time("HTTP GET /admin (overview)", page("/admin", "Net revenue, 30 days")));
    return rows;
  } finally {
    stopServer(server);
  }
}

export async function measureAdminPages(options: { serverUrl?: string } = {}) {
  const serverUrl = options.serverUrl ?? process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const url = await recreateDatabase(serverUrl, process.env.BENCH_ADMIN_DATABASE ?? "streamline_bench_admin");
  await migrate(url);
  const now = new Date();
  const seed = await withClient(url, (c) => seedAdminData(c, now));
  console.log(`\nAdmin pages: seeded ${seed.workspaces.toLocaleString()} workspaces, ${seed.entries.toLocaleString()} ledger entries, ${seed.lots.toLocaleString()} lots, ${seed.payments.toLocaleString()} payments in ${seed.seconds.toFixed(1)} s`);

  const db = createDbClient({ kind: "postgres", url, poolSize: 4 });
  const notes: string[] = [];
  const rows: Row[] = [];
  try {
    const t0 = performance.now();
    await rollUpLedger(db.prisma, new Date());
    notes.push(`first ledger rollup (one-off, every day before today): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const days of FINANCE_RANGES) rows.push(await time(`financeReport, ${days} days`, () => financeReport(db.prisma, days)));
    rows.push(await time("listWorkspaces, first page", () => listWorkspaces(db.prisma, adminWorkspaceListQuery.parse({ limit: 25 }))));
    rows.push(await time("listWorkspaces, search \"owner4242\"", () => listWorkspaces(db.prisma, adminWorkspaceListQuery.parse({ search: "owner4242", limit: 25 }))));
    rows.push(await time("listWorkspaces, search \"customer 99\"", () => listWorkspaces(db.prisma, adminWorkspaceListQuery.parse({ search: "customer 99", limit: 25 }))));
  } finally {
    await db.close();
  }
  if (process.env.BENCH_ADMIN_HTTP !== "0") {
    if (existsSync(".next/BUILD_ID")) rows.push(...(await measureHttp(url, Number(process.env.BENCH_ADMIN_PORT ?? 3298))));
    else notes.push("HTTP: skipped, no production build (npm run build)");
  }
  if (process.env.BENCH_ADMIN_PGBENCH !== "0") notes.push(...(await measureConsumeCost(url)));
  printRows(rows);
  for (const note of notes) console.log(note);
  return { seed, rows, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await measureAdminPages();
