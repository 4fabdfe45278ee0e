// Seeds the admin pages' benchmark database: 10,000 customers, a year of plan invoices and pack
// purchases with refunds, chargebacks and failures, and 1,000,000 ledger entries consistent with
// the ledger's rules (each wallet's balance = Σ its entries, every balance_after the running sum
// and never negative, each lot's remaining = granted − spent − expired − clawed back).
//
// Set-based: the history is computed in temporary tables (one row per lot, then one per entry)
// and written with one INSERT per table, in time order like the real write path leaves it. The
// ledger's secondary indexes are dropped for the bulk insert and rebuilt from their own
// definitions afterwards (a sorted build instead of a million random B-tree inserts); the
// append-only triggers, CHECKs and foreign keys stay on and check every row.
import type pg from "pg";

export const ADMIN_WORKSPACES = 10_000;
export const ADMIN_LEDGER_ENTRIES = 1_000_000;

export type SeedReport = { seconds: number; workspaces: number; entries: number; payments: number; lots: number };

const CATALOG = `
  INSERT INTO credit_packages (slug, name, interval, price_cents, credits, sort_order, stripe_price_id, updated_at) VALUES
    ('bench-pack-100', '100 credits', 'ONE_TIME', 1000, 100, 1, 'price_bench_pack_100', now()),
    ('bench-pack-500', '500 credits', 'ONE_TIME', 5000, 500, 2, 'price_bench_pack_500', now()),
    ('bench-pack-2000', '2,000 credits', 'ONE_TIME', 18000, 2000, 3, 'price_bench_pack_2000', now()),
    ('bench-starter', 'Starter', 'MONTH', 1999, 200, 4, 'price_bench_starter', now()),
    ('bench-growth', 'Growth', 'MONTH', 4999, 550, 5, 'price_bench_growth', now()),
    ('bench-scale', 'Scale', 'MONTH', 9999, 1200, 6, 'price_bench_scale', now());
  INSERT INTO credit_package_versions (package_id, version, name, price_cents, currency, credits, stripe_price_id)
    SELECT id, 1, name, price_cents, 'usd', credits, stripe_price_id FROM credit_packages;
  INSERT INTO services (key, name, unit_cost_credits, updated_at) VALUES ('bench.call', 'Bench call', 1, now());`;

// Customers signed up over the last 400 days; each has an owner, a workspace and a wallet.
const CUSTOMERS = `
  CREATE TEMP TABLE ws AS
    SELECT i AS n, gen_random_uuid() AS workspace_id, gen_random_uuid() AS wallet_id, gen_random_uuid() AS user_id,
           $1::timestamptz - (400 * random()) * interval '1 day' AS created_at
    FROM generate_series(1, $2::int) i;
  INSERT INTO users (id, email, name, created_at, updated_at) SELECT user_id, 'owner' || n || '@bench.test', 'Owner ' || n, created_at, created_at FROM ws;
  INSERT INTO workspaces (id, name, slug, created_at, updated_at) SELECT workspace_id, 'Customer ' || n, 'customer-' || n, created_at, created_at FROM ws;
  INSERT INTO memberships (workspace_id, user_id, role, created_at) SELECT workspace_id, user_id, 'OWNER', created_at FROM ws;
  INSERT INTO wallets (id, workspace_id, created_at, updated_at) SELECT wallet_id, workspace_id, created_at, created_at FROM ws;`;

