-- A rollover cap for monthly plans: "unused plan credits roll over, up to N credits".
-- At each renewal of a rollover plan, before the new period's grant, what the workspace's live
-- rollover lots (subscription grants that never expire) hold beyond the cap is written off,
-- oldest lots first so the newest credits survive, as EXPIRY entries. Purchased credits are
-- never trimmed. See docs/architecture.md, "Credit lots".

-- AlterTable
ALTER TABLE "credit_packages" ADD COLUMN     "rollover_cap_credits" INTEGER;

ALTER TABLE credit_packages
  ADD CONSTRAINT credit_packages_rollover_cap_not_negative CHECK (rollover_cap_credits >= 0);

-- 1. What expired from a lot is now the sum of its EXPIRY entries: a rollover lot can be trimmed
--    in part, at several renewals, under keys the caller chooses, so the one `expiry:<lot>` key
--    no longer finds it all. Partial, so the usage path's inserts never touch this index.
CREATE INDEX ledger_entries_expiry_lot_idx ON ledger_entries (wallet_id, reference_id) WHERE type = 'EXPIRY';

-- Trimmed credits left the wallet once, like lapsed ones: a later reversal of the grant (a refund
-- of its invoice) must not take them a second time from other lots.
CREATE OR REPLACE FUNCTION credits_reversible(p_entry ledger_entries, p_now timestamptz)
RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN (p_entry).type IN ('EXPIRY', 'REVERSAL') THEN 0 ELSE
    abs((p_entry).amount)
    - coalesce((SELECT sum(abs(r.amount)) FROM ledger_entries r WHERE r.reverses_id = (p_entry).id), 0)::integer
    - CASE WHEN (p_entry).amount < 0 THEN 0 ELSE coalesce((
        SELECT coalesce((SELECT sum(-x.amount) FROM ledger_entries x
                         WHERE x.wallet_id = g.wallet_id AND x.type = 'EXPIRY'
                           AND x.reference_type = 'credit_grant' AND x.reference_id = g.id::text), 0)::integer
             + CASE WHEN g.expires_at <= p_now THEN g.remaining ELSE 0 END
        FROM credit_grants g WHERE g.source_entry_id = (p_entry).id), 0) END
  END;
$$;

-- 2. Writes off part of a lot as an EXPIRY entry, with the same lot and balance accounting as
--    credits_write_off_lot. Caller holds the wallet lock.
CREATE FUNCTION credits_trim_lot(p_wallet wallets, p_lot_id uuid, p_credits integer, p_key text, p_hash text,
  p_now timestamptz)
RETURNS ledger_entries LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credit_grants g SET remaining = g.remaining - p_credits, updated_at = p_now WHERE g.id = p_lot_id;
  RETURN credits_append_entry(p_wallet, 'EXPIRY', -p_credits, p_key, p_hash, 'SYSTEM', NULL,
    'credit_grant', p_lot_id::text, NULL, NULL, NULL, 'Plan credits above the rollover cap expired', p_now);
END;
$$;

-- 3. Caps the wallet's rolled-over plan credits at p_cap. Each lot trimmed gets one entry keyed
--    `<p_key_prefix>:<lot id>`. A repeat with the same prefix writes nothing: once any of those
--    keys exists it answers `replayed` with what the first call wrote (`idempotency_mismatch` if
--    that call had another cap). A first call that trimmed nothing leaves no key, so a repeat
--    after the period's grant would trim that grant: a caller passes the grant's key as
--    p_period_grant_key, and once the wallet holds it the renewal is done and nothing is trimmed.
--    Like the expiry sweep, it runs on paused wallets: it is bookkeeping, not usage.
--    Returns one row: (outcome, credits_written_off, lots_trimmed, balance), where balance is the
--    wallet's balance now. outcome: applied | replayed | idempotency_mismatch | not_found |
--    invalid_amount (a negative or missing cap, or a missing prefix).
CREATE FUNCTION credits_cap_rollover(p_workspace_id uuid, p_cap integer, p_key_prefix text, p_now timestamptz,
  p_period_grant_key text DEFAULT NULL)
RETURNS TABLE (outcome text, credits_written_off integer, lots_trimmed integer, balance integer)
LANGUAGE plpgsql AS $$
DECLARE
  v_hash text := 'rollover_cap:' || p_cap;
  v_lock record;
  v_wallet wallets;
  v_excess bigint;
  v_take integer;
  v_credits integer := 0;
  v_lots integer := 0;
  v_mismatch boolean;
  v_lot record;
BEGIN
  IF p_cap IS NULL OR p_cap < 0 OR coalesce(p_key_prefix, '') = '' THEN
    RETURN QUERY SELECT 'invalid_amount', NULL::integer, NULL::integer, NULL::integer; RETURN;
  END IF;
  -- The wallet lock first, as every ledger function: the lots are read in later statements, so
  -- they are the ones committed by whoever held the lock before us.
  v_lock := credits_lock_wallet(p_workspace_id, NULL, NULL);
  IF v_lock.outcome IS NOT NULL THEN RETURN QUERY SELECT v_lock.outcome, NULL::integer, NULL::integer, NULL::integer; RETURN; END IF;
  v_wallet := v_lock.wallet;

  SELECT count(*)::integer, coalesce(sum(-e.amount), 0)::integer, coalesce(bool_or(e.request_hash <> v_hash), false)
    INTO v_lots, v_credits, v_mismatch
    FROM credit_grants g
    JOIN ledger_entries e ON e.wallet_id = g.wallet_id AND e.idempotency_key = p_key_prefix || ':' || g.id
    WHERE g.wallet_id = v_wallet.id AND g.source = 'SUBSCRIPTION_GRANT' AND g.expires_at IS NULL;
  IF v_mismatch THEN
    RETURN QUERY SELECT 'idempotency_mismatch', NULL::integer, NULL::integer, NULL::integer; RETURN;
  END IF;
  IF v_lots > 0 OR (p_period_grant_key IS NOT NULL AND EXISTS (
      SELECT 1 FROM ledger_entries e WHERE e.wallet_id = v_wallet.id AND e.idempotency_key = p_period_grant_key)) THEN
    RETURN QUERY SELECT 'replayed', v_credits, v_lots, v_wallet.balance; RETURN;
  END IF;

  SELECT coalesce(sum(g.remaining), 0) - p_cap INTO v_excess FROM credit_grants g
    WHERE g.wallet_id = v_wallet.id AND g.source = 'SUBSCRIPTION_GRANT' AND g.expires_at IS NULL AND g.remaining > 0;
  FOR v_lot IN
    SELECT g.id, g.remaining FROM credit_grants g
    WHERE g.wallet_id = v_wallet.id AND g.source = 'SUBSCRIPTION_GRANT' AND g.expires_at IS NULL AND g.remaining > 0
    ORDER BY g.created_at, g.id
  LOOP
    EXIT WHEN v_excess <= 0;
    v_take := least(v_lot.remaining, v_excess);
    v_wallet.balance := (credits_trim_lot(v_wallet, v_lot.id, v_take, p_key_prefix || ':' || v_lot.id, v_hash, p_now)).balance_after;
    v_excess := v_excess - v_take;
    v_credits := v_credits + v_take;
    v_lots := v_lots + 1;
  END LOOP;
  RETURN QUERY SELECT 'applied', v_credits, v_lots, v_wallet.balance;
END;
$$;
