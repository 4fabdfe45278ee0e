-- Reserves and settlements committed many to a statement (docs/architecture.md, "Group commit").

-- ─── Group commit ────────────────────────────────────────────────────────────────────────────
-- Many reserves (or settlements) in one statement, one transaction: each answered, with its
-- ordinal, exactly as credits_hold_reserve (credits_hold_settle) would have answered it alone,
-- in input order per wallet. Wallets are locked in ascending id order first, as every batch does,
-- so concurrent batches never deadlock; every statement after the lock sees what the lock's
-- previous holders committed. Decisions are made in memory, then written set-based. A refusal is
-- an answer, never an exception: one request's refusal never stops the others.
-- Generic plans, always: every join is on a unique key, so one plan fits every batch size, while
-- the default (a custom plan whenever its estimate beats the generic one's, as it does for batches
-- smaller than the ten rows an array parameter is assumed to hold) planned every statement anew on
-- every call: a batch of one cost twice a single call. A cached plan is made again when its tables
-- are analyzed, so one made while they were small does not stay.

CREATE TYPE credits_hold_batch_answer AS (ordinal integer, outcome text, hold_id uuid, service_key text, status hold_status,
  quantity integer, credits integer, held integer, expires_at timestamptz, settled_quantity integer, settled_credits integer,
  settlement_entry_id uuid, reference_id text, created_at timestamptz, ended_at timestamptz, balance integer, available integer);

-- The batch's answers: the outcome, the wallet as it stood after that request, and the hold read
-- once every write is done (a hold is written by one request of a batch at most, so that is the
-- hold as the request left it).
CREATE FUNCTION credits_hold_batch_answers(p_ordinals integer[], p_outcomes text[], p_holds uuid[], p_balances integer[],
  p_available integer[])
RETURNS SETOF credits_hold_batch_answer LANGUAGE sql STABLE AS $$
  SELECT a.n, a.outcome, h.id, s.key, h.status, h.quantity, h.credits, h.held, h.expires_at, h.settled_quantity,
    h.settled_credits, h.settlement_entry_id, h.reference_id, h.created_at, h.ended_at, a.balance, a.available
  FROM unnest(p_ordinals, p_outcomes, p_holds, p_balances, p_available) AS a(n, outcome, hold_id, balance, available)
  LEFT JOIN credit_holds h ON h.id = a.hold_id
  LEFT JOIN services s ON s.id = h.service_id;
$$;

CREATE FUNCTION credits_hold_reserve_batch(p_workspace_ids uuid[], p_service_keys text[], p_quantities integer[],
  p_expires_at timestamptz[], p_keys text[], p_hashes text[], p_actor_type actor_type, p_actor_ids text[],
  p_reference_ids text[], p_descriptions text[], p_now timestamptz)
RETURNS SETOF credits_hold_batch_answer LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  -- What the timestamptz(3) columns will hold, so an answer equals its later replay.
  v_now timestamptz := p_now::timestamptz(3);
  v_item record;
  v_outcome text;
  v_hold uuid;
  -- The wallet whose requests are being decided (they come grouped by wallet), as it stands.
  v_wallet uuid;
  v_balance integer;
  v_held integer;
  v_status wallet_status;
  v_free bigint;
  v_reserved boolean := false;
  -- Live lots with free credits of every wallet in the batch, grouped by wallet, each group in
  -- draw order; v_lot points at the next lot to pin.
  v_lot_ids uuid[];
  v_lot_wallets uuid[];
  v_lot_free integer[];
  v_lot_before integer[];
  v_lot integer := 1;
  v_take integer;
  v_left integer;
  v_answer_ordinals integer[] := '{}';
  v_answer_outcomes text[] := '{}';
  v_answer_holds uuid[] := '{}';
  v_answer_balances integer[] := '{}';
  v_answer_available integer[] := '{}';
  -- What to write once every request is decided.
  v_wallet_ids uuid[] := '{}';
  v_wallet_held integer[] := '{}';
  v_hold_ids uuid[] := '{}';
  v_hold_ordinals integer[] := '{}';
  v_hold_wallets uuid[] := '{}';
  v_hold_services uuid[] := '{}';
  v_hold_unit_costs integer[] := '{}';
  v_hold_credits integer[] := '{}';
  v_pin_holds uuid[] := '{}';
  v_pin_lots uuid[] := '{}';
  v_pin_credits integer[] := '{}';
