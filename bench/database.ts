// A throwaway PostgreSQL database for the benchmark: migrated, with 10,000 funded wallets and
// realistic history (DESIGN.md §8: plans made against empty tables lie).
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

export const SPREAD_WALLETS = 10_000;
const HISTORY_PER_WALLET = 20;
const HOLD_HISTORY_PER_WALLET = 2;

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs `fn` on a connection of its own, closed afterwards. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  return withDatabase(serverUrl, name);
}

export async function migrate(url: string) {
  const dirs = readdirSync("prisma/migrations", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  await withClient(url, async (c) => {
    for (const dir of dirs) await c.query(readFileSync(`prisma/migrations/${dir}/migration.sql`, "utf8"));
  });
}

/** Workspaces 1..N with a wallet, a large lot, HISTORY_PER_WALLET usage entries and HOLD_HISTORY_PER_WALLET released holds each. */
export async function seedWallets(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    await c.query(`INSERT INTO services (key, name, unit_cost_credits, updated_at) VALUES ('bench.call', 'Bench call', 1, now())`);
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO workspaces (name, slug, updated_at) SELECT 'bench ' || i, 'bench-' || i, now() FROM generate_series(1, $1) i RETURNING id`,
      [SPREAD_WALLETS],
    );
    await c.query(`INSERT INTO wallets (workspace_id, updated_at) SELECT id, now() FROM workspaces`);
    await c.query(`
      SELECT credits_grant(w.workspace_id, 'PURCHASE', 100000000, NULL, 'bench:fund', 'fund', 'SYSTEM', NULL, NULL, NULL, NULL, now() - interval '30 days')
      FROM wallets w`);
    // History: usage entries with a consistent balance chain, drawn from each wallet's lot.
    await c.query(`
      INSERT INTO ledger_entries (wallet_id, workspace_id, type, amount, balance_after, idempotency_key, request_hash, actor_type, service_id, quantity, created_at)
      SELECT w.id, w.workspace_id, 'USAGE', -1, 100000000 - n, 'bench:history:' || n, 'h', 'API_KEY', s.id, 1, now() - interval '29 days' + n * interval '1 hour'
      FROM wallets w CROSS JOIN generate_series(1, $1) n CROSS JOIN services s`,
      [HISTORY_PER_WALLET],
    );
    await c.query(`UPDATE wallets SET balance = balance - $1`, [HISTORY_PER_WALLET]);
    await c.query(`UPDATE credit_grants SET remaining = remaining - $1`, [HISTORY_PER_WALLET]);
    // Hold history too (released holds and their spent pins), so the hold tables' statistics are
    // those of a system in use.
    await c.query(`
      WITH made AS (
        INSERT INTO credit_holds (wallet_id, workspace_id, service_id, unit_cost_credits, quantity, credits, held, status, expires_at,
          idempotency_key, request_hash, actor_type, end_key, end_hash, created_at, ended_at)
        SELECT w.id, w.workspace_id, s.id, 1, 1, 1, 0, 'RELEASED', now() - interval '28 days', 'bench:hold:' || n, 'h', 'API_KEY',
          'bench:release:' || n, 'h', now() - interval '29 days', now() - interval '29 days'
        FROM wallets w CROSS JOIN generate_series(1, $1) n CROSS JOIN services s
        RETURNING id, wallet_id)
      INSERT INTO credit_hold_lots (hold_id, grant_id, credits) SELECT made.id, g.id, 0 FROM made JOIN credit_grants g ON g.wallet_id = made.wallet_id`,
      [HOLD_HISTORY_PER_WALLET],
    );
    await c.query("ANALYZE");
    return rows.map((row) => row.id);
  });
}
