-- Complete the append-only guards: TRUNCATE skips row triggers, so each history table needs a
-- statement trigger, and dispute history refuses DELETE as well as UPDATE (a dispute with a
-- history cannot be deleted either; disputes are closed, not removed).
CREATE TRIGGER credit_package_versions_no_truncate BEFORE TRUNCATE ON credit_package_versions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();
CREATE TRIGGER dispute_events_no_truncate BEFORE TRUNCATE ON dispute_events
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();

DROP TRIGGER dispute_events_append_only ON dispute_events;
CREATE TRIGGER dispute_events_append_only BEFORE UPDATE OR DELETE ON dispute_events
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();
