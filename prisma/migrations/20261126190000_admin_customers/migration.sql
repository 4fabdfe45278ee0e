-- Admin customers: scheduled wallet resume, four-eyes credit adjustments, and the customer list's
-- keyset index.
CREATE TYPE "adjustment_direction" AS ENUM ('ADD', 'REMOVE');

CREATE TYPE "adjustment_request_status" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

ALTER TABLE "wallets" ADD COLUMN "resume_at" TIMESTAMPTZ(3);

CREATE TABLE "credit_adjustment_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "direction" "adjustment_direction" NOT NULL,
    "credits" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "status" "adjustment_request_status" NOT NULL DEFAULT 'PENDING',
    "requested_by_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "rejection_reason" TEXT,
    "ledger_entry_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_adjustment_requests_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "credit_adjustment_requests_credits_check" CHECK ("credits" > 0),
    CONSTRAINT "credit_adjustment_requests_expiry_check" CHECK ("direction" = 'ADD' OR "expires_at" IS NULL)
);

CREATE UNIQUE INDEX "credit_adjustment_requests_ledger_entry_id_key" ON "credit_adjustment_requests"("ledger_entry_id");

CREATE INDEX "credit_adjustment_requests_status_created_at_idx" ON "credit_adjustment_requests"("status", "created_at");

CREATE INDEX "credit_adjustment_requests_workspace_id_created_at_idx" ON "credit_adjustment_requests"("workspace_id", "created_at" DESC);

CREATE UNIQUE INDEX "credit_adjustment_requests_requested_by_id_idempotency_key_key" ON "credit_adjustment_requests"("requested_by_id", "idempotency_key");

CREATE INDEX "workspaces_created_at_id_idx" ON "workspaces"("created_at" DESC, "id" DESC);

CREATE INDEX "wallets_resume_at_idx" ON "wallets"("resume_at");

ALTER TABLE "credit_adjustment_requests" ADD CONSTRAINT "credit_adjustment_requests_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
