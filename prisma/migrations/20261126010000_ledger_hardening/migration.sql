-- Ledger hardening (see docs/architecture.md, "Credit lots").
--
-- 1. Every timestamp is timestamptz. The columns were timestamp without time zone, written by
--    Prisma as UTC but by the ledger functions (which take timestamptz) in the session's zone:
--    on a server whose TimeZone is not UTC, entries shifted by hours and the expiry sweep could
--    pick lots the functions then refused. Existing values are UTC, as Prisma wrote them.

-- AlterTable
ALTER TABLE "accounts" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "api_keys" ALTER COLUMN "last_used_at" SET DATA TYPE TIMESTAMPTZ(3) USING "last_used_at" AT TIME ZONE 'UTC',
ALTER COLUMN "revoked_at" SET DATA TYPE TIMESTAMPTZ(3) USING "revoked_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "audit_logs" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "credit_grants" ALTER COLUMN "expires_at" SET DATA TYPE TIMESTAMPTZ(3) USING "expires_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "credit_package_versions" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "credit_packages" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "dispute_events" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "disputes" ALTER COLUMN "due_at" SET DATA TYPE TIMESTAMPTZ(3) USING "due_at" AT TIME ZONE 'UTC',
ALTER COLUMN "resolved_at" SET DATA TYPE TIMESTAMPTZ(3) USING "resolved_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "idempotency_records" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "ledger_entries" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "memberships" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "payments" ALTER COLUMN "paid_at" SET DATA TYPE TIMESTAMPTZ(3) USING "paid_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "promotion_redemptions" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "promotions" ALTER COLUMN "starts_at" SET DATA TYPE TIMESTAMPTZ(3) USING "starts_at" AT TIME ZONE 'UTC',
ALTER COLUMN "ends_at" SET DATA TYPE TIMESTAMPTZ(3) USING "ends_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "services" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "sessions" ALTER COLUMN "expires_at" SET DATA TYPE TIMESTAMPTZ(3) USING "expires_at" AT TIME ZONE 'UTC',
ALTER COLUMN "revoked_at" SET DATA TYPE TIMESTAMPTZ(3) USING "revoked_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "last_seen_at" SET DATA TYPE TIMESTAMPTZ(3) USING "last_seen_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "stripe_events" ALTER COLUMN "stripe_created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "stripe_created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "received_at" SET DATA TYPE TIMESTAMPTZ(3) USING "received_at" AT TIME ZONE 'UTC',
ALTER COLUMN "processed_at" SET DATA TYPE TIMESTAMPTZ(3) USING "processed_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "subscriptions" ALTER COLUMN "current_period_start" SET DATA TYPE TIMESTAMPTZ(3) USING "current_period_start" AT TIME ZONE 'UTC',
ALTER COLUMN "current_period_end" SET DATA TYPE TIMESTAMPTZ(3) USING "current_period_end" AT TIME ZONE 'UTC',
ALTER COLUMN "paused_until" SET DATA TYPE TIMESTAMPTZ(3) USING "paused_until" AT TIME ZONE 'UTC',
ALTER COLUMN "canceled_at" SET DATA TYPE TIMESTAMPTZ(3) USING "canceled_at" AT TIME ZONE 'UTC',
ALTER COLUMN "ended_at" SET DATA TYPE TIMESTAMPTZ(3) USING "ended_at" AT TIME ZONE 'UTC',
ALTER COLUMN "stripe_version_at" SET DATA TYPE TIMESTAMPTZ(3) USING "stripe_version_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "users" ALTER COLUMN "email_verified" SET DATA TYPE TIMESTAMPTZ(3) USING "email_verified" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "verification_tokens" ALTER COLUMN "expires_at" SET DATA TYPE TIMESTAMPTZ(3) USING "expires_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "wallets" ALTER COLUMN "paused_at" SET DATA TYPE TIMESTAMPTZ(3) USING "paused_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "workspaces" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- 2. Keys: callers may send up to 255 characters (as Stripe allows); the stored key carries a
--    namespace prefix (`api:`, `admin:`, `expiry:`), so the column allows room for it.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_key_present,
  ADD CONSTRAINT ledger_entries_key_present CHECK (length(idempotency_key) BETWEEN 1 AND 320);

