-- A settlement that no longer scans every lot, and a reserve and settlement with one index less
-- to write (docs/architecture.md, "Holds").

-- The sweep finds lapsed active holds through credit_holds_active_expires_at_idx. This index served
-- no query and cost every reserve and every settlement (which changes the status) an entry.
DROP INDEX "credit_holds_status_expires_at_idx";

-- A settlement or release reads its hold's pins with their lots. Written as a join, it was planned
-- as one whenever credit_hold_lots had no statistics yet (a new table, or one not analyzed since it
-- grew): a hash join over every lot of every wallet, 1.2 ms a settlement. Each pin has one lot,
-- found by its key: the lateral lookup (OFFSET 0 keeps it one) is an index probe whatever the
-- statistics say.
CREATE OR REPLACE FUNCTION credits_hold_unpin(p_hold credit_holds, p_spend integer, p_now timestamptz)
RETURNS TABLE (lot_id uuid, returned integer, lapsed boolean) LANGUAGE plpgsql AS $$
DECLARE
  v_left integer := p_spend;
  v_take integer;
  v_pin record;
BEGIN
  FOR v_pin IN
    SELECT p.grant_id, p.credits, g.expires_at FROM credit_hold_lots p
    CROSS JOIN LATERAL (SELECT l.expires_at, l.created_at FROM credit_grants l WHERE l.id = p.grant_id OFFSET 0) g
    WHERE p.hold_id = p_hold.id AND p.credits > 0
    ORDER BY g.expires_at ASC NULLS LAST, g.created_at, p.grant_id
  LOOP
    v_take := least(v_pin.credits, v_left);
    v_left := v_left - v_take;
    UPDATE credit_grants g SET held = g.held - v_pin.credits, remaining = g.remaining - v_take, updated_at = p_now
      WHERE g.id = v_pin.grant_id;
    IF v_pin.credits > v_take THEN
      lot_id := v_pin.grant_id; returned := v_pin.credits - v_take; lapsed := v_pin.expires_at <= p_now;
      RETURN NEXT;
    END IF;
  END LOOP;
  UPDATE credit_hold_lots p SET credits = 0 WHERE p.hold_id = p_hold.id AND p.credits > 0;
  UPDATE wallets w SET held = w.held - p_hold.held WHERE w.id = p_hold.wallet_id;
END;
$$;
