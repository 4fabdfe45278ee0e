-- Webhook deliveries are answered once the event is stored; processing follows. An event not yet
-- processed (never attempted, or failed) carries the time a sweep should next take it up.
ALTER TABLE "stripe_events" ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3);

CREATE INDEX "stripe_events_next_attempt_at_idx" ON "stripe_events"("next_attempt_at");

-- Events stored before this migration and still waiting are due now.
UPDATE "stripe_events" SET "next_attempt_at" = now() WHERE "status" IN ('RECEIVED', 'FAILED');
