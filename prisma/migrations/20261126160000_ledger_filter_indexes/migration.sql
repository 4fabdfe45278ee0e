-- Transactions page filters on a workspace with a million entries (EXPLAIN ANALYZE, PostgreSQL 15,
-- 1,000,000 entries in the workspace, 1 in 20,000 a purchase, 1 in 100 carrying a reference):
-- filtering by a non-usage type (purchases, grants, expiries…) or searching a reference walked the
-- whole workspace (a parallel sequential scan, 40–50 ms here, growing with the table, not the
-- workspace); with these, 0.4 ms and 0.15 ms. Both are partial so the usage path pays nothing for
-- them: usage entries are never in the first, and only usage calls that send a `reference` enter
-- the second. A USAGE filter stays on the (workspace, created_at, sequence) index: usage is nearly
-- every entry, so a page of it is found at once. The service filter has its own migration.

-- A type filter on anything but USAGE ("my purchases", "what expired"): few entries, newest first.
CREATE INDEX ledger_entries_non_usage_idx ON ledger_entries (workspace_id, created_at DESC, sequence DESC) WHERE type <> 'USAGE';

-- Search by reference ("job-42", a Checkout Session id). The search also matches the idempotency
-- key, already unique per wallet: with both on wallet_id the search is one BitmapOr.
CREATE INDEX ledger_entries_reference_idx ON ledger_entries (wallet_id, reference_id) WHERE reference_id IS NOT NULL;