BEGIN
  IF EXISTS (SELECT FROM unnest(p_workspace_ids, p_keys) AS t(workspace_id, idem_key) GROUP BY t.workspace_id, t.idem_key HAVING count(*) > 1) THEN
    RAISE EXCEPTION 'credits_hold_reserve_batch: a key appears twice for one workspace' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  PERFORM FROM wallets w WHERE w.workspace_id = ANY (p_workspace_ids) ORDER BY w.id FOR UPDATE;

  SELECT array_agg(g.id ORDER BY g.wallet_id, g.expires_at ASC NULLS LAST, g.created_at, g.id),
         array_agg(g.wallet_id ORDER BY g.wallet_id, g.expires_at ASC NULLS LAST, g.created_at, g.id),
         array_agg(g.remaining - g.held ORDER BY g.wallet_id, g.expires_at ASC NULLS LAST, g.created_at, g.id)
    INTO v_lot_ids, v_lot_wallets, v_lot_free
    FROM credit_grants g JOIN wallets w ON w.id = g.wallet_id
    WHERE w.workspace_id = ANY (p_workspace_ids) AND g.remaining > g.held AND (g.expires_at IS NULL OR g.expires_at > v_now);
  v_lot_ids := coalesce(v_lot_ids, '{}');
  v_lot_wallets := coalesce(v_lot_wallets, '{}');
  v_lot_free := coalesce(v_lot_free, '{}');
  v_lot_before := v_lot_free;

  FOR v_item IN
    SELECT t.n::integer AS n, w.id AS wallet_id, w.balance AS wallet_balance, w.held AS wallet_held, w.status AS wallet_status,
      t.quantity, t.expires_at, t.hash, s.id AS service_id, s.unit_cost_credits AS unit_cost,
      s.unit_cost_credits::bigint * t.quantity AS cost, r.id AS replay_id, r.request_hash AS replay_hash
    FROM unnest(p_workspace_ids, p_service_keys, p_quantities, p_expires_at, p_keys, p_hashes)
      WITH ORDINALITY AS t(workspace_id, service_key, quantity, expires_at, idem_key, hash, n)
    LEFT JOIN wallets w ON w.workspace_id = t.workspace_id
    LEFT JOIN services s ON s.key = t.service_key AND s.is_active
    LEFT JOIN credit_holds r ON r.wallet_id = w.id AND r.idempotency_key = t.idem_key
    ORDER BY w.id NULLS LAST, t.n
  LOOP
    IF v_item.wallet_id IS DISTINCT FROM v_wallet THEN
      IF v_reserved THEN
        v_wallet_ids := v_wallet_ids || v_wallet;
        v_wallet_held := v_wallet_held || v_held;
      END IF;
      v_wallet := v_item.wallet_id;
      v_balance := v_item.wallet_balance;
      v_held := v_item.wallet_held;
      v_status := v_item.wallet_status;
      v_reserved := false;
      v_free := 0;
      IF v_wallet IS NOT NULL THEN
        WHILE v_lot <= cardinality(v_lot_ids) AND v_lot_wallets[v_lot] < v_wallet LOOP v_lot := v_lot + 1; END LOOP;
        FOR i IN v_lot .. cardinality(v_lot_ids) LOOP
          EXIT WHEN v_lot_wallets[i] <> v_wallet;
          v_free := v_free + v_lot_free[i];
        END LOOP;
      END IF;
    END IF;

    v_hold := NULL;
    IF v_item.wallet_id IS NULL THEN
      v_outcome := 'not_found';
    ELSIF v_item.replay_id IS NOT NULL THEN
      v_outcome := CASE WHEN v_item.replay_hash = v_item.hash THEN 'replayed' ELSE 'idempotency_mismatch' END;
      v_hold := v_item.replay_id;
    ELSIF v_item.service_id IS NULL THEN
      v_outcome := 'unknown_service';
    ELSIF v_item.quantity <= 0 OR v_item.cost <= 0 OR v_item.cost > 1000000000 OR v_item.expires_at IS NULL OR v_item.expires_at <= v_now THEN
      v_outcome := 'invalid_amount';
    ELSIF v_status = 'PAUSED' THEN
      v_outcome := 'wallet_paused';
    ELSIF v_balance - v_held < v_item.cost OR v_free < v_item.cost THEN
      v_outcome := 'insufficient_credits';
    ELSE
      -- v_free >= cost, so the pins never leave this wallet's lots.
      v_outcome := 'applied';
      v_hold := gen_random_uuid();
      v_left := v_item.cost;
      WHILE v_left > 0 LOOP
        v_take := least(v_lot_free[v_lot], v_left);
        v_lot_free[v_lot] := v_lot_free[v_lot] - v_take;
        v_left := v_left - v_take;
        v_pin_holds := v_pin_holds || v_hold;
        v_pin_lots := v_pin_lots || v_lot_ids[v_lot];
        v_pin_credits := v_pin_credits || v_take;
        IF v_lot_free[v_lot] = 0 THEN v_lot := v_lot + 1; END IF;
      END LOOP;
      v_free := v_free - v_item.cost;
      v_held := v_held + v_item.cost;
      v_reserved := true;
      v_hold_ids := v_hold_ids || v_hold;
      v_hold_ordinals := v_hold_ordinals || v_item.n;
      v_hold_wallets := v_hold_wallets || v_wallet;
      v_hold_services := v_hold_services || v_item.service_id;
      v_hold_unit_costs := v_hold_unit_costs || v_item.unit_cost;
      v_hold_credits := v_hold_credits || v_item.cost::integer;
    END IF;
    v_answer_ordinals := v_answer_ordinals || v_item.n;
    v_answer_outcomes := v_answer_outcomes || v_outcome;
    v_answer_holds := v_answer_holds || v_hold;
    v_answer_balances := v_answer_balances || v_balance;
    v_answer_available := v_answer_available || (v_balance - v_held);
  END LOOP;
  IF v_reserved THEN
    v_wallet_ids := v_wallet_ids || v_wallet;
    v_wallet_held := v_wallet_held || v_held;
  END IF;

  IF cardinality(v_hold_ids) > 0 THEN
    INSERT INTO credit_holds (id, wallet_id, workspace_id, service_id, unit_cost_credits, quantity, credits, held, expires_at,
      idempotency_key, request_hash, actor_type, actor_id, reference_id, description, created_at)
    SELECT u.id, u.wallet_id, p_workspace_ids[u.n], u.service_id, u.unit_cost, p_quantities[u.n], u.credits, u.credits,
      p_expires_at[u.n], p_keys[u.n], p_hashes[u.n], p_actor_type, p_actor_ids[u.n], p_reference_ids[u.n], p_descriptions[u.n], v_now
    FROM unnest(v_hold_ids, v_hold_ordinals, v_hold_wallets, v_hold_services, v_hold_unit_costs, v_hold_credits)
      AS u(id, n, wallet_id, service_id, unit_cost, credits);
    INSERT INTO credit_hold_lots (hold_id, grant_id, credits)
    SELECT * FROM unnest(v_pin_holds, v_pin_lots, v_pin_credits);
    UPDATE credit_grants g SET held = g.held + (u.before - u.free), updated_at = v_now
      FROM unnest(v_lot_ids, v_lot_free, v_lot_before) AS u(id, free, before)
      WHERE g.id = u.id AND u.free <> u.before;
    UPDATE wallets w SET held = u.held, updated_at = v_now
      FROM unnest(v_wallet_ids, v_wallet_held) AS u(id, held) WHERE w.id = u.id;
  END IF;
  RETURN QUERY SELECT * FROM credits_hold_batch_answers(v_answer_ordinals, v_answer_outcomes, v_answer_holds, v_answer_balances, v_answer_available);
