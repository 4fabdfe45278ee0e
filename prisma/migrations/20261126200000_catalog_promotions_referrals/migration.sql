-- Catalog versions and the Stripe Prices each sold at, promotion reservations and limits,
-- referrals, and admin settings with history. See docs/admin-guide.md (Packages, Promotions,
-- Referrals).

-- CreateEnum
CREATE TYPE "redemption_status" AS ENUM ('RESERVED', 'CONFIRMED', 'RELEASED');

-- CreateEnum
CREATE TYPE "referral_status" AS ENUM ('PENDING', 'REWARDED', 'REJECTED');

-- DropIndex
DROP INDEX "promotion_redemptions_promotion_id_workspace_id_idx";

-- AlterTable
ALTER TABLE "credit_package_versions" ADD COLUMN     "description" TEXT,
ADD COLUMN     "is_active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "rollover_cap_credits" INTEGER,
ADD COLUMN     "rollover_credits" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sort_order" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "promotion_redemptions" ADD COLUMN     "bonus_credits" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "discount_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ledger_entry_id" UUID,
ADD COLUMN     "released_at" TIMESTAMPTZ(3),
ADD COLUMN     "status" "redemption_status" NOT NULL DEFAULT 'RESERVED',
ADD COLUMN     "stripe_checkout_session_id" TEXT,
ALTER COLUMN "payment_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "promotions" ADD COLUMN     "applies_to" TEXT[] DEFAULT ARRAY['PACK', 'PLAN', 'CUSTOM']::TEXT[],
ADD COLUMN     "bonus_expires_days" INTEGER,
ADD COLUMN     "budget_credits" INTEGER,
ADD COLUMN     "budget_used_credits" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "first_purchase_only" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "referral_code" TEXT;

-- CreateTable
CREATE TABLE "credit_package_prices" (
    "stripe_price_id" TEXT NOT NULL,
    "package_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "unit_amount_cents" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_package_prices_pkey" PRIMARY KEY ("stripe_price_id")
);

-- CreateTable
CREATE TABLE "setting_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "value" JSONB NOT NULL,
    "changed_by_id" UUID,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setting_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referrals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "referrer_workspace_id" UUID NOT NULL,
    "referred_workspace_id" UUID NOT NULL,
    "referred_user_id" UUID,
    "status" "referral_status" NOT NULL DEFAULT 'PENDING',
    "reject_reason" TEXT,
    "referrer_credits" INTEGER NOT NULL DEFAULT 0,
    "referred_credits" INTEGER NOT NULL DEFAULT 0,
    "rewarded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referrals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "credit_package_prices_package_id_idx" ON "credit_package_prices"("package_id");

-- CreateIndex
CREATE UNIQUE INDEX "setting_versions_key_version_key" ON "setting_versions"("key", "version");

-- CreateIndex
CREATE UNIQUE INDEX "referrals_referred_workspace_id_key" ON "referrals"("referred_workspace_id");

-- CreateIndex
CREATE INDEX "referrals_referrer_workspace_id_status_rewarded_at_idx" ON "referrals"("referrer_workspace_id", "status", "rewarded_at");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_redemptions_stripe_checkout_session_id_key" ON "promotion_redemptions"("stripe_checkout_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_redemptions_ledger_entry_id_key" ON "promotion_redemptions"("ledger_entry_id");

-- CreateIndex
CREATE INDEX "promotion_redemptions_promotion_id_workspace_id_status_idx" ON "promotion_redemptions"("promotion_id", "workspace_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_referral_code_key" ON "workspaces"("referral_code");

-- AddForeignKey
ALTER TABLE "credit_package_prices" ADD CONSTRAINT "credit_package_prices_package_id_fkey" FOREIGN KEY ("package_id") REFERENCES "credit_packages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_workspace_id_fkey" FOREIGN KEY ("referrer_workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referred_workspace_id_fkey" FOREIGN KEY ("referred_workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- The limits are also the database's: a reservation that would pass a cap fails its UPDATE,
-- whatever the application checked first.
ALTER TABLE promotions
  ADD CONSTRAINT promotions_redemptions_within_max CHECK (max_redemptions IS NULL OR redemption_count <= max_redemptions),
  ADD CONSTRAINT promotions_budget_within_max CHECK (budget_credits IS NULL OR budget_used_credits <= budget_credits),
  ADD CONSTRAINT promotions_counts_not_negative CHECK (redemption_count >= 0 AND budget_used_credits >= 0),
  ADD CONSTRAINT promotions_percent_off_range CHECK (percent_off IS NULL OR (percent_off BETWEEN 1 AND 100));

-- History is never rewritten: which version a Price was made for, and each settings version.
CREATE TRIGGER credit_package_prices_append_only BEFORE UPDATE ON credit_package_prices
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();
CREATE TRIGGER setting_versions_append_only BEFORE UPDATE OR DELETE ON setting_versions
  FOR EACH ROW EXECUTE FUNCTION reject_history_rewrite();
CREATE TRIGGER setting_versions_no_truncate BEFORE TRUNCATE ON setting_versions
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_rewrite();

-- Every package has the row of the version it is on, and its current Price is on record as
-- made for that version, so invoices on it keep resolving after the next price change.
INSERT INTO credit_package_versions (package_id, version, name, description, price_cents, currency, credits,
                                     rollover_credits, rollover_cap_credits, is_active, sort_order, stripe_price_id, created_at)
SELECT p.id, p.version, p.name, p.description, p.price_cents, p.currency, p.credits,
       p.rollover_credits, p.rollover_cap_credits, p.is_active, p.sort_order, p.stripe_price_id, p.updated_at
  FROM credit_packages p
 WHERE NOT EXISTS (SELECT 1 FROM credit_package_versions v WHERE v.package_id = p.id AND v.version = p.version);
INSERT INTO credit_package_prices (stripe_price_id, package_id, version, unit_amount_cents)
SELECT p.stripe_price_id, p.id, p.version, p.price_cents FROM credit_packages p WHERE p.stripe_price_id IS NOT NULL;