// 30% subscribe to one of three plans (a tenth of those cancelled halfway, some past due).
const SUBSCRIPTIONS = `
  CREATE TEMP TABLE subs AS
    SELECT gen_random_uuid() AS id, ws.n, ws.workspace_id, ws.wallet_id, p.id AS package_id, p.stripe_price_id, p.price_cents, p.credits,
           greatest(ws.created_at, $1::timestamptz - interval '365 days') AS started,
           CASE WHEN ws.n % 10 = 0 THEN 'CANCELED' WHEN ws.n % 31 = 0 THEN 'PAST_DUE' ELSE 'ACTIVE' END AS status
    FROM ws JOIN (SELECT id, stripe_price_id, price_cents, credits, row_number() OVER (ORDER BY sort_order) - 1 AS k
                  FROM credit_packages WHERE interval = 'MONTH') p ON p.k = ws.n % 3
    WHERE ws.n % 10 < 3;
  ALTER TABLE subs ADD COLUMN periods int;
  UPDATE subs SET periods = greatest(1, ceil(extract(epoch FROM $1::timestamptz - started) / (30 * 86400))::int / CASE WHEN status = 'CANCELED' THEN 2 ELSE 1 END);
  INSERT INTO subscriptions (id, workspace_id, package_id, stripe_subscription_id, stripe_price_id, status, current_period_start,
                             current_period_end, canceled_at, ended_at, created_at, updated_at)
    SELECT id, workspace_id, package_id, 'sub_bench_' || n, stripe_price_id, status::subscription_status,
           started + (periods - 1) * interval '30 days', started + periods * interval '30 days',
           CASE WHEN status = 'CANCELED' THEN started + periods * interval '30 days' END,
           CASE WHEN status = 'CANCELED' THEN started + periods * interval '30 days' END, started, $1::timestamptz
    FROM subs;`;

// One row per lot: plan invoices, pack purchases (customer n buys n % 7 packs), promotions.
// fate: 1.5% refunded in full, 0.5% charged back (credits clawed back before any use).
const LOTS = `
  CREATE TEMP TABLE lots AS
    SELECT s.workspace_id, s.wallet_id, 'SUBSCRIPTION_GRANT'::ledger_entry_type AS type, s.package_id, s.id AS subscription_id,
           'MONTH' AS billing, s.price_cents AS amount_cents, s.credits,
           s.started + k * interval '30 days' AS at, s.started + (k + 1) * interval '30 days' AS expires_at
    FROM subs s, generate_series(0, s.periods - 1) k
    UNION ALL
    SELECT ws.workspace_id, ws.wallet_id, 'PURCHASE', p.id, NULL, 'ONE_TIME', p.price_cents, p.credits,
           ws.created_at + random() * ($1::timestamptz - interval '2 minutes' - ws.created_at), NULL
    FROM ws, generate_series(1, ws.n % 7) k,
         (SELECT id, price_cents, credits, row_number() OVER (ORDER BY sort_order) - 1 AS i FROM credit_packages WHERE interval = 'ONE_TIME') p
    WHERE p.i = (ws.n + k) % 3
    UNION ALL
    SELECT workspace_id, wallet_id, 'PROMO_BONUS', NULL, NULL, NULL, 0, 50, least(created_at + interval '1 hour', $1::timestamptz - interval '2 minutes'), NULL
    FROM ws WHERE n % 5 = 0;
  ALTER TABLE lots ADD COLUMN lot_no bigserial, ADD COLUMN grant_entry_id uuid DEFAULT gen_random_uuid(), ADD COLUMN grant_id uuid DEFAULT gen_random_uuid(),
    ADD COLUMN fate text, ADD COLUMN used int, ADD COLUMN usage_end timestamptz, ADD COLUMN k int;
  UPDATE lots SET
    fate = CASE WHEN type = 'PROMO_BONUS' THEN 'ok' WHEN lot_no % 200 < 3 THEN 'refunded' WHEN lot_no % 200 = 3 THEN 'disputed' ELSE 'ok' END,
    usage_end = least(coalesce(expires_at, $1::timestamptz), $1::timestamptz) - interval '1 minute';
  UPDATE lots SET used = CASE WHEN fate = 'ok' THEN floor(credits * (0.4 + 0.6 * random()))::int ELSE 0 END;`;

