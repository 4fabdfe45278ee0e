-- Credit disputes (issue #16): the issue's states, a senior admin role for appeals, the SLA's
-- first response, and the database-side guarantees the state machine relies on.

-- A second platform role: an admin everywhere, and the only one who may decide an appeal.
ALTER TYPE "platform_role" ADD VALUE 'SENIOR_ADMIN';

-- The status enum, with existing rows carried over: a refund that covered the disputed amount is a
-- full refund, a smaller one partial; a rejection is REJECTED; a closed case without a refund was
-- answered with an explanation. Events map the same way (credits unknown there: refunds are full).
CREATE TYPE "dispute_status_new" AS ENUM ('OPEN', 'UNDER_REVIEW', 'RESOLVED_FULL_REFUND', 'RESOLVED_PARTIAL_REFUND', 'RESOLVED_EXPLAINED', 'REJECTED', 'APPEALED');
ALTER TABLE "disputes" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "disputes" ALTER COLUMN "status" TYPE "dispute_status_new" USING (
  CASE "status"::text
    WHEN 'RESOLVED_REFUNDED' THEN CASE WHEN "credits_refunded" < "credits_requested" THEN 'RESOLVED_PARTIAL_REFUND' ELSE 'RESOLVED_FULL_REFUND' END
    WHEN 'RESOLVED_REJECTED' THEN 'REJECTED'
    WHEN 'CLOSED' THEN CASE WHEN "credits_refunded" > 0 THEN 'RESOLVED_PARTIAL_REFUND' ELSE 'RESOLVED_EXPLAINED' END
    ELSE "status"::text
  END::"dispute_status_new");
ALTER TABLE "dispute_events" ALTER COLUMN "from_status" TYPE "dispute_status_new" USING (
  CASE "from_status"::text WHEN 'RESOLVED_REFUNDED' THEN 'RESOLVED_FULL_REFUND' WHEN 'RESOLVED_REJECTED' THEN 'REJECTED' WHEN 'CLOSED' THEN 'RESOLVED_EXPLAINED' ELSE "from_status"::text END::"dispute_status_new");
ALTER TABLE "dispute_events" ALTER COLUMN "to_status" TYPE "dispute_status_new" USING (
  CASE "to_status"::text WHEN 'RESOLVED_REFUNDED' THEN 'RESOLVED_FULL_REFUND' WHEN 'RESOLVED_REJECTED' THEN 'REJECTED' WHEN 'CLOSED' THEN 'RESOLVED_EXPLAINED' ELSE "to_status"::text END::"dispute_status_new");
ALTER TYPE "dispute_status" RENAME TO "dispute_status_old";
ALTER TYPE "dispute_status_new" RENAME TO "dispute_status";
DROP TYPE "dispute_status_old";
ALTER TABLE "disputes" ALTER COLUMN "status" SET DEFAULT 'OPEN';

-- What each event did; rows written before this migration were status changes.
ALTER TABLE "dispute_events" ADD COLUMN "action" TEXT NOT NULL DEFAULT 'transition',
ADD COLUMN "refund_entry_id" UUID,
ADD COLUMN "sequence" BIGSERIAL NOT NULL;
ALTER TABLE "dispute_events" ALTER COLUMN "action" DROP DEFAULT;

ALTER TABLE "disputes" ADD COLUMN "decision_message" TEXT,
ADD COLUMN "first_response_at" TIMESTAMPTZ(3);

-- Old rows that were ever answered count as responded to.
UPDATE "disputes" SET "first_response_at" = coalesce("resolved_at", "updated_at") WHERE "status" <> 'OPEN';

CREATE INDEX "disputes_created_at_id_idx" ON "disputes"("created_at" DESC, "id" DESC);

-- Refunds never exceed the disputed amount: disputes_credits_sane (ledger_guards) already checks
-- it in the database. One appeal at most:
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_appeal_level_range" CHECK ("appeal_level" BETWEEN 0 AND 1);

-- One open dispute per ledger entry: concurrent submissions race on this index, and one wins.
CREATE UNIQUE INDEX "disputes_one_open_per_entry" ON "disputes" ("ledger_entry_id")
  WHERE "status" IN ('OPEN', 'UNDER_REVIEW', 'APPEALED');
-- Prior disputes of an entry (for caps and the admin's detail page).
CREATE INDEX "disputes_ledger_entry_id_idx" ON "disputes" ("ledger_entry_id");
