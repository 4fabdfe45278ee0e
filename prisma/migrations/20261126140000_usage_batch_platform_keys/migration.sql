-- Batch ingestion and platform service keys (docs/api.md, POST /api/v1/usage/batch).
--
-- 1. Platform service keys. The platform's own services meter usage for every customer, so a key
--    may speak for the platform instead of one workspace: kind PLATFORM, no workspace, the usage
--    endpoints only, the workspace named on each event. One table for both kinds keeps one lookup
--    by hash, one revocation and one rate-limit bucket per key on the hot path.

-- CreateEnum
CREATE TYPE "api_key_kind" AS ENUM ('WORKSPACE', 'PLATFORM');

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "kind" "api_key_kind" NOT NULL DEFAULT 'WORKSPACE',
ALTER COLUMN "workspace_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "api_keys_kind_created_at_idx" ON "api_keys"("kind", "created_at" DESC);

-- A workspace key always has its workspace; a platform key never has one.
ALTER TABLE api_keys ADD CONSTRAINT api_keys_workspace_matches_kind
  CHECK ((kind = 'WORKSPACE') = (workspace_id IS NOT NULL));

-- 2. Batches. Many usage events in one transaction, each with exactly the outcome it would have
--    had alone: credits_consume runs once per event, so replays, refusals, lot order and
--    balance_after are the single path's by construction. Refusals are rows, never exceptions,
--    so one workspace's refusal cannot abort another's events.
--    A batch may touch many wallets. Every transaction that locks several wallets locks them in
--    one global order, ascending wallet id, or two batches naming the same wallets in opposite
--    orders would deadlock; within a wallet, events apply in request order. The wallet ids come
--    from a plain read: a workspace's wallet id never changes, so the order cannot go stale, and
--    each credits_consume still takes its lock and reads the balance in statements of its own.
--    Returns one row per event, `ordinal` being its 1-based position in the arrays.
CREATE FUNCTION credits_consume_batch(p_workspace_ids uuid[], p_service_keys text[], p_quantities integer[],
  p_keys text[], p_hashes text[], p_actor_type actor_type, p_actor_id text, p_reference_ids text[],
  p_descriptions text[], p_now timestamptz)
RETURNS TABLE (ordinal integer, outcome text, entry_id uuid, amount integer, balance_after integer, created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_event record;
  v_result record;
BEGIN
  FOR v_event IN
    SELECT t.n::integer AS n, t.workspace_id, t.service_key, t.quantity, t.idem_key, t.hash, t.reference_id, t.description
    FROM unnest(p_workspace_ids, p_service_keys, p_quantities, p_keys, p_hashes, p_reference_ids, p_descriptions)
      WITH ORDINALITY AS t(workspace_id, service_key, quantity, idem_key, hash, reference_id, description, n)
    LEFT JOIN wallets w ON w.workspace_id = t.workspace_id
    ORDER BY w.id NULLS LAST, t.n
  LOOP
    SELECT * INTO v_result FROM credits_consume(v_event.workspace_id, v_event.service_key, v_event.quantity,
      v_event.idem_key, v_event.hash, p_actor_type, p_actor_id, v_event.reference_id, v_event.description, p_now);
    ordinal := v_event.n;
    outcome := v_result.outcome;
    entry_id := v_result.entry_id;
    amount := v_result.amount;
    balance_after := v_result.balance_after;
    created_at := v_result.created_at;
    RETURN NEXT;
  END LOOP;
END;
$$;