-- 3. A wallet's balance stays within ±2,000,000,000 credits ($200M): an operation that would
--    leave it outside is refused (`balance_limit`) instead of overflowing the integer column.
ALTER TABLE wallets ADD CONSTRAINT wallets_balance_bounded CHECK (balance BETWEEN -2000000000 AND 2000000000);

-- 4. Lapsed credits. A lot past its expiry is never spent, and never drawn by a removal either:
--    a removal or clawback first writes off every lapsed lot of the wallet (the EXPIRY entries
--    the sweep would have written, under the same per-lot keys), then draws from live lots.
--    Before, a removal took lapsed credits first and left never-expiring ones behind, so a
--    customer refunded in full kept credits.

-- Writes off what a lapsed lot still holds as its EXPIRY entry. Caller holds the wallet lock and
-- has checked that the lot lapsed; the per-lot key makes it happen once.
CREATE FUNCTION credits_write_off_lot(p_wallet wallets, p_lot_id uuid, p_remaining integer, p_now timestamptz)
RETURNS ledger_entries LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credit_grants g SET remaining = 0, updated_at = p_now WHERE g.id = p_lot_id;
  RETURN credits_append_entry(p_wallet, 'EXPIRY', -p_remaining, 'expiry:' || p_lot_id, 'expiry', 'SYSTEM', NULL,
    'credit_grant', p_lot_id::text, NULL, NULL, NULL, 'Credits expired', p_now);
END;
$$;

-- Writes off every lapsed lot of the wallet; returns the wallet as it is afterwards.
CREATE FUNCTION credits_write_off_lapsed(p_wallet wallets, p_now timestamptz)
RETURNS wallets LANGUAGE plpgsql AS $$
DECLARE
  v_wallet wallets := p_wallet;
  v_lot record;
BEGIN
  FOR v_lot IN
    SELECT g.id, g.remaining FROM credit_grants g
    WHERE g.wallet_id = p_wallet.id AND g.remaining > 0 AND g.expires_at <= p_now
    ORDER BY g.expires_at, g.created_at, g.id
  LOOP
    v_wallet.balance := (credits_write_off_lot(v_wallet, v_lot.id, v_lot.remaining, p_now)).balance_after;
  END LOOP;
  RETURN v_wallet;
END;
$$;