// Usage entries fill the ledger to the target: each lot spends its `used` credits in k entries.
const USAGE_COUNTS = `
  WITH fixed AS (
    SELECT count(*) + count(*) FILTER (WHERE fate <> 'ok')
           + count(*) FILTER (WHERE fate = 'ok' AND expires_at <= $1::timestamptz AND used < credits) AS entries,
           sum(used) AS total_used
    FROM lots)
  UPDATE lots SET k = least(lots.used, greatest(1, round(lots.used * ($2::numeric - fixed.entries) / fixed.total_used)))::int
  FROM fixed WHERE lots.used > 0;`;

const ENTRIES = `
  CREATE TEMP TABLE se AS
    SELECT grant_entry_id AS id, wallet_id, workspace_id, type, credits AS amount, at AS created_at, 1 AS ord,
           'bench:lot:' || lot_no AS key, CASE WHEN type = 'PROMO_BONUS' THEN 'SYSTEM' ELSE 'STRIPE' END::actor_type AS actor_type,
           CASE WHEN billing = 'MONTH' THEN 'stripe_invoice' WHEN billing = 'ONE_TIME' THEN 'stripe_checkout_session' END AS reference_type,
           CASE WHEN billing IS NOT NULL THEN 'bench_' || lot_no END AS reference_id,
           NULL::uuid AS service_id, NULL::int AS quantity, NULL::uuid AS reverses_id, NULL::text AS description
    FROM lots
    UNION ALL
    SELECT gen_random_uuid(), l.wallet_id, l.workspace_id, 'USAGE', -(floor(l.used::numeric * j / l.k) - floor(l.used::numeric * (j - 1) / l.k))::int,
           l.at + (l.usage_end - l.at) * (j / (l.k + 1.0))::float8, 2, 'api:bench:' || l.lot_no || ':' || j, 'API_KEY', NULL, NULL,
           (SELECT id FROM services WHERE key = 'bench.call'), NULL, NULL, NULL
    FROM lots l, generate_series(1, l.k) j WHERE l.k > 0
    UNION ALL
    SELECT gen_random_uuid(), wallet_id, workspace_id, 'EXPIRY', -(credits - used), expires_at, 0, 'expiry:' || grant_id, 'SYSTEM',
           'credit_grant', grant_id::text, NULL, NULL, NULL, 'Credits expired'
    FROM lots WHERE fate = 'ok' AND expires_at <= $1::timestamptz AND used < credits
    UNION ALL
    SELECT gen_random_uuid(), wallet_id, workspace_id, 'PAYMENT_REFUND_CLAWBACK', -credits, at + (usage_end - at) / 2, 3,
           'bench:clawback:' || lot_no, 'STRIPE', 'stripe_charge', 'ch_bench_' || lot_no, NULL, NULL, grant_entry_id, 'Payment refunded or disputed'
    FROM lots WHERE fate <> 'ok';
  UPDATE se SET quantity = -amount WHERE type = 'USAGE';`;

const WRITE_LEDGER = `
  INSERT INTO ledger_entries (id, wallet_id, workspace_id, type, amount, balance_after, idempotency_key, request_hash, actor_type,
                              reference_type, reference_id, service_id, quantity, reverses_id, description, created_at)
    SELECT id, wallet_id, workspace_id, type, amount,
           sum(amount) OVER (PARTITION BY wallet_id ORDER BY created_at, ord, id ROWS UNBOUNDED PRECEDING),
           key, 'bench', actor_type, reference_type, reference_id, service_id, quantity, reverses_id, description, created_at
    FROM se ORDER BY created_at, ord, id;
  INSERT INTO credit_grants (id, wallet_id, workspace_id, source_entry_id, source, credits, remaining, expires_at, created_at, updated_at)
    SELECT grant_id, wallet_id, workspace_id, grant_entry_id, type, credits,
           CASE WHEN fate <> 'ok' OR expires_at <= $1::timestamptz THEN 0 ELSE credits - used END, expires_at, at, at
    FROM lots;
  UPDATE wallets w SET balance = t.balance FROM (SELECT wallet_id, sum(amount)::int AS balance FROM se GROUP BY 1) t WHERE w.id = t.wallet_id;`;

