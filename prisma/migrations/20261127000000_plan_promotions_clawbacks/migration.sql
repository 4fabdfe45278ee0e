-- Promotions on monthly plans (a percent off carried by a Stripe coupon for N monthly payments),
-- and what refunds and chargebacks take back of promotional credits: per redemption, and per
-- side of the referral its payment earned. See docs/admin-guide.md (Promotions, Referrals).

-- AlterTable
ALTER TABLE "promotions" ADD COLUMN     "plan_discount_months" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "promotion_redemptions" ADD COLUMN     "credits_clawed_back" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "referrals" ADD COLUMN     "payment_id" UUID,
ADD COLUMN     "referred_clawed_back" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "referrer_clawed_back" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "referrals_payment_id_key" ON "referrals"("payment_id");

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backs the form's limits, and keeps the clawback counters within what was granted.
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_plan_discount_months_check" CHECK ("plan_discount_months" BETWEEN 1 AND 36);
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_credits_clawed_back_check" CHECK ("credits_clawed_back" BETWEEN 0 AND "bonus_credits");
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_clawed_back_check" CHECK ("referred_clawed_back" BETWEEN 0 AND "referred_credits" AND "referrer_clawed_back" BETWEEN 0 AND "referrer_credits");