END;
$$;

-- Settlements within what their holds hold are decided here. A settlement beyond its hold on a
-- service whose policy allows overage, or one that gives credits back to a lapsed lot, is not: it
-- sends every settlement of its wallet in the batch through credits_hold_settle, one by one, in
-- order (its wallet's decisions so far are dropped first; nothing of them is written yet).
CREATE FUNCTION credits_hold_settle_batch(p_workspace_ids uuid[], p_hold_ids uuid[], p_quantities integer[],
  p_keys text[], p_hashes text[], p_actor_type actor_type, p_actor_ids text[], p_now timestamptz)
RETURNS SETOF credits_hold_batch_answer LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  v_now timestamptz := p_now::timestamptz(3);
  v_item record;
  v_outcome text;
  v_cost bigint;
  v_left integer;
  v_take integer;
  v_entry uuid;
  v_wallet uuid;
  v_balance integer;
  v_held integer;
  v_settled boolean := false;
  v_one_by_one boolean := false;
  -- Wallets settled one by one, and where the current wallet's decisions start in the arrays.
  v_serial uuid[] := '{}';
  v_answers_from integer;
  v_settled_from integer;
  v_pins_from integer;
  v_answer_ordinals integer[] := '{}';
  v_answer_outcomes text[] := '{}';
  v_answer_holds uuid[] := '{}';
  v_answer_balances integer[] := '{}';
  v_answer_available integer[] := '{}';
  v_wallet_ids uuid[] := '{}';
  v_wallet_balances integer[] := '{}';
  v_wallet_held integer[] := '{}';
  -- One per settled hold: its entry, and what the hold is settled for.
  v_hold_ids uuid[] := '{}';
  v_hold_ordinals integer[] := '{}';
  v_hold_costs integer[] := '{}';
  v_entry_ids uuid[] := '{}';
  v_entry_wallets uuid[] := '{}';
  v_entry_workspaces uuid[] := '{}';
  v_entry_balances integer[] := '{}';
  v_entry_services uuid[] := '{}';
  v_entry_descriptions text[] := '{}';
  -- One per pin given up: what it held, and what of it was spent.
  v_pin_holds uuid[] := '{}';
  v_pin_lots uuid[] := '{}';
  v_pin_held integer[] := '{}';
  v_pin_spent integer[] := '{}';
BEGIN
  IF EXISTS (SELECT FROM unnest(p_hold_ids) AS t(hold_id) GROUP BY t.hold_id HAVING count(*) > 1) THEN
    RAISE EXCEPTION 'credits_hold_settle_batch: a hold appears twice' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  PERFORM FROM wallets w WHERE w.workspace_id = ANY (p_workspace_ids) ORDER BY w.id FOR UPDATE;
  -- Holds are read without their own lock: every writer of a hold holds its wallet's lock first.

  FOR v_item IN
    SELECT t.n::integer AS n, t.quantity, t.idem_key, t.hash, w.id AS wallet_id, w.workspace_id, w.balance AS wallet_balance,
      w.held AS wallet_held, h.id AS hold_id, h.status AS hold_status, h.expires_at AS hold_expires_at,
      h.unit_cost_credits AS unit_cost, h.held AS hold_held, h.end_key, h.end_hash, h.service_id, h.description,
      s.hold_overage AS policy, pins.lots AS pin_lots, pins.credits AS pin_credits, pins.lapsed AS pin_lapsed
    FROM unnest(p_workspace_ids, p_hold_ids, p_quantities, p_keys, p_hashes)
      WITH ORDINALITY AS t(workspace_id, hold_id, quantity, idem_key, hash, n)
    LEFT JOIN wallets w ON w.workspace_id = t.workspace_id
    LEFT JOIN credit_holds h ON h.id = t.hold_id AND h.wallet_id = w.id
    LEFT JOIN services s ON s.id = h.service_id
    -- The hold's pins in spending order (soonest expiry first), each lot found by its key (see
    -- credits_hold_unpin).
    LEFT JOIN LATERAL (
      SELECT array_agg(p.grant_id ORDER BY g.expires_at ASC NULLS LAST, g.created_at, p.grant_id) AS lots,
             array_agg(p.credits ORDER BY g.expires_at ASC NULLS LAST, g.created_at, p.grant_id) AS credits,
             array_agg(coalesce(g.expires_at <= v_now, false) ORDER BY g.expires_at ASC NULLS LAST, g.created_at, p.grant_id) AS lapsed
      FROM credit_hold_lots p
      CROSS JOIN LATERAL (SELECT l.expires_at, l.created_at FROM credit_grants l WHERE l.id = p.grant_id OFFSET 0) g
      WHERE p.hold_id = h.id AND p.credits > 0 AND h.status = 'ACTIVE') pins ON true
    ORDER BY w.id NULLS LAST, t.n
  LOOP
    IF v_item.wallet_id IS DISTINCT FROM v_wallet THEN
      IF v_settled AND NOT v_one_by_one THEN
        v_wallet_ids := v_wallet_ids || v_wallet;
        v_wallet_balances := v_wallet_balances || v_balance;
        v_wallet_held := v_wallet_held || v_held;
      END IF;
      v_wallet := v_item.wallet_id;
      v_balance := v_item.wallet_balance;
      v_held := v_item.wallet_held;
      v_settled := false;
      v_one_by_one := false;
      v_answers_from := cardinality(v_answer_ordinals);
      v_settled_from := cardinality(v_hold_ids);
      v_pins_from := cardinality(v_pin_holds);
    END IF;
    CONTINUE WHEN v_one_by_one;

    v_outcome := NULL;
    IF v_item.wallet_id IS NULL OR v_item.hold_id IS NULL THEN
      v_outcome := 'not_found';
    ELSIF v_item.end_key = v_item.idem_key THEN
      v_outcome := CASE WHEN v_item.end_hash = v_item.hash THEN 'replayed' ELSE 'idempotency_mismatch' END;
    ELSIF v_item.hold_status <> 'ACTIVE' THEN
      v_outcome := 'hold_not_active';
    ELSIF v_item.hold_expires_at <= v_now THEN
      v_outcome := 'hold_expired';
    ELSE
      v_cost := v_item.unit_cost::bigint * v_item.quantity;
      IF v_item.quantity <= 0 OR v_cost > 1000000000 THEN
        v_outcome := 'invalid_amount';
      ELSIF v_cost > v_item.hold_held AND v_item.policy = 'NONE' THEN
        v_outcome := 'exceeds_hold';
      ELSIF v_cost > v_item.hold_held THEN
        v_one_by_one := true;
      ELSIF v_balance::bigint - v_cost < -2000000000 THEN
        v_outcome := 'balance_limit';
      ELSE
        -- Spend the pins in order; what a pin does not spend goes back to its lot.
        v_left := v_cost;
        FOR i IN 1 .. coalesce(cardinality(v_item.pin_lots), 0) LOOP
          v_take := least(v_item.pin_credits[i], v_left);
          v_left := v_left - v_take;
          IF v_item.pin_credits[i] > v_take AND v_item.pin_lapsed[i] THEN
            v_one_by_one := true;
            EXIT;
          END IF;
          v_pin_holds := v_pin_holds || v_item.hold_id;
          v_pin_lots := v_pin_lots || v_item.pin_lots[i];
          v_pin_held := v_pin_held || v_item.pin_credits[i];
          v_pin_spent := v_pin_spent || v_take;
        END LOOP;
        IF NOT v_one_by_one THEN
          v_outcome := 'applied';
          v_entry := gen_random_uuid();
          v_balance := v_balance - v_cost;
          v_held := v_held - v_item.hold_held;
          v_settled := true;
          v_hold_ids := v_hold_ids || v_item.hold_id;
          v_hold_ordinals := v_hold_ordinals || v_item.n;
          v_hold_costs := v_hold_costs || v_cost::integer;
          v_entry_ids := v_entry_ids || v_entry;
          v_entry_wallets := v_entry_wallets || v_wallet;
          v_entry_workspaces := v_entry_workspaces || v_item.workspace_id;
          v_entry_balances := v_entry_balances || v_balance;
          v_entry_services := v_entry_services || v_item.service_id;
          v_entry_descriptions := v_entry_descriptions || v_item.description;
        END IF;
      END IF;
    END IF;

    IF v_one_by_one THEN
      v_serial := v_serial || v_wallet;
      v_answer_ordinals := v_answer_ordinals[1:v_answers_from];
      v_answer_outcomes := v_answer_outcomes[1:v_answers_from];
      v_answer_holds := v_answer_holds[1:v_answers_from];
      v_answer_balances := v_answer_balances[1:v_answers_from];
      v_answer_available := v_answer_available[1:v_answers_from];
      v_hold_ids := v_hold_ids[1:v_settled_from];
      v_hold_ordinals := v_hold_ordinals[1:v_settled_from];
      v_hold_costs := v_hold_costs[1:v_settled_from];
      v_entry_ids := v_entry_ids[1:v_settled_from];
      v_entry_wallets := v_entry_wallets[1:v_settled_from];
      v_entry_workspaces := v_entry_workspaces[1:v_settled_from];
      v_entry_balances := v_entry_balances[1:v_settled_from];
      v_entry_services := v_entry_services[1:v_settled_from];
      v_entry_descriptions := v_entry_descriptions[1:v_settled_from];
      v_pin_holds := v_pin_holds[1:v_pins_from];
      v_pin_lots := v_pin_lots[1:v_pins_from];
      v_pin_held := v_pin_held[1:v_pins_from];
      v_pin_spent := v_pin_spent[1:v_pins_from];
      CONTINUE;
    END IF;
    v_answer_ordinals := v_answer_ordinals || v_item.n;
    v_answer_outcomes := v_answer_outcomes || v_outcome;
    v_answer_holds := v_answer_holds || v_item.hold_id;
    v_answer_balances := v_answer_balances || v_balance;
    v_answer_available := v_answer_available || (v_balance - v_held);
  END LOOP;
  IF v_settled AND NOT v_one_by_one THEN
    v_wallet_ids := v_wallet_ids || v_wallet;
    v_wallet_balances := v_wallet_balances || v_balance;
    v_wallet_held := v_wallet_held || v_held;
  END IF;

  IF cardinality(v_hold_ids) > 0 THEN
    UPDATE credit_grants g SET held = g.held - d.held, remaining = g.remaining - d.spent, updated_at = v_now
      FROM (SELECT u.id, sum(u.held)::integer AS held, sum(u.spent)::integer AS spent
            FROM unnest(v_pin_lots, v_pin_held, v_pin_spent) AS u(id, held, spent) GROUP BY u.id) d
      WHERE g.id = d.id;
    UPDATE credit_hold_lots p SET credits = 0
      FROM unnest(v_pin_holds, v_pin_lots) AS u(hold_id, grant_id) WHERE p.hold_id = u.hold_id AND p.grant_id = u.grant_id;
    -- In decision order, so one wallet's entries take sequence numbers in request order.
    INSERT INTO ledger_entries (id, wallet_id, workspace_id, type, amount, balance_after, idempotency_key,
      request_hash, actor_type, actor_id, reference_type, reference_id, service_id, quantity, description, created_at)
    SELECT u.id, u.wallet_id, u.workspace_id, 'USAGE', -u.credits, u.balance_after, 'hold:' || u.hold_id, p_hashes[u.n],
      p_actor_type, p_actor_ids[u.n], 'credit_hold', u.hold_id::text, u.service_id, p_quantities[u.n], u.description, v_now
    FROM unnest(v_entry_ids, v_hold_ids, v_hold_ordinals, v_entry_wallets, v_entry_workspaces, v_hold_costs, v_entry_balances,
      v_entry_services, v_entry_descriptions) WITH ORDINALITY AS u(id, hold_id, n, wallet_id, workspace_id, credits, balance_after,
      service_id, description, k)
    ORDER BY u.k;
    UPDATE wallets w SET balance = u.balance, held = u.held, updated_at = v_now
      FROM unnest(v_wallet_ids, v_wallet_balances, v_wallet_held) AS u(id, balance, held) WHERE w.id = u.id;
    UPDATE credit_holds h SET status = 'SETTLED', held = 0, settled_quantity = p_quantities[u.n], settled_credits = u.credits,
        settlement_entry_id = u.entry_id, end_key = p_keys[u.n], end_hash = p_hashes[u.n], ended_at = v_now
      FROM unnest(v_hold_ids, v_hold_ordinals, v_hold_costs, v_entry_ids) AS u(id, n, credits, entry_id) WHERE h.id = u.id;
  END IF;

  IF cardinality(v_serial) > 0 THEN
    FOR v_item IN
      SELECT t.n::integer AS n, t.workspace_id, t.hold_id, t.quantity, t.idem_key, t.hash, t.actor_id
      FROM unnest(p_workspace_ids, p_hold_ids, p_quantities, p_keys, p_hashes, p_actor_ids)
        WITH ORDINALITY AS t(workspace_id, hold_id, quantity, idem_key, hash, actor_id, n)
      JOIN wallets w ON w.workspace_id = t.workspace_id
      WHERE w.id = ANY (v_serial)
      ORDER BY w.id, t.n
    LOOP
      RETURN QUERY SELECT v_item.n, r.* FROM credits_hold_settle(v_item.workspace_id, v_item.hold_id, v_item.quantity,
        v_item.idem_key, v_item.hash, p_actor_type, v_item.actor_id, p_now) r;
    END LOOP;
  END IF;
  RETURN QUERY SELECT * FROM credits_hold_batch_answers(v_answer_ordinals, v_answer_outcomes, v_answer_holds, v_answer_balances, v_answer_available);
END;
$$;