// Payments for every paid lot (refunds and chargebacks as Stripe reported them), 3% failed
// attempts, and a chargeback dispute for each charged-back payment.
const PAYMENTS = `
  INSERT INTO payments (workspace_id, package_id, subscription_id, interval, status, amount_cents, amount_refunded_cents, amount_disputed_cents,
                        credits, credits_clawed_back, ledger_entry_id, stripe_invoice_id, stripe_checkout_session_id, paid_at, created_at, updated_at)
    SELECT workspace_id, package_id, subscription_id, billing::billing_interval,
           CASE WHEN fate = 'refunded' THEN 'REFUNDED' ELSE 'SUCCEEDED' END::payment_status, amount_cents,
           CASE WHEN fate = 'refunded' THEN amount_cents ELSE 0 END, CASE WHEN fate = 'disputed' THEN amount_cents ELSE 0 END,
           credits, CASE WHEN fate <> 'ok' THEN credits ELSE 0 END, grant_entry_id,
           CASE WHEN billing = 'MONTH' THEN 'in_bench_' || lot_no END, CASE WHEN billing = 'ONE_TIME' THEN 'cs_bench_' || lot_no END, at, at, at
    FROM lots WHERE billing IS NOT NULL;
  INSERT INTO payments (workspace_id, package_id, interval, status, amount_cents, credits, failure_message, created_at, updated_at)
    SELECT workspace_id, package_id, billing::billing_interval, 'FAILED', amount_cents, credits, 'Your card was declined.', at - interval '10 minutes', at
    FROM lots WHERE billing IS NOT NULL AND lot_no % 33 = 7;
  INSERT INTO disputes (workspace_id, kind, status, reason, credits_requested, payment_id, stripe_dispute_id, created_at, updated_at)
    SELECT l.workspace_id, 'CHARGEBACK', 'OPEN', 'fraudulent', l.credits, p.id, 'du_bench_' || l.lot_no, l.at + (l.usage_end - l.at) / 2, l.at + (l.usage_end - l.at) / 2
    FROM lots l JOIN payments p ON p.ledger_entry_id = l.grant_entry_id WHERE l.fate = 'disputed';`;

/** Seeds an empty, migrated database. Returns what was written and how long it took. */
export async function seedAdminData(client: pg.Client, now: Date): Promise<SeedReport> {
  const started = performance.now();
  await client.query("SET synchronous_commit = off");
  await client.query("SET work_mem = '256MB'");
  await client.query(CATALOG);
  await run(client, CUSTOMERS, [now, ADMIN_WORKSPACES]);
  await run(client, SUBSCRIPTIONS, [now]);
  await run(client, LOTS, [now]);
  await client.query(USAGE_COUNTS, [now, ADMIN_LEDGER_ENTRIES]);
  await run(client, ENTRIES, [now]);
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'ledger_entries' AND indexname <> 'ledger_entries_pkey'`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  await run(client, WRITE_LEDGER, [now]);
  for (const index of indexes) await client.query(index.definition);
  await run(client, PAYMENTS, []);
  await client.query("VACUUM ANALYZE");
  const { rows } = await client.query<{ entries: number; payments: number; lots: number }>(
    "SELECT (SELECT count(*) FROM ledger_entries)::int AS entries, (SELECT count(*) FROM payments)::int AS payments, (SELECT count(*) FROM credit_grants)::int AS lots",
  );
  return { seconds: (performance.now() - started) / 1000, workspaces: ADMIN_WORKSPACES, ...rows[0]! };
}

/** Runs a multi-statement script whose statements share positional parameters, one at a time. */
async function run(client: pg.Client, script: string, params: unknown[]) {
  for (const statement of script.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) {
    const used = [...statement.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
    const max = used.length ? Math.max(...used) : 0;
    await client.query(statement, params.slice(0, max));
  }
}
