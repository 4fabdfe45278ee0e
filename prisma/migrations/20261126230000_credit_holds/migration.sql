-- Durable credit holds: reserve before a job runs, settle what it really cost (docs/architecture.md, "Holds").

-- CreateEnum
CREATE TYPE "hold_status" AS ENUM ('ACTIVE', 'SETTLED', 'RELEASED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "hold_overage" AS ENUM ('NONE', 'AVAILABLE', 'DEBT');

-- AlterTable
ALTER TABLE "credit_grants" ADD COLUMN     "held" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "hold_overage" "hold_overage" NOT NULL DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "wallets" ADD COLUMN     "held" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "credit_holds" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "wallet_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "unit_cost_credits" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "credits" INTEGER NOT NULL,
    "held" INTEGER NOT NULL,
    "status" "hold_status" NOT NULL DEFAULT 'ACTIVE',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "actor_type" "actor_type" NOT NULL,
    "actor_id" TEXT,
    "reference_id" TEXT,
    "description" TEXT,
    "settled_quantity" INTEGER,
    "settled_credits" INTEGER,
    "settlement_entry_id" UUID,
    "end_key" TEXT,
    "end_hash" TEXT,
    "extend_key" TEXT,
    "extend_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "credit_holds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_hold_lots" (
    "hold_id" UUID NOT NULL,
    "grant_id" UUID NOT NULL,
    "credits" INTEGER NOT NULL,

    CONSTRAINT "credit_hold_lots_pkey" PRIMARY KEY ("hold_id","grant_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "credit_holds_settlement_entry_id_key" ON "credit_holds"("settlement_entry_id");

-- CreateIndex
CREATE INDEX "credit_holds_workspace_id_created_at_idx" ON "credit_holds"("workspace_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "credit_holds_status_expires_at_idx" ON "credit_holds"("status", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "credit_holds_wallet_id_idempotency_key_key" ON "credit_holds"("wallet_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "credit_hold_lots_grant_id_idx" ON "credit_hold_lots"("grant_id");

-- AddForeignKey
ALTER TABLE "credit_holds" ADD CONSTRAINT "credit_holds_wallet_id_fkey" FOREIGN KEY ("wallet_id") REFERENCES "wallets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_hold_lots" ADD CONSTRAINT "credit_hold_lots_hold_id_fkey" FOREIGN KEY ("hold_id") REFERENCES "credit_holds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_hold_lots" ADD CONSTRAINT "credit_hold_lots_grant_id_fkey" FOREIGN KEY ("grant_id") REFERENCES "credit_grants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What a hold reserves stays within its lots and its wallet: a lot never holds more than it has,
-- and Σ held of a wallet's lots = Σ held of its active holds = wallets.held (integrity report).
ALTER TABLE credit_grants ADD CONSTRAINT credit_grants_remaining_covers_held CHECK (held BETWEEN 0 AND remaining);
ALTER TABLE wallets ADD CONSTRAINT wallets_held_not_negative CHECK (held >= 0);
ALTER TABLE credit_holds ADD CONSTRAINT credit_holds_amounts CHECK (quantity > 0 AND credits > 0 AND held BETWEEN 0 AND credits);
ALTER TABLE credit_hold_lots ADD CONSTRAINT credit_hold_lots_credits_not_negative CHECK (credits >= 0);
-- A spend never takes a wallet below zero, except a hold's settlement on a service whose overage
-- policy allows debt (the function checks the policy; the reference type marks the exception).
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_usage_not_negative,
  ADD CONSTRAINT ledger_entries_usage_not_negative CHECK (type <> 'USAGE' OR balance_after >= 0 OR reference_type IS NOT DISTINCT FROM 'credit_hold');
-- The expiry sweep's and the list's lookups of active holds.
CREATE INDEX credit_holds_active_expires_at_idx ON credit_holds (expires_at) WHERE status = 'ACTIVE';

-- ─── The rules every credit movement follows now ─────────────────────────────────────────
-- Available = balance − held. Spends and new holds check it, and draw only what holds leave
-- free in each lot (remaining − held). Removals, clawbacks and reversals take free credits first;
-- if they need more, they take held ones too, and the holds those credits backed shrink, newest
-- hold first (a removal is a decision about the wallet; it is not refused because of a job).
-- Lapse: credits a hold reserved stay reserved when their lot lapses; the job was promised
-- them. The sweep expires only what holds leave free of a lapsed lot; settling may spend the
-- held credits; what a hold gives back to a lapsed lot expires at that moment (an EXPIRY entry
-- of that lot, keyed `expiry:<lot>:<hold>`).

-- Spending: what holds leave free, in the wallet and in each lot.
CREATE OR REPLACE FUNCTION credits_consume(p_workspace_id uuid, p_service_key text, p_quantity integer,
  p_key text, p_hash text, p_actor_type actor_type, p_actor_id text, p_reference_id text,
  p_description text, p_now timestamptz,
  OUT outcome text, OUT entry_id uuid, OUT amount integer, OUT balance_after integer, OUT created_at timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_wallet_id uuid;
  v_balance integer;
  v_held integer;
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
    WHERE w.workspace_id = p_workspace_id AND w.status = 'ACTIVE' AND w.balance - w.held >= v_cost
    RETURNING w.id, w.balance INTO v_wallet_id, v_balance;
  IF NOT FOUND THEN
    -- The debit's snapshot said no; this re-read waits for the lock and sees the latest row.
    v_debited := false;
    SELECT w.id, w.balance, w.held, w.status INTO v_wallet_id, v_balance, v_held, v_status
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
    IF v_balance - v_held < v_cost THEN outcome := 'insufficient_credits'; RETURN; END IF;
    -- Funded and active after all: a credit or resume committed while we waited.
    UPDATE wallets w SET balance = w.balance - v_cost, updated_at = p_now WHERE w.id = v_wallet_id
      RETURNING w.balance INTO v_balance;
  END IF;

  -- Soonest-expiring spendable lot first; lapsed lots wait for the expiry sweep. Usually one
  -- lot covers the whole cost: one statement. Otherwise walk the lots in order.
  UPDATE credit_grants g SET remaining = g.remaining - v_cost, updated_at = p_now
    WHERE g.id = (SELECT f.id FROM credit_grants f
                  WHERE f.wallet_id = v_wallet_id AND f.remaining > f.held AND (f.expires_at IS NULL OR f.expires_at > p_now)
                  ORDER BY f.expires_at ASC NULLS LAST, f.created_at, f.id LIMIT 1)
      AND g.remaining - g.held >= v_cost;
  IF NOT FOUND THEN
    v_left := v_cost;
    FOR v_lot IN
      SELECT g.id, g.remaining - g.held AS remaining FROM credit_grants g
      WHERE g.wallet_id = v_wallet_id AND g.remaining > g.held AND (g.expires_at IS NULL OR g.expires_at > p_now)
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

CREATE OR REPLACE FUNCTION credits_consume_batch(p_workspace_ids uuid[], p_service_keys text[], p_quantities integer[],
  p_keys text[], p_hashes text[], p_actor_type actor_type, p_actor_ids text[], p_reference_ids text[],
  p_descriptions text[], p_now timestamptz)
RETURNS TABLE (ordinal integer, outcome text, entry_id uuid, amount integer, balance_after integer, created_at timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  -- What the timestamptz(3) columns will hold, so an answer equals its later replay.
  v_now timestamptz := p_now::timestamptz(3);
  v_event record;
  -- The wallet whose events are being decided (events come grouped by wallet), as it stands.
  v_wallet uuid;
  v_balance integer;
  v_held integer;
  v_status wallet_status;
  v_live bigint;
  v_debited boolean := false;
  -- Live lots of every wallet in the batch, grouped by wallet, each group in draw order; v_lot
  -- points at the next lot to draw from.
  v_lot_ids uuid[];
  v_lot_wallets uuid[];
  v_lot_left integer[];
  v_lot_before integer[];
  v_lot integer := 1;
  v_take integer;
  v_left integer;
  -- What to write once every event is decided.
  v_wallet_ids uuid[] := '{}';
  v_wallet_balances integer[] := '{}';
  v_entry_ids uuid[] := '{}';
  v_entry_ordinals integer[] := '{}';
  v_entry_wallets uuid[] := '{}';
  v_entry_amounts integer[] := '{}';
  v_entry_balances integer[] := '{}';
  v_entry_services uuid[] := '{}';
BEGIN
  IF EXISTS (SELECT FROM unnest(p_workspace_ids, p_keys) AS t(workspace_id, idem_key) GROUP BY t.workspace_id, t.idem_key HAVING count(*) > 1) THEN
    RAISE EXCEPTION 'credits_consume_batch: a key appears twice for one workspace' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  PERFORM FROM wallets w WHERE w.workspace_id = ANY (p_workspace_ids) ORDER BY w.id FOR UPDATE;
  -- From here on every statement's snapshot is newer than the locks.

  SELECT array_agg(g.id ORDER BY g.wallet_id, g.expires_at ASC NULLS LAST, g.created_at, g.id),
         array_agg(g.wallet_id ORDER BY g.wallet_id, g.expires_at ASC NULLS LAST, g.created_at, g.id),
         array_agg(g.remaining - g.held ORDER BY g.wallet_id, g.expires_at ASC NULLS LAST, g.created_at, g.id)
    INTO v_lot_ids, v_lot_wallets, v_lot_left
    FROM credit_grants g JOIN wallets w ON w.id = g.wallet_id
    WHERE w.workspace_id = ANY (p_workspace_ids) AND g.remaining > g.held AND (g.expires_at IS NULL OR g.expires_at > p_now);
  v_lot_ids := coalesce(v_lot_ids, '{}');
  v_lot_wallets := coalesce(v_lot_wallets, '{}');
  v_lot_left := coalesce(v_lot_left, '{}');
  v_lot_before := v_lot_left;

  FOR v_event IN
    SELECT t.n::integer AS n, t.workspace_id, w.id AS wallet_id, w.balance, w.held, w.status, t.quantity,
      s.id AS service_id, s.unit_cost_credits::bigint * t.quantity AS cost,
      e.id AS replay_id, e.amount AS replay_amount, e.balance_after AS replay_balance, e.created_at AS replay_at, e.request_hash AS replay_hash,
      t.hash
    FROM unnest(p_workspace_ids, p_service_keys, p_quantities, p_keys, p_hashes)
      WITH ORDINALITY AS t(workspace_id, service_key, quantity, idem_key, hash, n)
    LEFT JOIN wallets w ON w.workspace_id = t.workspace_id
    LEFT JOIN services s ON s.key = t.service_key AND s.is_active
    LEFT JOIN LATERAL (SELECT r.id, r.amount, r.balance_after, r.created_at, r.request_hash FROM ledger_entries r
                       WHERE r.wallet_id = w.id AND r.idempotency_key = t.idem_key LIMIT 1) e ON true
    ORDER BY w.id NULLS LAST, t.n
  LOOP
    ordinal := v_event.n;
    entry_id := NULL; amount := NULL; balance_after := NULL; created_at := NULL;
    IF v_event.wallet_id IS DISTINCT FROM v_wallet THEN
      IF v_debited THEN
        v_wallet_ids := v_wallet_ids || v_wallet;
        v_wallet_balances := v_wallet_balances || v_balance;
      END IF;
      v_wallet := v_event.wallet_id;
      v_balance := v_event.balance;
      v_held := v_event.held;
      v_status := v_event.status;
      v_debited := false;
      v_live := 0;
      IF v_wallet IS NOT NULL THEN
        WHILE v_lot <= cardinality(v_lot_ids) AND v_lot_wallets[v_lot] < v_wallet LOOP v_lot := v_lot + 1; END LOOP;
        FOR i IN v_lot .. cardinality(v_lot_ids) LOOP
          EXIT WHEN v_lot_wallets[i] <> v_wallet;
          v_live := v_live + v_lot_left[i];
        END LOOP;
      END IF;
    END IF;

    IF v_event.wallet_id IS NULL THEN
      outcome := 'not_found';
    ELSIF v_event.replay_id IS NOT NULL THEN
      outcome := CASE WHEN v_event.replay_hash = v_event.hash THEN 'replayed' ELSE 'idempotency_mismatch' END;
      entry_id := v_event.replay_id; amount := v_event.replay_amount;
      balance_after := v_event.replay_balance; created_at := v_event.replay_at;
    ELSIF v_event.service_id IS NULL THEN
      outcome := 'unknown_service';
    ELSIF v_event.quantity <= 0 OR v_event.cost > 1000000000 THEN
      outcome := 'invalid_amount';
    ELSIF v_status = 'PAUSED' THEN
      outcome := 'wallet_paused';
    ELSIF v_balance - v_held < v_event.cost OR v_live < v_event.cost THEN
      outcome := 'insufficient_credits';
    ELSE
      -- v_live >= cost, so the draw never leaves this wallet's lots.
      v_left := v_event.cost;
      WHILE v_left > 0 LOOP
        v_take := least(v_lot_left[v_lot], v_left);
        v_lot_left[v_lot] := v_lot_left[v_lot] - v_take;
        v_left := v_left - v_take;
        IF v_lot_left[v_lot] = 0 THEN v_lot := v_lot + 1; END IF;
      END LOOP;
      v_live := v_live - v_event.cost;
      v_balance := v_balance - v_event.cost;
      v_debited := true;
      outcome := 'applied';
      entry_id := gen_random_uuid(); amount := -v_event.cost; balance_after := v_balance; created_at := v_now;
      v_entry_ids := v_entry_ids || entry_id;
      v_entry_ordinals := v_entry_ordinals || v_event.n;
      v_entry_wallets := v_entry_wallets || v_wallet;
      v_entry_amounts := v_entry_amounts || amount;
      v_entry_balances := v_entry_balances || v_balance;
      v_entry_services := v_entry_services || v_event.service_id;
    END IF;
    RETURN NEXT;
  END LOOP;
  IF v_debited THEN
    v_wallet_ids := v_wallet_ids || v_wallet;
    v_wallet_balances := v_wallet_balances || v_balance;
  END IF;

  IF cardinality(v_entry_ids) = 0 THEN RETURN; END IF;
  UPDATE wallets w SET balance = u.balance, updated_at = v_now
    FROM unnest(v_wallet_ids, v_wallet_balances) AS u(id, balance) WHERE w.id = u.id;
  UPDATE credit_grants g SET remaining = g.remaining - (u.before - u.remaining), updated_at = v_now
    FROM unnest(v_lot_ids, v_lot_left, v_lot_before) AS u(id, remaining, before)
    WHERE g.id = u.id AND u.remaining <> u.before;
  -- In decision order, so one wallet's entries take sequence numbers in request order.
  INSERT INTO ledger_entries (id, wallet_id, workspace_id, type, amount, balance_after, idempotency_key,
    request_hash, actor_type, actor_id, reference_type, reference_id, service_id, quantity, description, created_at)
  SELECT u.id, u.wallet_id, p_workspace_ids[u.n], 'USAGE', u.amount, u.balance_after, p_keys[u.n], p_hashes[u.n],
    p_actor_type, p_actor_ids[u.n], 'service_call', p_reference_ids[u.n], u.service_id, p_quantities[u.n], p_descriptions[u.n], v_now
  FROM unnest(v_entry_ids, v_entry_ordinals, v_entry_wallets, v_entry_amounts, v_entry_balances, v_entry_services)
    WITH ORDINALITY AS u(id, n, wallet_id, amount, balance_after, service_id, k)
  ORDER BY u.k;
END;
$$;

-- Takes up to p_amount credits out of the wallet's lots for a removal: free credits of live lots
-- first (a preferred lot first, then soonest expiry), then credits active holds reserve, newest
-- hold first, shrinking those holds. Returns what the lots could not give (it becomes debt).
-- Caller holds the wallet lock and has written lapsed lots off.
CREATE OR REPLACE FUNCTION credits_draw_lots(p_wallet_id uuid, p_amount integer, p_prefer_grant uuid, p_now timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_left integer := p_amount;
  v_ids uuid[] := '{}';
  v_takes integer[] := '{}';
  v_take integer;
  v_lot record;
  v_pin record;
BEGIN
  FOR v_lot IN
    SELECT g.id, g.remaining - g.held AS free FROM credit_grants g
    WHERE g.wallet_id = p_wallet_id AND g.remaining > g.held AND (g.expires_at IS NULL OR g.expires_at > p_now)
    ORDER BY (g.id = p_prefer_grant) DESC NULLS LAST, g.expires_at ASC NULLS LAST, g.created_at, g.id
  LOOP
    EXIT WHEN v_left = 0;
    v_ids := v_ids || v_lot.id;
    v_takes := v_takes || least(v_lot.free, v_left);
    v_left := v_left - least(v_lot.free, v_left);
  END LOOP;
  UPDATE credit_grants g SET remaining = g.remaining - t.take, updated_at = p_now
  FROM unnest(v_ids, v_takes) AS t(id, take) WHERE g.id = t.id;
  IF v_left = 0 THEN RETURN 0; END IF;

  FOR v_pin IN
    SELECT p.hold_id, p.grant_id, p.credits FROM credit_hold_lots p
    JOIN credit_holds h ON h.id = p.hold_id JOIN credit_grants g ON g.id = p.grant_id
    WHERE h.wallet_id = p_wallet_id AND h.status = 'ACTIVE' AND p.credits > 0
    ORDER BY h.created_at DESC, h.id DESC, (g.id = p_prefer_grant) DESC NULLS LAST, g.expires_at ASC NULLS LAST, g.created_at, g.id
  LOOP
    EXIT WHEN v_left = 0;
    v_take := least(v_pin.credits, v_left);
    UPDATE credit_hold_lots p SET credits = p.credits - v_take WHERE p.hold_id = v_pin.hold_id AND p.grant_id = v_pin.grant_id;
    UPDATE credit_holds h SET held = h.held - v_take WHERE h.id = v_pin.hold_id;
    UPDATE credit_grants g SET remaining = g.remaining - v_take, held = g.held - v_take, updated_at = p_now WHERE g.id = v_pin.grant_id;
    UPDATE wallets w SET held = w.held - v_take WHERE w.id = p_wallet_id;
    v_left := v_left - v_take;
  END LOOP;
  RETURN v_left;
END;
$$;

-- Writes off what a lapsed lot holds free (p_credits) as an EXPIRY entry under p_key. Caller
-- holds the wallet lock. The sweep's and a removal's write-off use the key `expiry:<lot>`; what a
-- hold gives back to a lapsed lot, `expiry:<lot>:<hold>`.
CREATE OR REPLACE FUNCTION credits_write_off(p_wallet wallets, p_lot_id uuid, p_credits integer, p_key text,
  p_description text, p_now timestamptz)
RETURNS ledger_entries LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credit_grants g SET remaining = g.remaining - p_credits, updated_at = p_now WHERE g.id = p_lot_id;
  RETURN credits_append_entry(p_wallet, 'EXPIRY', -p_credits, p_key, 'expiry', 'SYSTEM', NULL,
    'credit_grant', p_lot_id::text, NULL, NULL, NULL, p_description, p_now);
END;
$$;

CREATE OR REPLACE FUNCTION credits_write_off_lot(p_wallet wallets, p_lot_id uuid, p_remaining integer, p_now timestamptz)
RETURNS ledger_entries LANGUAGE sql AS $$
  SELECT credits_write_off(p_wallet, p_lot_id, p_remaining, 'expiry:' || p_lot_id, 'Credits expired', p_now);
$$;

-- Writes off what holds leave free of every lapsed lot; returns the wallet as it is afterwards.
CREATE OR REPLACE FUNCTION credits_write_off_lapsed(p_wallet wallets, p_now timestamptz)
RETURNS wallets LANGUAGE plpgsql AS $$
DECLARE
  v_wallet wallets := p_wallet;
  v_lot record;
BEGIN
  FOR v_lot IN
    SELECT g.id, g.remaining - g.held AS free FROM credit_grants g
    WHERE g.wallet_id = p_wallet.id AND g.remaining > g.held AND g.expires_at <= p_now
    ORDER BY g.expires_at, g.created_at, g.id
  LOOP
    v_wallet.balance := (credits_write_off_lot(v_wallet, v_lot.id, v_lot.free, p_now)).balance_after;
  END LOOP;
  RETURN v_wallet;
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
  IF v_lot.remaining = v_lot.held OR v_lot.expires_at IS NULL OR v_lot.expires_at > p_now THEN
    RETURN QUERY SELECT * FROM credits_result('not_reversible', NULL); RETURN;
  END IF;
  RETURN QUERY SELECT * FROM credits_result('applied', credits_write_off_lot(v_lock.wallet, p_grant_id, v_lot.remaining - v_lot.held, p_now));
END;
$$;

-- A lapsed lot's held credits are not expired (yet): a reversal may still take them back.
CREATE OR REPLACE FUNCTION credits_reversible(p_entry ledger_entries, p_now timestamptz)
RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN (p_entry).type IN ('EXPIRY', 'REVERSAL') THEN 0 ELSE
    abs((p_entry).amount)
    - coalesce((SELECT sum(abs(r.amount)) FROM ledger_entries r WHERE r.reverses_id = (p_entry).id), 0)::integer
    - CASE WHEN (p_entry).amount < 0 THEN 0 ELSE coalesce((
        SELECT coalesce((SELECT sum(-x.amount) FROM ledger_entries x
                         WHERE x.wallet_id = g.wallet_id AND x.type = 'EXPIRY'
                           AND x.reference_type = 'credit_grant' AND x.reference_id = g.id::text), 0)::integer
             + CASE WHEN g.expires_at <= p_now THEN g.remaining - g.held ELSE 0 END
        FROM credit_grants g WHERE g.source_entry_id = (p_entry).id), 0) END
  END;
$$;

-- The rollover cap trims only credits no hold reserves; held ones count toward the cap.
CREATE OR REPLACE FUNCTION credits_cap_rollover(p_workspace_id uuid, p_cap integer, p_key_prefix text, p_now timestamptz,
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
    SELECT g.id, g.remaining - g.held AS remaining FROM credit_grants g
    WHERE g.wallet_id = v_wallet.id AND g.source = 'SUBSCRIPTION_GRANT' AND g.expires_at IS NULL AND g.remaining > g.held
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

-- ─── Holds ───────────────────────────────────────────────────────────────────────────────
-- Every hold function locks the wallet first, as every ledger function does, and returns one row:
-- the outcome, the hold as it stands, and the wallet's balance and available credits after.
-- outcome: applied | replayed | idempotency_mismatch | not_found | wallet_paused |
--          insufficient_credits | unknown_service | invalid_amount | hold_not_active |
--          hold_expired | exceeds_hold

CREATE TYPE credits_hold_answer AS (outcome text, hold_id uuid, service_key text, status hold_status, quantity integer,
  credits integer, held integer, expires_at timestamptz, settled_quantity integer, settled_credits integer,
  settlement_entry_id uuid, reference_id text, created_at timestamptz, ended_at timestamptz, balance integer, available integer);

CREATE FUNCTION credits_hold_result(p_outcome text, p_hold credit_holds, p_workspace_id uuid)
RETURNS SETOF credits_hold_answer LANGUAGE sql STABLE AS $$
  SELECT p_outcome, (p_hold).id, s.key, (p_hold).status, (p_hold).quantity, (p_hold).credits, (p_hold).held,
    (p_hold).expires_at, (p_hold).settled_quantity, (p_hold).settled_credits, (p_hold).settlement_entry_id,
    (p_hold).reference_id, (p_hold).created_at, (p_hold).ended_at, w.balance, w.balance - w.held
  FROM (SELECT 1) one
  LEFT JOIN wallets w ON w.workspace_id = p_workspace_id
  LEFT JOIN services s ON s.id = (p_hold).service_id;
$$;

-- Reserves p_quantity units of a service, priced now, until p_expires_at: checks available
-- credits, pins them in lots soonest expiry first. Idempotent per (wallet, key).
CREATE FUNCTION credits_hold_reserve(p_workspace_id uuid, p_service_key text, p_quantity integer,
  p_expires_at timestamptz, p_key text, p_hash text, p_actor_type actor_type, p_actor_id text,
  p_reference_id text, p_description text, p_now timestamptz)
RETURNS SETOF credits_hold_answer LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := p_now::timestamptz(3);
  v_wallet wallets;
  v_hold credit_holds;
  v_service services;
  v_cost bigint;
  v_free bigint;
  v_left integer;
  v_take integer;
  v_lot record;
BEGIN
  SELECT * INTO v_wallet FROM wallets w WHERE w.workspace_id = p_workspace_id FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT * FROM credits_hold_result('not_found', NULL, NULL); RETURN; END IF;
  SELECT * INTO v_hold FROM credit_holds h WHERE h.wallet_id = v_wallet.id AND h.idempotency_key = p_key;
  IF FOUND THEN
    RETURN QUERY SELECT * FROM credits_hold_result(CASE WHEN v_hold.request_hash = p_hash THEN 'replayed' ELSE 'idempotency_mismatch' END, v_hold, p_workspace_id);
    RETURN;
  END IF;
  SELECT * INTO v_service FROM services s WHERE s.key = p_service_key AND s.is_active;
  IF NOT FOUND THEN RETURN QUERY SELECT * FROM credits_hold_result('unknown_service', NULL, p_workspace_id); RETURN; END IF;
  v_cost := v_service.unit_cost_credits::bigint * p_quantity;
  IF p_quantity <= 0 OR v_cost <= 0 OR v_cost > 1000000000 OR p_expires_at IS NULL OR p_expires_at <= v_now THEN
    RETURN QUERY SELECT * FROM credits_hold_result('invalid_amount', NULL, p_workspace_id); RETURN;
  END IF;
  IF v_wallet.status = 'PAUSED' THEN RETURN QUERY SELECT * FROM credits_hold_result('wallet_paused', NULL, p_workspace_id); RETURN; END IF;
  SELECT coalesce(sum(g.remaining - g.held), 0) INTO v_free FROM credit_grants g
    WHERE g.wallet_id = v_wallet.id AND g.remaining > g.held AND (g.expires_at IS NULL OR g.expires_at > v_now);
  IF v_wallet.balance - v_wallet.held < v_cost OR v_free < v_cost THEN
    RETURN QUERY SELECT * FROM credits_hold_result('insufficient_credits', NULL, p_workspace_id); RETURN;
  END IF;

  INSERT INTO credit_holds AS h (wallet_id, workspace_id, service_id, unit_cost_credits, quantity, credits, held,
    expires_at, idempotency_key, request_hash, actor_type, actor_id, reference_id, description, created_at)
  VALUES (v_wallet.id, p_workspace_id, v_service.id, v_service.unit_cost_credits, p_quantity, v_cost, v_cost,
    p_expires_at, p_key, p_hash, p_actor_type, p_actor_id, p_reference_id, p_description, v_now)
  RETURNING * INTO v_hold;
  v_left := v_cost;
  FOR v_lot IN
    SELECT g.id, g.remaining - g.held AS free FROM credit_grants g
    WHERE g.wallet_id = v_wallet.id AND g.remaining > g.held AND (g.expires_at IS NULL OR g.expires_at > v_now)
    ORDER BY g.expires_at ASC NULLS LAST, g.created_at, g.id
  LOOP
    v_take := least(v_lot.free, v_left);
    UPDATE credit_grants g SET held = g.held + v_take, updated_at = v_now WHERE g.id = v_lot.id;
    INSERT INTO credit_hold_lots (hold_id, grant_id, credits) VALUES (v_hold.id, v_lot.id, v_take);
    v_left := v_left - v_take;
    EXIT WHEN v_left = 0;
  END LOOP;
  UPDATE wallets w SET held = w.held + v_cost, updated_at = v_now WHERE w.id = v_wallet.id;
  RETURN QUERY SELECT * FROM credits_hold_result('applied', v_hold, p_workspace_id);
END;
$$;

-- Ends what an active hold pins: p_spend of its credits are spent from its lots (soonest expiry
-- first), the rest go back to their lots. Returns what went back, per lot, and whether that lot
-- has lapsed (the caller writes those off, after its own entry).
CREATE FUNCTION credits_hold_unpin(p_hold credit_holds, p_spend integer, p_now timestamptz)
RETURNS TABLE (lot_id uuid, returned integer, lapsed boolean) LANGUAGE plpgsql AS $$
DECLARE
  v_left integer := p_spend;
  v_take integer;
  v_pin record;
BEGIN
  FOR v_pin IN
    SELECT p.grant_id, p.credits, g.expires_at FROM credit_hold_lots p JOIN credit_grants g ON g.id = p.grant_id
    WHERE p.hold_id = p_hold.id AND p.credits > 0
    ORDER BY g.expires_at ASC NULLS LAST, g.created_at, g.id
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

-- Writes off what a hold gave back to lots that lapsed while it held them.
CREATE FUNCTION credits_hold_write_off_returns(p_wallet wallets, p_hold_id uuid, p_returns uuid[], p_credits integer[],
  p_now timestamptz)
RETURNS wallets LANGUAGE plpgsql AS $$
DECLARE
  v_wallet wallets := p_wallet;
BEGIN
  FOR i IN 1 .. coalesce(cardinality(p_returns), 0) LOOP
    v_wallet.balance := (credits_write_off(v_wallet, p_returns[i], p_credits[i], 'expiry:' || p_returns[i] || ':' || p_hold_id,
      'Held credits expired with their lot', p_now)).balance_after;
  END LOOP;
  RETURN v_wallet;
END;
$$;

-- Locks the wallet and the hold for a settle, release, extend or expiry. outcome is set when the
-- request is answered already: not_found, or the retry of the request that ended the hold.
CREATE FUNCTION credits_hold_lock(p_workspace_id uuid, p_hold_id uuid, p_key text, p_hash text,
  OUT wallet wallets, OUT hold credit_holds, OUT outcome text)
LANGUAGE plpgsql AS $$
BEGIN
  SELECT * INTO wallet FROM wallets w WHERE w.workspace_id = p_workspace_id FOR UPDATE;
  IF NOT FOUND THEN outcome := 'not_found'; RETURN; END IF;
  SELECT * INTO hold FROM credit_holds h WHERE h.id = p_hold_id AND h.wallet_id = wallet.id FOR UPDATE;
  IF NOT FOUND THEN outcome := 'not_found'; RETURN; END IF;
  IF hold.end_key = p_key THEN
    outcome := CASE WHEN hold.end_hash = p_hash THEN 'replayed' ELSE 'idempotency_mismatch' END;
  END IF;
END;
$$;

-- Settles an active hold for what the job really used (p_quantity units at the hold's price):
-- exactly one USAGE entry. Beyond what the hold holds, the service's overage policy decides:
-- NONE refuses (exceeds_hold); AVAILABLE draws free credits, refusing past them
-- (insufficient_credits); DEBT takes what it needs as a removal would, into debt if need be.
CREATE FUNCTION credits_hold_settle(p_workspace_id uuid, p_hold_id uuid, p_quantity integer,
  p_key text, p_hash text, p_actor_type actor_type, p_actor_id text, p_now timestamptz)
RETURNS SETOF credits_hold_answer LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := p_now::timestamptz(3);
  v_lock record;
  v_wallet wallets;
  v_hold credit_holds;
  v_policy hold_overage;
  v_cost bigint;
  v_over integer;
  v_free bigint;
  v_entry ledger_entries;
  v_return_lots uuid[];
  v_return_credits integer[];
BEGIN
  v_lock := credits_hold_lock(p_workspace_id, p_hold_id, p_key, p_hash);
  v_hold := v_lock.hold;
  IF v_lock.outcome IS NOT NULL THEN RETURN QUERY SELECT * FROM credits_hold_result(v_lock.outcome, v_hold, p_workspace_id); RETURN; END IF;
  v_wallet := v_lock.wallet;
  IF v_hold.status <> 'ACTIVE' THEN RETURN QUERY SELECT * FROM credits_hold_result('hold_not_active', v_hold, p_workspace_id); RETURN; END IF;
  IF v_hold.expires_at <= v_now THEN RETURN QUERY SELECT * FROM credits_hold_result('hold_expired', v_hold, p_workspace_id); RETURN; END IF;
  v_cost := v_hold.unit_cost_credits::bigint * p_quantity;
  IF p_quantity <= 0 OR v_cost > 1000000000 THEN RETURN QUERY SELECT * FROM credits_hold_result('invalid_amount', v_hold, p_workspace_id); RETURN; END IF;
  v_over := greatest(v_cost - v_hold.held, 0);
  IF v_over > 0 THEN
    SELECT s.hold_overage INTO v_policy FROM services s WHERE s.id = v_hold.service_id;
    IF v_policy = 'NONE' THEN RETURN QUERY SELECT * FROM credits_hold_result('exceeds_hold', v_hold, p_workspace_id); RETURN; END IF;
    IF v_policy = 'AVAILABLE' THEN
      SELECT coalesce(sum(g.remaining - g.held), 0) INTO v_free FROM credit_grants g
        WHERE g.wallet_id = v_wallet.id AND g.remaining > g.held AND (g.expires_at IS NULL OR g.expires_at > v_now);
      IF v_wallet.balance - v_wallet.held < v_over OR v_free < v_over THEN
        RETURN QUERY SELECT * FROM credits_hold_result('insufficient_credits', v_hold, p_workspace_id); RETURN;
      END IF;
    END IF;
  END IF;
  IF v_wallet.balance::bigint - v_cost < -2000000000 THEN
    RETURN QUERY SELECT * FROM credits_hold_result('balance_limit', v_hold, p_workspace_id); RETURN;
  END IF;

  SELECT array_agg(r.lot_id ORDER BY r.lot_id), array_agg(r.returned ORDER BY r.lot_id) INTO v_return_lots, v_return_credits
    FROM credits_hold_unpin(v_hold, least(v_cost, v_hold.held)::integer, v_now) r WHERE r.lapsed;
  IF v_over > 0 THEN
    -- DEBT may need lapsed free credits out of the way first, as a removal does; AVAILABLE was
    -- checked to fit in free live credits, so it never does.
    IF v_policy = 'DEBT' THEN v_wallet := credits_write_off_lapsed(v_wallet, v_now); END IF;
    PERFORM credits_draw_lots(v_wallet.id, v_over, NULL, v_now);
  END IF;
  v_entry := credits_append_entry(v_wallet, 'USAGE', -v_cost::integer, 'hold:' || v_hold.id, p_hash, p_actor_type, p_actor_id,
    'credit_hold', v_hold.id::text, v_hold.service_id, p_quantity, NULL, v_hold.description, v_now);
  v_wallet.balance := v_entry.balance_after;
  PERFORM credits_hold_write_off_returns(v_wallet, v_hold.id, v_return_lots, v_return_credits, v_now);
  UPDATE credit_holds h SET status = 'SETTLED', held = 0, settled_quantity = p_quantity, settled_credits = v_cost,
      settlement_entry_id = v_entry.id, end_key = p_key, end_hash = p_hash, ended_at = v_now
    WHERE h.id = v_hold.id RETURNING * INTO v_hold;
  RETURN QUERY SELECT * FROM credits_hold_result('applied', v_hold, p_workspace_id);
END;
$$;

-- Ends an active hold without spending: RELEASED by the caller, or EXPIRED by the sweep once it
-- lapsed (p_expire; the sweep's key is `expire`). Its credits go back; those of lapsed lots expire.
CREATE FUNCTION credits_hold_end(p_workspace_id uuid, p_hold_id uuid, p_expire boolean, p_key text, p_hash text,
  p_now timestamptz)
RETURNS SETOF credits_hold_answer LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := p_now::timestamptz(3);
  v_lock record;
  v_hold credit_holds;
  v_return_lots uuid[];
  v_return_credits integer[];
BEGIN
  v_lock := credits_hold_lock(p_workspace_id, p_hold_id, p_key, p_hash);
  v_hold := v_lock.hold;
  IF v_lock.outcome IS NOT NULL THEN RETURN QUERY SELECT * FROM credits_hold_result(v_lock.outcome, v_hold, p_workspace_id); RETURN; END IF;
  IF v_hold.status <> 'ACTIVE' OR (p_expire AND v_hold.expires_at > v_now) THEN
    RETURN QUERY SELECT * FROM credits_hold_result('hold_not_active', v_hold, p_workspace_id); RETURN;
  END IF;
  SELECT array_agg(r.lot_id ORDER BY r.lot_id), array_agg(r.returned ORDER BY r.lot_id) INTO v_return_lots, v_return_credits
    FROM credits_hold_unpin(v_hold, 0, v_now) r WHERE r.lapsed;
  PERFORM credits_hold_write_off_returns(v_lock.wallet, v_hold.id, v_return_lots, v_return_credits, v_now);
  UPDATE credit_holds h SET status = CASE WHEN p_expire THEN 'EXPIRED'::hold_status ELSE 'RELEASED'::hold_status END,
      held = 0, end_key = p_key, end_hash = p_hash, ended_at = v_now
    WHERE h.id = v_hold.id RETURNING * INTO v_hold;
  RETURN QUERY SELECT * FROM credits_hold_result('applied', v_hold, p_workspace_id);
END;
$$;

-- Moves an active, unlapsed hold's expiry later, to p_expires_at (never sooner: a late retry
-- cannot shorten it). A retry of the last extension is answered as it was.
CREATE FUNCTION credits_hold_extend(p_workspace_id uuid, p_hold_id uuid, p_expires_at timestamptz, p_key text, p_hash text,
  p_now timestamptz)
RETURNS SETOF credits_hold_answer LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := p_now::timestamptz(3);
  v_lock record;
  v_hold credit_holds;
BEGIN
  v_lock := credits_hold_lock(p_workspace_id, p_hold_id, NULL, NULL);
  v_hold := v_lock.hold;
  IF v_lock.outcome IS NOT NULL THEN RETURN QUERY SELECT * FROM credits_hold_result(v_lock.outcome, v_hold, p_workspace_id); RETURN; END IF;
  IF v_hold.extend_key = p_key THEN
    RETURN QUERY SELECT * FROM credits_hold_result(CASE WHEN v_hold.extend_hash = p_hash THEN 'replayed' ELSE 'idempotency_mismatch' END, v_hold, p_workspace_id);
    RETURN;
  END IF;
  IF v_hold.status <> 'ACTIVE' THEN RETURN QUERY SELECT * FROM credits_hold_result('hold_not_active', v_hold, p_workspace_id); RETURN; END IF;
  IF v_hold.expires_at <= v_now THEN RETURN QUERY SELECT * FROM credits_hold_result('hold_expired', v_hold, p_workspace_id); RETURN; END IF;
  IF p_expires_at IS NULL OR p_expires_at <= v_now THEN RETURN QUERY SELECT * FROM credits_hold_result('invalid_amount', v_hold, p_workspace_id); RETURN; END IF;
  UPDATE credit_holds h SET expires_at = greatest(h.expires_at, p_expires_at), extend_key = p_key, extend_hash = p_hash
    WHERE h.id = v_hold.id RETURNING * INTO v_hold;
  RETURN QUERY SELECT * FROM credits_hold_result('applied', v_hold, p_workspace_id);
END;
$$;
