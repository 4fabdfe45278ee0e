-- The credit ledger's write path, as database functions. Each public function is one
-- transaction's worth of work in one round trip: lock the wallet row, replay an idempotency key,
-- check the rules, move credits between lots (grants), append the entry, update the balance.
-- Holding the wallet lock for one statement instead of several client round trips is what lets
-- a hot wallet run near the database's own limit (DESIGN.md §8).
--
-- Every function returns one row: (outcome, entry_id, amount, balance_after, created_at).
-- outcome: applied | replayed | idempotency_mismatch | not_found | wallet_paused |
--          insufficient_credits | unknown_service | invalid_amount | not_reversible
-- Rejections write nothing. Time comes from the caller (p_now) so expiry is testable.

-- Locks the workspace's wallet and looks for an entry under the idempotency key. Everything that
-- changes a wallet goes through here first, so one wallet's writes are serialised, and the
-- replay lookup (a new statement after the lock) sees any entry committed while we waited.
CREATE FUNCTION credits_lock_wallet(p_workspace_id uuid, p_key text, p_hash text,
  OUT wallet wallets, OUT replay ledger_entries, OUT outcome text)
LANGUAGE plpgsql AS $$
BEGIN
  SELECT * INTO wallet FROM wallets w WHERE w.workspace_id = p_workspace_id FOR UPDATE;
  IF NOT FOUND THEN outcome := 'not_found'; RETURN; END IF;
  SELECT * INTO replay FROM ledger_entries e WHERE e.wallet_id = wallet.id AND e.idempotency_key = p_key;
  IF FOUND THEN
    outcome := CASE WHEN replay.request_hash = p_hash THEN 'replayed' ELSE 'idempotency_mismatch' END;
  END IF;
END;
$$;

-- Appends an entry and moves the cached balance with it. Caller holds the wallet lock.
CREATE FUNCTION credits_append_entry(p_wallet wallets, p_type ledger_entry_type, p_amount integer,
  p_key text, p_hash text, p_actor_type actor_type, p_actor_id text, p_reference_type text,
  p_reference_id text, p_service_id uuid, p_quantity integer, p_reverses_id uuid, p_description text,
  p_now timestamptz)
RETURNS ledger_entries LANGUAGE plpgsql AS $$
DECLARE
  v_entry ledger_entries;
BEGIN
  INSERT INTO ledger_entries AS e (wallet_id, workspace_id, type, amount, balance_after, idempotency_key,
    request_hash, actor_type, actor_id, reference_type, reference_id, service_id, quantity, reverses_id,
    description, created_at)
  VALUES (p_wallet.id, p_wallet.workspace_id, p_type, p_amount, p_wallet.balance + p_amount, p_key,
    p_hash, p_actor_type, p_actor_id, p_reference_type, p_reference_id, p_service_id, p_quantity,
    p_reverses_id, p_description, p_now)
  RETURNING * INTO v_entry;
  UPDATE wallets w SET balance = v_entry.balance_after, updated_at = p_now WHERE w.id = p_wallet.id;
  RETURN v_entry;
END;
$$;

