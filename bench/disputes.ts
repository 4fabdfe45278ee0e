// Dispute creation and decisions, p50/p99 (target: < 100 ms p99). Runnable alone:
//   tsx --conditions=react-server bench/disputes.ts
// or imported (`measureDisputes()`) by bench/run.ts. Uses its own database so it never disturbs
// the consume benchmark's: customers with usage history, then three phases, each on rows the
// previous one left: open a dispute on a fresh usage entry; start its review; refund part of it
// (a DISPUTE_REFUND reversal in the ledger, an email in the outbox).
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createDbClient } from "@/lib/db/client";
import { openDispute } from "@/services/disputes/open-dispute";
import { resolveDispute } from "@/services/disputes/resolve-dispute";
import { startReview } from "@/services/disputes/start-review";
import { migrate, recreateDatabase, withClient } from "./database";
import { printTable, summarize, type Measurement } from "./stats";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CUSTOMERS = 200;
const ENTRIES_PER_CUSTOMER = 40;

type Fixture = { adminId: string; entries: string[]; userIds: Map<string, string> };

async function seed(url: string): Promise<Fixture> {
  return withClient(url, async (c) => {
    await c.query(`INSERT INTO services (key, name, unit_cost_credits, updated_at) VALUES ('bench.call', 'Bench call', 5, now())`);
    const { rows: admins } = await c.query<{ id: string }>(`INSERT INTO users (email, name, role, updated_at) VALUES ('bench-admin@example.test', 'Bench admin', 'SENIOR_ADMIN', now()) RETURNING id`);
    await c.query(`INSERT INTO workspaces (name, slug, updated_at) SELECT 'bench ' || i, 'bench-' || i, now() FROM generate_series(1, $1) i`, [CUSTOMERS]);
    await c.query(`INSERT INTO users (email, name, updated_at) SELECT 'bench-' || i || '@example.test', 'Bench ' || i, now() FROM generate_series(1, $1) i`, [CUSTOMERS]);
    await c.query(`INSERT INTO memberships (workspace_id, user_id, role) SELECT w.id, u.id, 'OWNER' FROM workspaces w JOIN users u ON u.email = w.slug || '@example.test'`);
    await c.query(`INSERT INTO wallets (workspace_id, updated_at) SELECT id, now() FROM workspaces`);
    await c.query(`SELECT credits_grant(w.workspace_id, 'PURCHASE', 1000000, NULL, 'bench:fund', 'fund', 'SYSTEM', NULL, NULL, NULL, NULL, now() - interval '2 days') FROM wallets w`);
    const { rows } = await c.query<{ entry_id: string; user_id: string }>(
      `SELECT (credits_consume(w.workspace_id, 'bench.call', 2, 'bench:use:' || n, 'h' || n, 'API_KEY', NULL, NULL, NULL, now() - interval '1 day')).entry_id AS entry_id, m.user_id
       FROM wallets w JOIN memberships m ON m.workspace_id = w.workspace_id CROSS JOIN generate_series(1, $1) n`,
      [ENTRIES_PER_CUSTOMER],
    );
    await c.query("ANALYZE");
    return { adminId: admins[0]!.id, entries: rows.map((r) => r.entry_id), userIds: new Map(rows.map((r) => [r.entry_id, r.user_id])) };
  });
}

/** `clients` loops taking the next item of `items` until they run out or time does (each item used once). */
async function runOver(name: string, clients: number, seconds: number, items: string[], op: (item: string) => Promise<unknown>): Promise<Measurement> {
  const latenciesMs: number[] = [];
  let next = 0;
  let ops = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && next < items.length) {
        const item = items[next++]!;
        const t0 = performance.now();
        try {
          await op(item);
          ops++;
          latenciesMs.push(performance.now() - t0);
        } catch (error) {
          if (++errors <= 3) console.error(`${name}:`, error instanceof Error ? error.message : error);
        }
      }
    }),
  );
  return { name, ops, seconds: (performance.now() - started) / 1000, latenciesMs, errors };
}

/** Runs the three phases and returns one measurement each (latencies in ms). */
export async function measureDisputes(options: { clients?: number; seconds?: number; database?: string } = {}): Promise<Measurement[]> {
  const clients = options.clients ?? 16;
  const seconds = options.seconds ?? 5;
  const url = await recreateDatabase(SERVER_URL, options.database ?? "streamline_bench_disputes");
  await migrate(url);
  const fixture = await seed(url);
  const db = createDbClient({ kind: "postgres", url, poolSize: clients });
  const caller = () => ({ adminId: fixture.adminId, role: "SENIOR_ADMIN" as const, idempotencyKey: randomUUID() });
  try {
    const opened: string[] = [];
    const open = await runOver("dispute: open", clients, seconds, fixture.entries, async (entryId) => {
      const { dispute } = await openDispute(db.prisma, { ledgerEntryId: entryId, reason: "service_failed", explanation: "Benchmark dispute explanation.", userId: fixture.userIds.get(entryId)!, idempotencyKey: randomUUID() });
      opened.push(dispute.id);
    });
    const reviewed: string[] = [];
    const review = await runOver("dispute: start review", clients, seconds, opened, async (id) => {
      await startReview(db.prisma, id, {}, caller());
      reviewed.push(id);
    });
    const resolve = await runOver("dispute: partial refund", clients, seconds, reviewed, async (id) => {
      await resolveDispute(db.prisma, id, { outcome: "partial_refund", credits: 4, message: "Benchmark refund." }, caller());
    });
    return [open, review, resolve];
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await measureDisputes({ clients: Number(process.env.BENCH_CLIENTS ?? 16), seconds: Number(process.env.BENCH_SECONDS ?? 5) });
  printTable(rows.map((m) => ({ name: m.name, ...summarize(m), ratio: null, errors: m.errors })));
}
