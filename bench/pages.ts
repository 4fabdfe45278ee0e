// The customer pages against a workspace with 1,000,000 ledger entries (issue #14: the overview
// and the transactions page under 300 ms of server time). In a database of its own:
// (p1) the overview's services as the page calls them, 30 and 90 days; (p2) the usage page's;
// (p3) the ledger listing the transactions page uses, first page and filtered pages; (p4) the
// pages over HTTP against `next start` (when a production build exists), one request at a time,
// so each latency is the server's time for the page plus a loopback round trip; /settings, a
// signed-in page with no data of its own, is the floor they stand on.
//
// Alone: scripts/node24.sh tsx --conditions=react-server bench/pages.ts (build first for p4).
// From bench/run.ts: measurePages().
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { encode } from "next-auth/jwt";
import { createDbClient } from "@/lib/db/client";
import { integrityReport } from "@/services/credits/integrity-report";
import { listLedger } from "@/services/credits/list-ledger";
import { getOverview } from "@/services/insights/get-overview";
import { getUsageReport } from "@/services/insights/get-usage-report";
import { migrate, recreateDatabase, withClient, withDatabase } from "./database";
import { closeHttpClients, httpRequest } from "./http-client";
import { startServer, stopServer } from "./http-server";
import { findPagesWorkspace, seedPagesWorkspace } from "./pages-seed";
import { percentile } from "./stats";

const BENCH_NEXTAUTH_SECRET = "bench-secret-bench-secret-bench-secret-42"; // what bench/http-server.ts starts next with
const TARGET_MS = 300;
// A fresh `next start` compiles each route's code on its first requests: not what a customer waits for.
const HTTP_WARMUPS = 10;

export type PagesOptions = { serverUrl?: string; database?: string; port?: number; requests?: number };
type Row = { name: string; samples: number[] };

async function timed(name: string, requests: number, op: () => Promise<unknown>, warmups = 1): Promise<Row> {
  for (let i = 0; i < warmups; i++) await op(); // warm: plans cached, rollup filled, connections open, code compiled
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    await op();
    samples.push(performance.now() - t0);
  }
  return { name, samples };
}

function printRows(rows: Row[]) {
  const header = ["what", "n", "p50 ms", "p95 ms", "p99 ms", `< ${TARGET_MS} ms at p95`];
  const body = rows.map(({ name, samples }) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p));
    return [name, String(samples.length), p50!.toFixed(1), p95!.toFixed(1), p99!.toFixed(1), p95! < TARGET_MS ? "yes" : "NO"];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`);
  for (const r of body) console.log(line(r));
}

/** A session cookie for the seeded user, as next-auth sets it for `next start` in the bench. */
async function sessionCookie(url: string, userId: string): Promise<string> {
  const sid = await withClient(url, async (c) => {
    const { rows } = await c.query<{ id: string }>(`INSERT INTO sessions (user_id, expires_at, user_agent) VALUES ($1, now() + interval '1 day', 'bench') RETURNING id`, [userId]);
    return rows[0]!.id;
  });
  return `next-auth.session-token=${await encode({ token: { sub: userId, sid }, secret: BENCH_NEXTAUTH_SECRET })}`;
}

/** Seeds the 1,000,000-entry workspace, measures the pages' services and the pages, prints a table. */
export async function measurePages(options: PagesOptions = {}): Promise<void> {
  const serverUrl = options.serverUrl ?? process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const database = options.database ?? process.env.BENCH_PAGES_DATABASE ?? "streamline_bench_pages";
  const port = options.port ?? Number(process.env.BENCH_PAGES_PORT ?? 3298);
  const requests = options.requests ?? Number(process.env.BENCH_PAGES_REQUESTS ?? 50);

  // BENCH_PAGES_REUSE=1 measures again on the database a previous run seeded (a minute saved per try).
  const reuse = process.env.BENCH_PAGES_REUSE === "1";
  const url = reuse ? withDatabase(serverUrl, database) : await recreateDatabase(serverUrl, database);
  if (!reuse) await migrate(url);
  const seeded = reuse ? await findPagesWorkspace(url) : await seedPagesWorkspace(url);
  const notes = [
    reuse
      ? `(p) reused the seeded database ${database} (${seeded.entries.toLocaleString()} entries)`
      : `(p) seeded ${seeded.entries.toLocaleString()} ledger entries in one workspace in ${seeded.seedSeconds.toFixed(1)} s (database ${database})`,
  ];
  const client = createDbClient({ kind: "postgres", url, poolSize: 8 });
  const db = client.prisma;
  const rows: Row[] = [];
  let server: ChildProcess | null = null;
  try {
    const integrity = await integrityReport(db);
    if (integrity.mismatches.length) throw new Error(`Seeded ledger breaks its invariants: ${JSON.stringify(integrity.mismatches)}`);
    notes.push(`(p) integrity report on the seeded database: ${integrity.walletsChecked} wallet, no mismatch`);
    const ws = seeded.workspaceId;
    // The first view of a workspace fills the daily rollup for the days it shows (180 for the usage page at 90 days).
    const cold = performance.now();
    await getUsageReport(db, ws, 90);
    notes.push(`(p) first usage-page read, rolling up 180 days of usage: ${(performance.now() - cold).toFixed(0)} ms (once per workspace; then one day a day)`);

    rows.push(await timed("(p1) overview services, 30 days", requests, () => getOverview(db, ws, 30)));
    rows.push(await timed("(p1) overview services, 90 days", requests, () => getOverview(db, ws, 90)));
    rows.push(await timed("(p2) usage page services, 30 days", requests, () => getUsageReport(db, ws, 30)));
    rows.push(await timed("(p2) usage page services, 90 days", requests, () => getUsageReport(db, ws, 90)));
    const first = await listLedger(db, ws, { limit: 50 });
    rows.push(await timed("(p3) listLedger, first page of 50", requests, () => listLedger(db, ws, { limit: 50 })));
    rows.push(await timed("(p3) listLedger, second page (cursor)", requests, () => listLedger(db, ws, { limit: 50, cursor: first.nextCursor ?? undefined })));
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    rows.push(await timed("(p3) listLedger, USAGE in the last 7 days", requests, () => listLedger(db, ws, { limit: 50, type: ["USAGE"], from: weekAgo })));
    // The hard case for one (workspace, createdAt) index: a type that matches 1 entry in 1,000,000.
    rows.push(await timed("(p3) listLedger, type PURCHASE (1 match)", Math.min(requests, 10), () => listLedger(db, ws, { limit: 50, type: ["PURCHASE"] })));

    if (existsSync(".next/BUILD_ID")) {
      server = await startServer(url, port);
      const cookie = await sessionCookie(url, seeded.userId);
      // /settings reads no data beyond the shell's: the floor a signed-in page costs here, for context.
      for (const path of ["/settings", "/dashboard", "/dashboard?range=90", "/usage", "/usage?range=90"]) {
        rows.push(
          await timed(`(p4) GET ${path} over HTTP`, requests, async () => {
            const response = await httpRequest(`http://localhost:${port}${path}`, { headers: { cookie } });
            if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
          }, HTTP_WARMUPS),
        );
      }
    } else {
      notes.push("(p4) skipped: no production build (run `npm run build` first)");
    }
  } finally {
    if (server) stopServer(server);
    await closeHttpClients();
    await client.close();
  }
  console.log("");
  printRows(rows);
  console.log("");
  for (const note of notes) console.log(note);
}

const isRunAsScript = import.meta.url === pathToFileURL(process.argv[1] ?? "").href;
if (isRunAsScript) await measurePages();