-- Takes up to p_amount credits out of the wallet's live lots for a removal: a preferred lot
-- first, then soonest expiry. Returns what the lots could not give (it becomes debt).
CREATE OR REPLACE FUNCTION credits_draw_lots(p_wallet_id uuid, p_amount integer, p_prefer_grant uuid, p_now timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_left integer := p_amount;
  v_ids uuid[] := '{}';
  v_takes integer[] := '{}';
  v_lot record;
BEGIN
  FOR v_lot IN
    SELECT g.id, g.remaining FROM credit_grants g
    WHERE g.wallet_id = p_wallet_id AND g.remaining > 0 AND (g.expires_at IS NULL OR g.expires_at > p_now)
    ORDER BY (g.id = p_prefer_grant) DESC NULLS LAST, g.expires_at ASC NULLS LAST, g.created_at, g.id
  LOOP
    v_ids := v_ids || v_lot.id;
    v_takes := v_takes || least(v_lot.remaining, v_left);
    v_left := v_left - least(v_lot.remaining, v_left);
    EXIT WHEN v_left = 0;
  END LOOP;
  UPDATE credit_grants g SET remaining = g.remaining - t.take, updated_at = p_now
  FROM unnest(v_ids, v_takes) AS t(id, take) WHERE g.id = t.id;
  RETURN v_left;
END;
$$;

-- Removes credits that may take the wallet below zero (admin removal, clawback, reversal of a
-- grant): lapsed lots are written off first, live lots give what they hold, the rest is debt.
CREATE OR REPLACE FUNCTION credits_remove(p_wallet wallets, p_type ledger_entry_type, p_amount integer,
  p_prefer_grant uuid, p_key text, p_hash text, p_actor_type actor_type, p_actor_id text,
  p_reference_type text, p_reference_id text, p_reverses_id uuid, p_description text, p_now timestamptz)
RETURNS ledger_entries LANGUAGE plpgsql AS $$
DECLARE
  v_wallet wallets := credits_write_off_lapsed(p_wallet, p_now);
BEGIN
  PERFORM credits_draw_lots(v_wallet.id, p_amount, p_prefer_grant, p_now);
  RETURN credits_append_entry(v_wallet, p_type, -p_amount, p_key, p_hash, p_actor_type, p_actor_id,
    p_reference_type, p_reference_id, NULL, NULL, p_reverses_id, p_description, p_now);
END;
$$;

CREATE OR REPLACE FUNCTION credits_expire_lot(p_grant_id uuid, p_now timestamptz)
RETURNS TABLE (outcome text, entry_id uuid, amount integer, balance_after integer, created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_workspace_id uuid;
  v_lock record;
  v_lot credit_grants;
BEGIN
  SELECT g.workspace_id INTO v_workspace_id FROM credit_grants g WHERE g.id = p_grant_id;
  IF NOT FOUND THEN RETURN QUERY SELECT * FROM credits_result('not_found', NULL); RETURN; END IF;
  v_lock := credits_lock_wallet(v_workspace_id, 'expiry:' || p_grant_id, 'expiry');
  IF v_lock.outcome IS NOT NULL THEN RETURN QUERY SELECT * FROM credits_result(v_lock.outcome, v_lock.replay); RETURN; END IF;
  SELECT * INTO v_lot FROM credit_grants g WHERE g.id = p_grant_id;
  IF v_lot.remaining = 0 OR v_lot.expires_at IS NULL OR v_lot.expires_at > p_now THEN
    RETURN QUERY SELECT * FROM credits_result('not_reversible', NULL); RETURN;
  END IF;
  RETURN QUERY SELECT * FROM credits_result('applied', credits_write_off_lot(v_lock.wallet, p_grant_id, v_lot.remaining, p_now));
END;
$$;

-- 5. Reversing a grant takes back at most its amount less what was reversed and less what
--    expired from its lot (already, or now, as the reversal writes lapsed lots off): expired
--    credits left the wallet once and must not be taken a second time from other lots. What was
--    spent from the grant may still be clawed back (from other lots, then as debt).

-- What is left to reverse of an entry at p_now: the one rule, used by credits_reverse and by
-- callers that must size a reversal first (payment clawbacks). Lock-free; under the wallet lock
-- it is exact.
CREATE FUNCTION credits_reversible(p_entry ledger_entries, p_now timestamptz)
RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN (p_entry).type IN ('EXPIRY', 'REVERSAL') THEN 0 ELSE
    abs((p_entry).amount)
    - coalesce((SELECT sum(abs(r.amount)) FROM ledger_entries r WHERE r.reverses_id = (p_entry).id), 0)::integer
    - CASE WHEN (p_entry).amount < 0 THEN 0 ELSE coalesce((
        SELECT coalesce((SELECT -x.amount FROM ledger_entries x
                         WHERE x.wallet_id = g.wallet_id AND x.idempotency_key = 'expiry:' || g.id), 0)
             + CASE WHEN g.expires_at <= p_now THEN g.remaining ELSE 0 END
        FROM credit_grants g WHERE g.source_entry_id = (p_entry).id), 0) END
  END;
$$;

CREATE OR REPLACE FUNCTION credits_reverse(p_workspace_id uuid, p_entry_id uuid, p_amount integer,
  p_type ledger_entry_type, p_key text, p_hash text, p_actor_type actor_type, p_actor_id text,
  p_reference_type text, p_reference_id text, p_description text, p_now timestamptz)
RETURNS TABLE (outcome text, entry_id uuid, amount integer, balance_after integer, created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_lock record;
  v_original ledger_entries;
  v_lot credit_grants;
  v_reversible integer;
  v_amount integer;
BEGIN
  v_lock := credits_lock_wallet(p_workspace_id, p_key, p_hash);
  IF v_lock.outcome IS NOT NULL THEN RETURN QUERY SELECT * FROM credits_result(v_lock.outcome, v_lock.replay); RETURN; END IF;
  SELECT * INTO v_original FROM ledger_entries e WHERE e.id = p_entry_id AND e.wallet_id = (v_lock.wallet).id;
  IF NOT FOUND THEN RETURN QUERY SELECT * FROM credits_result('not_found', NULL); RETURN; END IF;
  v_reversible := credits_reversible(v_original, p_now);
  SELECT * INTO v_lot FROM credit_grants g WHERE g.source_entry_id = p_entry_id;
  v_amount := coalesce(p_amount, v_reversible);
  IF v_amount <= 0 OR v_amount > v_reversible THEN
    RETURN QUERY SELECT * FROM credits_result('not_reversible', NULL); RETURN;
  END IF;
  IF (v_lock.wallet).balance::bigint - sign(v_original.amount) * v_amount NOT BETWEEN -2000000000 AND 2000000000 THEN
    RETURN QUERY SELECT * FROM credits_result('balance_limit', NULL); RETURN;
  END IF;

  IF v_original.amount > 0 THEN
    RETURN QUERY SELECT * FROM credits_result('applied', credits_remove(v_lock.wallet, p_type, v_amount, v_lot.id,
      p_key, p_hash, p_actor_type, p_actor_id, p_reference_type, p_reference_id, p_entry_id, p_description, p_now));
  ELSE
    RETURN QUERY SELECT * FROM credits_result('applied', credits_add(v_lock.wallet, p_type, v_amount, NULL,
      p_key, p_hash, p_actor_type, p_actor_id, p_reference_type, p_reference_id, p_entry_id, p_description, p_now));
  END IF;
END;
$$;

CREATE OR REPLACE FUNCTION credits_grant(p_workspace_id uuid, p_type ledger_entry_type, p_amount integer,
  p_expires_at timestamptz, p_key text, p_hash text, p_actor_type actor_type, p_actor_id text,
  p_reference_type text, p_reference_id text, p_description text, p_now timestamptz)
RETURNS TABLE (outcome text, entry_id uuid, amount integer, balance_after integer, created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_lock record;
BEGIN
  v_lock := credits_lock_wallet(p_workspace_id, p_key, p_hash);
  IF v_lock.outcome IS NOT NULL THEN RETURN QUERY SELECT * FROM credits_result(v_lock.outcome, v_lock.replay); RETURN; END IF;
  IF p_amount <= 0 OR p_amount > 1000000000 OR (p_expires_at IS NOT NULL AND p_expires_at <= p_now) THEN
    RETURN QUERY SELECT * FROM credits_result('invalid_amount', NULL); RETURN;
  END IF;
  IF (v_lock.wallet).balance::bigint + p_amount > 2000000000 THEN
    RETURN QUERY SELECT * FROM credits_result('balance_limit', NULL); RETURN;
  END IF;
  RETURN QUERY SELECT * FROM credits_result('applied', credits_add(v_lock.wallet, p_type, p_amount, p_expires_at,
    p_key, p_hash, p_actor_type, p_actor_id, p_reference_type, p_reference_id, NULL, p_description, p_now));
END;
$$;

CREATE OR REPLACE FUNCTION credits_debit(p_workspace_id uuid, p_type ledger_entry_type, p_amount integer,
  p_key text, p_hash text, p_actor_type actor_type, p_actor_id text, p_reference_type text,
  p_reference_id text, p_description text, p_now timestamptz)
RETURNS TABLE (outcome text, entry_id uuid, amount integer, balance_after integer, created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_lock record;
BEGIN
  v_lock := credits_lock_wallet(p_workspace_id, p_key, p_hash);
  IF v_lock.outcome IS NOT NULL THEN RETURN QUERY SELECT * FROM credits_result(v_lock.outcome, v_lock.replay); RETURN; END IF;
  IF p_amount <= 0 OR p_amount > 1000000000 THEN RETURN QUERY SELECT * FROM credits_result('invalid_amount', NULL); RETURN; END IF;
  -- Writing off lapsed lots only lowers a positive balance, so this bound is exact.
  IF (v_lock.wallet).balance::bigint - p_amount < -2000000000 THEN
    RETURN QUERY SELECT * FROM credits_result('balance_limit', NULL); RETURN;
  END IF;
  RETURN QUERY SELECT * FROM credits_result('applied', credits_remove(v_lock.wallet, p_type, p_amount, NULL,
    p_key, p_hash, p_actor_type, p_actor_id, p_reference_type, p_reference_id, NULL, p_description, p_now));
END;
$$;

-- 6. Spending. A retry always gets its first answer: when the service is unknown or inactive
--    now (deactivated since the first request) or the quantity is out of range, the key is
--    looked up before the request is refused. And a credit or resume that commits after the
--    guarded debit's snapshot but before the re-read under the lock no longer yields a spurious
--    402: the re-read decides, and debits when the wallet is funded and active.
CREATE OR REPLACE FUNCTION credits_consume(p_workspace_id uuid, p_service_key text, p_quantity integer,
  p_key text, p_hash text, p_actor_type actor_type, p_actor_id text, p_reference_id text,
  p_description text, p_now timestamptz,
  OUT outcome text, OUT entry_id uuid, OUT amount integer, OUT balance_after integer, OUT created_at timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_wallet_id uuid;
  v_balance integer;
  v_status wallet_status;
  v_debited boolean := true;
  v_hash text;
  v_service_id uuid;
  v_cost bigint;
  v_refusal text;
  v_left integer;
  v_lot record;
  v_ids uuid[] := '{}';
  v_takes integer[] := '{}';
BEGIN
  SELECT s.id, s.unit_cost_credits::bigint * p_quantity INTO v_service_id, v_cost
    FROM services s WHERE s.key = p_service_key AND s.is_active;
  v_refusal := CASE WHEN v_service_id IS NULL THEN 'unknown_service'
                    WHEN p_quantity <= 0 OR v_cost > 1000000000 THEN 'invalid_amount' END;
  IF v_refusal IS NOT NULL THEN
    -- Under the lock, so an original still in flight with this key is seen once it commits.
    SELECT w.id INTO v_wallet_id FROM wallets w WHERE w.workspace_id = p_workspace_id FOR UPDATE;
    IF NOT FOUND THEN outcome := 'not_found'; RETURN; END IF;
    SELECT e.id, e.amount, e.balance_after, e.created_at, e.request_hash
      INTO entry_id, amount, balance_after, created_at, v_hash
      FROM ledger_entries e WHERE e.wallet_id = v_wallet_id AND e.idempotency_key = p_key;
    outcome := CASE WHEN NOT FOUND THEN v_refusal WHEN v_hash = p_hash THEN 'replayed' ELSE 'idempotency_mismatch' END;
    RETURN;
  END IF;

  -- The guarded debit takes the wallet's row lock. It runs before the idempotency lookup so
  -- the common case costs one statement; a replay found under the lock gives the debit back.
  UPDATE wallets w SET balance = w.balance - v_cost, updated_at = p_now
    WHERE w.workspace_id = p_workspace_id AND w.status = 'ACTIVE' AND w.balance >= v_cost
    RETURNING w.id, w.balance INTO v_wallet_id, v_balance;
  IF NOT FOUND THEN
    -- The debit's snapshot said no; this re-read waits for the lock and sees the latest row.
    v_debited := false;
    SELECT w.id, w.balance, w.status INTO v_wallet_id, v_balance, v_status
      FROM wallets w WHERE w.workspace_id = p_workspace_id FOR UPDATE;
    IF NOT FOUND THEN outcome := 'not_found'; RETURN; END IF;
  END IF;

  -- Under the lock, a request that raced us with the same key has committed and is seen here.
  SELECT e.id, e.amount, e.balance_after, e.created_at, e.request_hash
    INTO entry_id, amount, balance_after, created_at, v_hash
    FROM ledger_entries e WHERE e.wallet_id = v_wallet_id AND e.idempotency_key = p_key;
  IF FOUND THEN
    IF v_debited THEN UPDATE wallets w SET balance = w.balance + v_cost WHERE w.id = v_wallet_id; END IF;
    outcome := CASE WHEN v_hash = p_hash THEN 'replayed' ELSE 'idempotency_mismatch' END;
    RETURN;
  END IF;
  IF NOT v_debited THEN
    IF v_status = 'PAUSED' THEN outcome := 'wallet_paused'; RETURN; END IF;
    IF v_balance < v_cost THEN outcome := 'insufficient_credits'; RETURN; END IF;
    -- Funded and active after all: a credit or resume committed while we waited.
    UPDATE wallets w SET balance = w.balance - v_cost, updated_at = p_now WHERE w.id = v_wallet_id
      RETURNING w.balance INTO v_balance;
  END IF;

  -- Soonest-expiring spendable lot first; lapsed lots wait for the expiry sweep. Usually one
  -- lot covers the whole cost: one statement. Otherwise walk the lots in order.
  UPDATE credit_grants g SET remaining = g.remaining - v_cost, updated_at = p_now
    WHERE g.id = (SELECT f.id FROM credit_grants f
                  WHERE f.wallet_id = v_wallet_id AND f.remaining > 0 AND (f.expires_at IS NULL OR f.expires_at > p_now)
                  ORDER BY f.expires_at ASC NULLS LAST, f.created_at, f.id LIMIT 1)
      AND g.remaining >= v_cost;
  IF NOT FOUND THEN
    v_left := v_cost;
    FOR v_lot IN
      SELECT g.id, g.remaining FROM credit_grants g
      WHERE g.wallet_id = v_wallet_id AND g.remaining > 0 AND (g.expires_at IS NULL OR g.expires_at > p_now)
      ORDER BY g.expires_at ASC NULLS LAST, g.created_at, g.id
    LOOP
      v_ids := v_ids || v_lot.id;
      v_takes := v_takes || least(v_lot.remaining, v_left);
      v_left := v_left - least(v_lot.remaining, v_left);
      EXIT WHEN v_left = 0;
    END LOOP;
    IF v_left > 0 THEN
      -- Only lapsed, not yet swept lots hold the rest: refuse, and give the debit back.
      UPDATE wallets w SET balance = w.balance + v_cost WHERE w.id = v_wallet_id;
      outcome := 'insufficient_credits';
      RETURN;
    END IF;
    UPDATE credit_grants g SET remaining = g.remaining - t.take, updated_at = p_now
      FROM unnest(v_ids, v_takes) AS t(id, take) WHERE g.id = t.id;
  END IF;

  INSERT INTO ledger_entries AS e (wallet_id, workspace_id, type, amount, balance_after, idempotency_key,
    request_hash, actor_type, actor_id, reference_type, reference_id, service_id, quantity, description, created_at)
  VALUES (v_wallet_id, p_workspace_id, 'USAGE', -v_cost, v_balance, p_key, p_hash, p_actor_type,
    p_actor_id, 'service_call', p_reference_id, v_service_id, p_quantity, p_description, p_now)
  RETURNING e.id, e.amount, e.balance_after, e.created_at INTO entry_id, amount, balance_after, created_at;
  outcome := 'applied';
END;
$$;
