-- Finance reports (services/finance/) over a large ledger.
--
-- Revenue comes from payments (small); credit flows and breakage come from the ledger, which is
-- the largest table and has no index by date alone. Instead of scanning it per page view, closed
-- UTC days are summed once into ledger_daily_totals (by the report itself, catching up lazily),
-- and only the entries since then are summed live. Nothing is added to the ledger's write path
-- except one BRIN index: entries arrive in time order, so a BRIN summary of a few bytes per 128
-- pages lets "entries since X" read only the last block ranges. A BRIN insert touches no summary
-- until the range is summarised (autovacuum or the next catch-up), unlike a B-tree's page split.

-- CreateTable
CREATE TABLE "ledger_daily_totals" (
    "day" DATE NOT NULL,
    "type" "ledger_entry_type" NOT NULL,
    "entries" INTEGER NOT NULL,
    "credits_in" BIGINT NOT NULL,
    "credits_out" BIGINT NOT NULL,
    "paid_value_cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ledger_daily_totals_pkey" PRIMARY KEY ("day","type")
);

-- CreateTable
CREATE TABLE "ledger_rollup_state" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "rolled_through" DATE NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ledger_rollup_state_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_rollup_state_one_row" CHECK ("id" = 1)
);

-- CreateIndex
CREATE INDEX "ledger_entries_created_at_idx" ON "ledger_entries" USING BRIN ("created_at");
