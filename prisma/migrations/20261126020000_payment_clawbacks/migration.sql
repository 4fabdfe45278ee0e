-- Refunds and chargebacks take back the credits a payment granted, proportionally to the money
-- that left it. The payment keeps what Stripe reported (refunded, and withdrawn by a chargeback)
-- and how many credits were taken back so far, changed in the transaction of each clawback.
ALTER TABLE "payments" ADD COLUMN     "amount_disputed_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "credits_clawed_back" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE payments DROP CONSTRAINT payments_amounts_sane,
  ADD CONSTRAINT payments_amounts_sane CHECK (
    amount_cents >= 0 AND amount_refunded_cents BETWEEN 0 AND amount_cents
    AND amount_disputed_cents BETWEEN 0 AND amount_cents AND credits >= 0 AND bonus_credits >= 0
    AND credits_clawed_back BETWEEN 0 AND credits + bonus_credits);
