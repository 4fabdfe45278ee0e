// The admin's price field: dollars typed as text become exact integer cents, or are refused.
import { describe, expect, it } from "vitest";
import { centsToDollars, dollarsToCents } from "@/app/(admin)/admin/packages/money-input";

describe("dollarsToCents", () => {
  it("reads dollars and cents exactly, with or without a sign, separators or cents", () => {
    expect(["49.99", "$49.99", "1,049", "0.5", "59", " 19.90 "].map(dollarsToCents)).toEqual([4999, 4999, 104_900, 50, 5900, 1990]);
  });
  it("refuses what is not an amount rather than guessing", () => {
    expect(["", "abc", "4.999", "-5", "1e3", "12.3.4"].map(dollarsToCents)).toEqual([null, null, null, null, null, null]);
  });
  it("round-trips with centsToDollars", () => {
    for (const cents of [0, 5, 50, 4999, 104_900]) expect(dollarsToCents(centsToDollars(cents))).toBe(cents);
  });
});
