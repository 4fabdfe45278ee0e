-- Guards that hold whatever code runs against the database.

-- Append-only history: the ledger, price history, dispute history and audit log are never
-- rewritten. Corrections are new rows (a REVERSAL entry, a new package version).
CREATE FUNCTION reject_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();
CREATE TRIGGER credit_package_versions_append_only BEFORE UPDATE OR DELETE ON credit_package_versions
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();
CREATE TRIGGER dispute_events_append_only BEFORE UPDATE ON dispute_events
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();

-- Sane amounts. One billion credits ($100M) bounds any single movement.
ALTER TABLE ledger_entries
  ADD CONSTRAINT ledger_entries_amount_sane CHECK (amount <> 0 AND amount BETWEEN -1000000000 AND 1000000000),
  ADD CONSTRAINT ledger_entries_amount_sign CHECK (
    CASE
      WHEN type IN ('PURCHASE', 'SUBSCRIPTION_GRANT', 'PROMO_BONUS', 'DISPUTE_REFUND') THEN amount > 0
      WHEN type IN ('USAGE', 'PAYMENT_REFUND_CLAWBACK', 'EXPIRY') THEN amount < 0
      ELSE true
    END),
  -- Usage never drives a balance below zero; only admin removals and clawbacks may.
  ADD CONSTRAINT ledger_entries_usage_not_negative CHECK (type <> 'USAGE' OR balance_after >= 0),
  ADD CONSTRAINT ledger_entries_quantity_positive CHECK (quantity IS NULL OR quantity > 0),
  ADD CONSTRAINT ledger_entries_key_present CHECK (length(idempotency_key) BETWEEN 1 AND 255);

ALTER TABLE credit_grants
  ADD CONSTRAINT credit_grants_credits_positive CHECK (credits > 0),
  ADD CONSTRAINT credit_grants_remaining_bounded CHECK (remaining BETWEEN 0 AND credits);

ALTER TABLE services
  ADD CONSTRAINT services_unit_cost_positive CHECK (unit_cost_credits > 0);

ALTER TABLE credit_packages
  ADD CONSTRAINT credit_packages_price_not_negative CHECK (price_cents >= 0),
  ADD CONSTRAINT credit_packages_credits_positive CHECK (credits > 0);

ALTER TABLE payments
  ADD CONSTRAINT payments_amounts_sane CHECK (
    amount_cents >= 0 AND amount_refunded_cents BETWEEN 0 AND amount_cents AND credits >= 0 AND bonus_credits >= 0);

ALTER TABLE promotions
  ADD CONSTRAINT promotions_kind_matches CHECK (
    (kind = 'PERCENT_OFF' AND percent_off BETWEEN 1 AND 100 AND bonus_credits IS NULL)
    OR (kind = 'BONUS_CREDITS' AND bonus_credits > 0 AND percent_off IS NULL)),
  ADD CONSTRAINT promotions_window_ordered CHECK (ends_at IS NULL OR ends_at > starts_at);

ALTER TABLE disputes
  ADD CONSTRAINT disputes_credits_sane CHECK (
    credits_requested > 0 AND credits_refunded BETWEEN 0 AND credits_requested AND appeal_level >= 0);
