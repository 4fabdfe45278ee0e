-- DropForeignKey
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_service_id_fkey";

-- DropIndex
DROP INDEX "ledger_entries_reverses_id_idx";

-- DropIndex
DROP INDEX "ledger_entries_workspace_id_created_at_id_idx";

-- DropIndex
DROP INDEX "ledger_entries_workspace_id_service_id_created_at_idx";

-- DropIndex
DROP INDEX "ledger_entries_workspace_id_type_created_at_idx";

-- AlterTable
ALTER TABLE "ledger_entries" ADD COLUMN     "sequence" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "ledger_entries_workspace_id_created_at_sequence_idx" ON "ledger_entries"("workspace_id", "created_at" DESC, "sequence" DESC);


-- Reversal lookups need an index on reverses_id; almost every entry has none. A full index would
-- put each insert's NULL on the same last page (measured: a fifth of the usage path's throughput).
CREATE INDEX "ledger_entries_reverses_id_idx" ON "ledger_entries"("reverses_id") WHERE "reverses_id" IS NOT NULL;