-- Takes up to p_amount credits out of the wallet's lots for a removal: a preferred lot first,
-- then soonest expiry (lapsed lots included). Caller holds the wallet lock.
CREATE FUNCTION credits_draw_lots(p_wallet_id uuid, p_amount integer, p_prefer_grant uuid, p_now timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_left integer := p_amount;
  v_ids uuid[] := '{}';
  v_takes integer[] := '{}';
  v_lot record;
BEGIN
  FOR v_lot IN
    SELECT g.id, g.remaining FROM credit_grants g
    WHERE g.wallet_id = p_wallet_id AND g.remaining > 0
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

-- Adds credits: appends the entry and creates its lot. When the wallet is in debt (negative after
-- a removal or clawback), the new credits pay the debt first and the lot holds only the rest.
CREATE FUNCTION credits_add(p_wallet wallets, p_type ledger_entry_type, p_amount integer,
  p_expires_at timestamptz, p_key text, p_hash text, p_actor_type actor_type, p_actor_id text,
  p_reference_type text, p_reference_id text, p_reverses_id uuid, p_description text, p_now timestamptz)
RETURNS ledger_entries LANGUAGE plpgsql AS $$
DECLARE
  v_entry ledger_entries;
BEGIN
  v_entry := credits_append_entry(p_wallet, p_type, p_amount, p_key, p_hash, p_actor_type, p_actor_id,
    p_reference_type, p_reference_id, NULL, NULL, p_reverses_id, p_description, p_now);
  INSERT INTO credit_grants (wallet_id, workspace_id, source_entry_id, source, credits, remaining,
    expires_at, created_at, updated_at)
  VALUES (p_wallet.id, p_wallet.workspace_id, v_entry.id, p_type, p_amount,
    greatest(v_entry.balance_after, 0) - greatest(p_wallet.balance, 0), p_expires_at, p_now, p_now);
  RETURN v_entry;
END;
$$;

-- Removes credits that may take the wallet below zero (admin removal, clawback, reversal of a
-- grant): lots give what they hold, the balance records the rest as debt.
CREATE FUNCTION credits_remove(p_wallet wallets, p_type ledger_entry_type, p_amount integer,
  p_prefer_grant uuid, p_key text, p_hash text, p_actor_type actor_type, p_actor_id text,
  p_reference_type text, p_reference_id text, p_reverses_id uuid, p_description text, p_now timestamptz)
RETURNS ledger_entries LANGUAGE plpgsql AS $$
BEGIN
  PERFORM credits_draw_lots(p_wallet.id, p_amount, p_prefer_grant, p_now);
  RETURN credits_append_entry(p_wallet, p_type, -p_amount, p_key, p_hash, p_actor_type, p_actor_id,
    p_reference_type, p_reference_id, NULL, NULL, p_reverses_id, p_description, p_now);
END;
$$;

CREATE FUNCTION credits_result(p_outcome text, p_entry ledger_entries)
RETURNS TABLE (outcome text, entry_id uuid, amount integer, balance_after integer, created_at timestamptz)
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_outcome, (p_entry).id, (p_entry).amount, (p_entry).balance_after, (p_entry).created_at;
$$;

-- ─── Public operations ───────────────────────────────────────────────────────────────────

-- Spends p_quantity units of a service. Never leaves the balance negative; a paused wallet, or
-- one without enough unexpired credits, is refused with nothing written.
-- The hot path, so written flat: nested calls passing composite rows cost half its throughput.
CREATE FUNCTION credits_consume(p_workspace_id uuid, p_service_key text, p_quantity integer,
  p_key text, p_hash text, p_actor_type actor_type, p_actor_id text, p_reference_id text,
  p_description text, p_now timestamptz,
  OUT outcome text, OUT entry_id uuid, OUT amount integer, OUT balance_after integer, OUT created_at timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_wallet_id uuid;
  v_balance integer;
  v_status wallet_status;
  v_hash text;
  v_service_id uuid;
  v_cost bigint;
  v_left integer;
  v_lot record;
  v_ids uuid[] := '{}';
  v_takes integer[] := '{}';
BEGIN
  SELECT s.id, s.unit_cost_credits::bigint * p_quantity INTO v_service_id, v_cost
    FROM services s WHERE s.key = p_service_key AND s.is_active;
  IF NOT FOUND THEN outcome := 'unknown_service'; RETURN; END IF;
  IF p_quantity <= 0 OR v_cost > 1000000000 THEN outcome := 'invalid_amount'; RETURN; END IF;

  -- The guarded debit takes the wallet's row lock. It runs before the idempotency lookup so
  -- the common case costs one statement; a replay found under the lock gives the debit back.
  UPDATE wallets w SET balance = w.balance - v_cost, updated_at = p_now
    WHERE w.workspace_id = p_workspace_id AND w.status = 'ACTIVE' AND w.balance >= v_cost
    RETURNING w.id, w.balance INTO v_wallet_id, v_balance;
  IF NOT FOUND THEN
    SELECT w.id, w.balance, w.status INTO v_wallet_id, v_balance, v_status
      FROM wallets w WHERE w.workspace_id = p_workspace_id FOR UPDATE;
    IF NOT FOUND THEN outcome := 'not_found'; RETURN; END IF;
  END IF;

  -- Under the lock, a request that raced us with the same key has committed and is seen here.
  SELECT e.id, e.amount, e.balance_after, e.created_at, e.request_hash
    INTO entry_id, amount, balance_after, created_at, v_hash
    FROM ledger_entries e WHERE e.wallet_id = v_wallet_id AND e.idempotency_key = p_key;
  IF FOUND THEN
    IF v_status IS NULL THEN UPDATE wallets w SET balance = w.balance + v_cost WHERE w.id = v_wallet_id; END IF;
    outcome := CASE WHEN v_hash = p_hash THEN 'replayed' ELSE 'idempotency_mismatch' END;
    RETURN;
  END IF;
  IF v_status = 'PAUSED' THEN outcome := 'wallet_paused'; RETURN; END IF;
  IF v_status IS NOT NULL THEN outcome := 'insufficient_credits'; RETURN; END IF;

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

-- Services are deactivated, never deleted: ledger entries name them without a foreign key.
CREATE TRIGGER services_not_deleted BEFORE DELETE ON services
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();

-- Adds credits (purchase, subscription grant, promo bonus, admin add): one entry, one lot.
CREATE FUNCTION credits_grant(p_workspace_id uuid, p_type ledger_entry_type, p_amount integer,
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
  RETURN QUERY SELECT * FROM credits_result('applied', credits_add(v_lock.wallet, p_type, p_amount, p_expires_at,
    p_key, p_hash, p_actor_type, p_actor_id, p_reference_type, p_reference_id, NULL, p_description, p_now));
END;
$$;

-- Removes credits by decision (admin removal, payment clawback). May leave the wallet negative.
CREATE FUNCTION credits_debit(p_workspace_id uuid, p_type ledger_entry_type, p_amount integer,
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
  RETURN QUERY SELECT * FROM credits_result('applied', credits_remove(v_lock.wallet, p_type, p_amount, NULL,
    p_key, p_hash, p_actor_type, p_actor_id, p_reference_type, p_reference_id, NULL, p_description, p_now));
END;
$$;

-- Reverses all or part of an earlier entry of the same wallet: a credit-adding entry is taken
-- back (its own lot first), a spending entry is given back as a new non-expiring lot. The total
-- reversed never exceeds the original amount.
CREATE FUNCTION credits_reverse(p_workspace_id uuid, p_entry_id uuid, p_amount integer,
  p_type ledger_entry_type, p_key text, p_hash text, p_actor_type actor_type, p_actor_id text,
  p_reference_type text, p_reference_id text, p_description text, p_now timestamptz)
RETURNS TABLE (outcome text, entry_id uuid, amount integer, balance_after integer, created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_lock record;
  v_original ledger_entries;
  v_reversed integer;
  v_amount integer;
  v_lot uuid;
BEGIN
  v_lock := credits_lock_wallet(p_workspace_id, p_key, p_hash);
  IF v_lock.outcome IS NOT NULL THEN RETURN QUERY SELECT * FROM credits_result(v_lock.outcome, v_lock.replay); RETURN; END IF;
  SELECT * INTO v_original FROM ledger_entries e WHERE e.id = p_entry_id AND e.wallet_id = (v_lock.wallet).id;
  IF NOT FOUND THEN RETURN QUERY SELECT * FROM credits_result('not_found', NULL); RETURN; END IF;
  SELECT coalesce(sum(abs(e.amount)), 0) INTO v_reversed FROM ledger_entries e WHERE e.reverses_id = p_entry_id;
  v_amount := coalesce(p_amount, abs(v_original.amount) - v_reversed);
  IF v_original.type IN ('EXPIRY', 'REVERSAL') OR v_amount <= 0 OR v_amount > abs(v_original.amount) - v_reversed THEN
    RETURN QUERY SELECT * FROM credits_result('not_reversible', NULL); RETURN;
  END IF;
  IF v_original.amount > 0 THEN
    SELECT g.id INTO v_lot FROM credit_grants g WHERE g.source_entry_id = p_entry_id;
    RETURN QUERY SELECT * FROM credits_result('applied', credits_remove(v_lock.wallet, p_type, v_amount, v_lot,
      p_key, p_hash, p_actor_type, p_actor_id, p_reference_type, p_reference_id, p_entry_id, p_description, p_now));
  ELSE
    RETURN QUERY SELECT * FROM credits_result('applied', credits_add(v_lock.wallet, p_type, v_amount, NULL,
      p_key, p_hash, p_actor_type, p_actor_id, p_reference_type, p_reference_id, p_entry_id, p_description, p_now));
  END IF;
END;
$$;

-- Expires one lapsed lot: writes an EXPIRY entry for what it still holds. Idempotent per lot.
CREATE FUNCTION credits_expire_lot(p_grant_id uuid, p_now timestamptz)
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
  RETURN QUERY SELECT * FROM credits_result('applied', credits_remove(v_lock.wallet, 'EXPIRY', v_lot.remaining,
    p_grant_id, 'expiry:' || p_grant_id, 'expiry', 'SYSTEM', NULL, 'credit_grant', p_grant_id::text, NULL,
    'Credits expired', p_now));
END;
$$;
