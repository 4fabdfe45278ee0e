// How much of a payment's promotional credits its refunds owe back: a promotion's bonus in
// proportion, rounded down (the customer's favour); referral bonuses all or nothing.
import { describe, expect, it } from "vitest";
import { bonusClawbackTarget, referralClawbackTarget } from "@/services/billing/settle-bonus-clawbacks";

const paid = (refunded: number, disputed = 0) => ({ amountCents: 2500, amountRefundedCents: refunded, amountDisputedCents: disputed });

describe("bonusClawbackTarget", () => {
  it("takes the refunded share, rounded down, and all of it once everything is refunded", () => {
    expect(bonusClawbackTarget(55, paid(0))).toBe(0);
    expect(bonusClawbackTarget(55, paid(750))).toBe(16); // 16.5
    expect(bonusClawbackTarget(55, paid(2499))).toBe(54); // 54.978: one cent short of a full refund keeps a credit
    expect(bonusClawbackTarget(55, paid(2500))).toBe(55);
    expect(bonusClawbackTarget(55, paid(1500, 1500))).toBe(55); // never more than granted
    expect(bonusClawbackTarget(55, { amountCents: 0, amountRefundedCents: 0, amountDisputedCents: 0 })).toBe(0);
  });
});

describe("referralClawbackTarget", () => {
  it("owes the bonus back only when the whole payment has left", () => {
    expect(referralClawbackTarget(500, paid(2499))).toBe(0);
    expect(referralClawbackTarget(500, paid(1000, 1500))).toBe(500);
    expect(referralClawbackTarget(500, paid(2500))).toBe(500);
  });
});
