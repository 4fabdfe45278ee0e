// The pricing service: base rate, "all units" bulk tiers, round-half-up totals, purchase limits.
import { describe, expect, it } from "vitest";
import { DEFAULT_PRICING_SETTINGS } from "@/services/pricing/pricing-settings";
import { quoteCredits } from "@/services/pricing/quote-credits";
import { pricingSettings, purchaseCreditsText, type PricingSettings } from "@/types/pricing";

const quote = (credits: number, settings: PricingSettings = DEFAULT_PRICING_SETTINGS) => quoteCredits(credits, settings);

describe("default pricing settings", () => {
  it("are $0.10 a credit with 5% from 5,000, 10% from 20,000 and 15% from 100,000 credits", () => {
    expect(DEFAULT_PRICING_SETTINGS).toEqual({
      currency: "usd",
      baseUnitCents: 10,
      tiers: [
        { minCredits: 5_000, percentOff: 5 },
        { minCredits: 20_000, percentOff: 10 },
        { minCredits: 100_000, percentOff: 15 },
      ],
    });
  });
});

describe("quoteCredits", () => {
  it("charges the base rate below the first tier and names the tier to reach", () => {
    expect(quote(100)).toEqual({
      credits: 100,
      currency: "usd",
      baseUnitCents: 10,
      unitCents: 10,
      subtotalCents: 1_000,
      discountCents: 0,
      totalCents: 1_000,
      tier: null,
      nextTier: { minCredits: 5_000, percentOff: 5 },
    });
  });

  it.each([
    // credits, percent off, total cents (exact amounts, or rounded half up where marked)
    [4_999, null, 49_990],
    [5_000, 5, 47_500],
    [7_500, 5, 71_250],
    [19_999, 5, 189_991], // 189,990.5 rounds up
    [20_000, 10, 180_000],
    [99_999, 10, 899_991],
    [100_000, 15, 850_000],
    [1_000_000, 15, 8_500_000],
  ])("prices %i credits with %s%% off at %i cents", (credits, percentOff, totalCents) => {
    const result = quote(credits);
    expect(result.tier?.percentOff ?? null).toBe(percentOff);
    expect(result.subtotalCents).toBe(credits * 10);
    expect(result.totalCents).toBe(totalCents);
    expect(result.discountCents).toBe(credits * 10 - totalCents);
  });

  it("points at the next tier up, and at none past the last", () => {
    expect(quote(5_000).nextTier).toEqual({ minCredits: 20_000, percentOff: 10 });
    expect(quote(99_999).nextTier).toEqual({ minCredits: 100_000, percentOff: 15 });
    expect(quote(100_000).nextTier).toBeNull();
  });

  it("rounds the total half up to a whole cent (not down, not to even)", () => {
    const cheap: PricingSettings = { currency: "usd", baseUnitCents: 1, tiers: [{ minCredits: 100, percentOff: 5 }] };
    // 110 × 0.95 = 104.5 → 105 (half up; banker's rounding would give 104, flooring 104)
    expect(quote(110, cheap)).toMatchObject({ subtotalCents: 110, totalCents: 105, discountCents: 5 });
    // 111 × 0.95 = 105.45 → 105; 101 × 0.95 = 95.95 → 96
    expect(quote(111, cheap).totalCents).toBe(105);
    expect(quote(101, cheap).totalCents).toBe(96);
    expect(quote(5_001).totalCents).toBe(47_510); // 47,509.5
  });

  it("never charges more than credits × base rate, and amounts are whole cents that add up", () => {
    for (let credits = 100; credits <= 120_000; credits += 997) {
      const result = quote(credits);
      expect(Number.isInteger(result.totalCents) && Number.isInteger(result.discountCents)).toBe(true);
      expect(result.totalCents).toBeLessThanOrEqual(credits * 10);
      expect(result.totalCents + result.discountCents).toBe(result.subtotalCents);
      expect(result.discountCents).toBeGreaterThanOrEqual(0);
    }
  });

  it("prices with the settings it is given, not the defaults", () => {
    const settings: PricingSettings = { currency: "usd", baseUnitCents: 12, tiers: [{ minCredits: 1_000, percentOff: 20 }] };
    expect(quote(999, settings)).toMatchObject({ totalCents: 11_988, tier: null });
    expect(quote(1_000, settings)).toMatchObject({ subtotalCents: 12_000, totalCents: 9_600, unitCents: 9.6, tier: { minCredits: 1_000, percentOff: 20 } });
  });

  it("gives a display unit price of the discounted rate", () => {
    expect(quote(7_500).unitCents).toBe(9.5);
    expect(quote(20_000).unitCents).toBe(9);
  });

  it.each([99, 1_000_001, 0, -100, 150.5, Number.NaN])("refuses %s credits with a field error", (credits) => {
    expect(() => quote(credits)).toThrow(expect.objectContaining({ code: "validation_failed", details: { fieldErrors: { credits: [expect.any(String)] } } }));
  });

  it("accepts exactly the limits", () => {
    expect(quote(100).credits).toBe(100);
    expect(quote(1_000_000).credits).toBe(1_000_000);
  });
});

describe("pricingSettings", () => {
  it("refuses tiers that do not rise in both threshold and discount", () => {
    const base = { currency: "usd", baseUnitCents: 10 };
    expect(pricingSettings.safeParse({ ...base, tiers: [{ minCredits: 20_000, percentOff: 10 }, { minCredits: 5_000, percentOff: 15 }] }).success).toBe(false);
    expect(pricingSettings.safeParse({ ...base, tiers: [{ minCredits: 5_000, percentOff: 10 }, { minCredits: 20_000, percentOff: 5 }] }).success).toBe(false);
    expect(pricingSettings.safeParse({ ...base, tiers: [{ minCredits: 5_000, percentOff: 5 }, { minCredits: 20_000, percentOff: 10 }] }).success).toBe(true);
  });

  it("refuses a base rate at which the largest purchase exceeds Stripe's maximum charge", () => {
    expect(pricingSettings.safeParse({ currency: "usd", baseUnitCents: 99, tiers: [] }).success).toBe(true);
    expect(pricingSettings.safeParse({ currency: "usd", baseUnitCents: 100, tiers: [] }).success).toBe(false);
    expect(pricingSettings.safeParse({ currency: "usd", baseUnitCents: 0, tiers: [] }).success).toBe(false);
  });
});

describe("purchaseCreditsText", () => {
  it.each([
    ["2,500", 2_500],
    [" 7500 ", 7_500],
    ["1_000", 1_000],
    ["0100", 100],
  ])("reads %j as %i credits", (text, credits) => {
    expect(purchaseCreditsText.parse(text)).toBe(credits);
  });

  it.each(["", "abc", "1e4", "12.5", "-500", "0x100", "99", "1000001"])("refuses %j", (text) => {
    expect(purchaseCreditsText.safeParse(text).success).toBe(false);
  });
});
