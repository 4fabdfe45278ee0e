// One workspace with 1,000,000 ledger entries, for the page benchmark (bench/pages.ts).
//
// How it stays honest: the credits go in through the ledger's own function (credits_grant), so
// the lots are made as the app makes them; the usage history is one set-based INSERT of USAGE
// entries (no trigger forbids inserts — the ledger is append-only, not insert-guarded), each with
// the balance chain the functions would have written (a running sum), drawn from the one
// never-expiring lot, as bench/database.ts does for its history. The wallet and the lot are then
// moved by the total. bench/pages.ts then runs the integrity report (services/credits/
// integrity-report.ts) and refuses to measure unless it finds the wallet consistent.
import pg from "pg";
import { withClient } from "./database";

export const PAGE_BENCH_ENTRIES = 1_000_000;
const HISTORY_DAYS = 365;
const FUNDING_CREDITS = 10_000_000;

// The demo catalog's services and plans (tests/fixtures/catalog.ts), so insights have real prices.
const SERVICES = [
  ["workflow.run", "Workflow run", 1],
  ["ai.completion", "AI completion", 5],
  ["email.send", "Email send", 1],
  ["web.scrape", "Web scrape", 2],
] as const;

export type PageBenchWorkspace = { workspaceId: string; userId: string; entries: number; seedSeconds: number };

async function createCatalog(c: pg.Client) {
  for (const [key, name, cost] of SERVICES) {
    await c.query(`INSERT INTO services (key, name, unit_cost_credits, updated_at) VALUES ($1, $2, $3, now()) ON CONFLICT (key) DO NOTHING`, [key, name, cost]);
  }
  await c.query(`
    INSERT INTO credit_packages (slug, name, interval, price_cents, credits, sort_order, updated_at) VALUES
      ('starter-monthly', 'Starter', 'MONTH', 1999, 200, 1, now()), ('growth-monthly', 'Growth', 'MONTH', 4999, 550, 2, now()),
      ('scale-monthly', 'Scale', 'MONTH', 9999, 1200, 3, now()), ('pack-100', '100 credits', 'ONE_TIME', 1000, 100, 4, now()),
      ('pack-500', '500 credits', 'ONE_TIME', 5000, 500, 5, now())
    ON CONFLICT (slug) DO NOTHING`);
}

/** Seeds the workspace into a migrated database and returns its ids. */
export async function seedPagesWorkspace(url: string): Promise<PageBenchWorkspace> {
  const started = performance.now();
  return withClient(url, async (c) => {
    await createCatalog(c);
    const { rows: users } = await c.query<{ id: string }>(
      `INSERT INTO users (email, name, updated_at) VALUES ('bench-pages@example.test', 'Bench Pages', now()) RETURNING id`,
    );
    const userId = users[0]!.id;
    const { rows: workspaces } = await c.query<{ id: string }>(
      `INSERT INTO workspaces (name, slug, is_personal, updated_at) VALUES ('Bench pages', 'bench-pages', true, now()) RETURNING id`,
    );
    const workspaceId = workspaces[0]!.id;
    await c.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [workspaceId, userId]);
    await c.query(`INSERT INTO wallets (workspace_id, updated_at) VALUES ($1, now())`, [workspaceId]);
    await c.query(
      `SELECT credits_grant($1, 'PURCHASE', $2, NULL, 'bench:pages:fund', 'fund', 'SYSTEM', NULL, NULL, NULL, 'Bench funding', now() - make_interval(days => $3))`,
      [workspaceId, FUNDING_CREDITS, HISTORY_DAYS + 1],
    );
    // Everything but the funding and the plan grant below: USAGE spread evenly over the year, the
    // four services in turn, 1–3 units each, with the balance chain the ledger functions write.
    const usageEntries = PAGE_BENCH_ENTRIES - 2;
    const usage = await c.query(
      `WITH catalog AS (
         SELECT array_agg(id ORDER BY key) AS ids, array_agg(unit_cost_credits ORDER BY key) AS costs FROM services
         WHERE key IN ('workflow.run', 'ai.completion', 'email.send', 'web.scrape')),
       calls AS (SELECT n, 1 + n % 4 AS svc, 1 + n % 3 AS qty FROM generate_series(1, $2::integer) n)
       INSERT INTO ledger_entries (wallet_id, workspace_id, type, amount, balance_after, idempotency_key, request_hash, actor_type, service_id, quantity, created_at)
       SELECT w.id, w.workspace_id, 'USAGE', -(catalog.costs[svc] * qty), w.balance - sum(catalog.costs[svc] * qty) OVER (ORDER BY n),
              'bench:pages:usage:' || n, 'h', 'API_KEY', catalog.ids[svc], qty,
              now() - make_interval(days => $3) + (n::double precision / $2) * make_interval(days => $3)
       FROM calls CROSS JOIN catalog CROSS JOIN wallets w WHERE w.workspace_id = $1
       ORDER BY n`,
      [workspaceId, usageEntries, HISTORY_DAYS],
    );
    if (usage.rowCount !== usageEntries) throw new Error(`Seeded ${usage.rowCount} usage entries, expected ${usageEntries}`);
    await c.query(
      `WITH spent AS (SELECT -sum(amount)::integer AS credits FROM ledger_entries WHERE workspace_id = $1 AND type = 'USAGE'),
       lot AS (UPDATE credit_grants g SET remaining = g.remaining - spent.credits FROM spent WHERE g.workspace_id = $1 RETURNING g.id)
       UPDATE wallets w SET balance = w.balance - spent.credits FROM spent WHERE w.workspace_id = $1`,
      [workspaceId],
    );
    // This period's plan credits, granted now and expiring in five days, and the plan behind them.
    await c.query(
      `SELECT credits_grant($1, 'SUBSCRIPTION_GRANT', 1200, now() + interval '5 days', 'bench:pages:plan', 'plan', 'STRIPE', NULL, NULL, NULL, 'Monthly plan credits', now())`,
      [workspaceId],
    );
    await c.query(
      `INSERT INTO subscriptions (workspace_id, package_id, stripe_subscription_id, stripe_price_id, status, current_period_start, current_period_end, updated_at)
       SELECT $1, p.id, 'sub_bench_pages', 'price_bench_pages', 'ACTIVE', now() - interval '25 days', now() + interval '5 days', now()
       FROM credit_packages p WHERE p.slug = 'scale-monthly'`,
      [workspaceId],
    );
    await c.query("VACUUM ANALYZE ledger_entries");
    await c.query("ANALYZE");
    const { rows: count } = await c.query<{ entries: string }>(`SELECT count(*) AS entries FROM ledger_entries WHERE workspace_id = $1`, [workspaceId]);
    return { workspaceId, userId, entries: Number(count[0]!.entries), seedSeconds: (performance.now() - started) / 1000 };
  });
}

/** The workspace a previous seed made, for measuring again without seeding. */
export async function findPagesWorkspace(url: string): Promise<PageBenchWorkspace> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ workspaceId: string; userId: string; entries: string }>(
      `SELECT w.id AS "workspaceId", m.user_id AS "userId", (SELECT count(*) FROM ledger_entries e WHERE e.workspace_id = w.id) AS entries
       FROM workspaces w JOIN memberships m ON m.workspace_id = w.id WHERE w.slug = 'bench-pages'`,
    );
    if (!rows[0]) throw new Error("No seeded workspace to reuse: run once without BENCH_PAGES_REUSE");
    return { workspaceId: rows[0].workspaceId, userId: rows[0].userId, entries: Number(rows[0].entries), seedSeconds: 0 };
  });
}
