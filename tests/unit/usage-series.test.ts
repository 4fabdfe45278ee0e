import { describe, expect, it } from "vitest";
import { dailyUsageSeries, dayRange, serviceTrends, type UsageRow } from "@/services/insights/usage-series";
import { labelledIndices, niceCeiling, ticks } from "@/components/charts/scale";

const row = (day: string, service: string, credits: number, calls = 1, quantity = calls): UsageRow => ({ day, service, credits, calls, quantity });

describe("dayRange", () => {
  it("lists the UTC days ending with today's, oldest first, across a month end", () => {
    expect(dayRange(new Date("2026-03-02T23:59:59.999Z"), 4)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });
});

describe("dailyUsageSeries", () => {
  const days = ["2026-11-01", "2026-11-02", "2026-11-03"];

  it("fills every day, stacks services largest first and totals per day", () => {
    const series = dailyUsageSeries([row("2026-11-01", "email.send", 3), row("2026-11-01", "ai.completion", 10), row("2026-11-03", "email.send", 4)], days);
    expect(series.services).toEqual(["ai.completion", "email.send"]);
    expect(series.credits).toEqual([
      [10, 3],
      [0, 0],
      [0, 4],
    ]);
    expect(series.dayTotals).toEqual([13, 0, 4]);
    expect(series.total).toBe(17);
  });

  it("leaves out rows outside the window, and services only they had", () => {
    const series = dailyUsageSeries([row("2026-10-31", "web.scrape", 50), row("2026-11-02", "email.send", 1)], days);
    expect(series.services).toEqual(["email.send"]);
    expect(series.total).toBe(1);
  });

  it("is all zeros with no services when nothing was spent", () => {
    const series = dailyUsageSeries([], days);
    expect(series).toEqual({ days, services: [], credits: [[], [], []], dayTotals: [0, 0, 0], total: 0 });
  });
});

describe("serviceTrends", () => {
  const rows = [
    row("2026-10-01", "ai.completion", 100, 20),
    row("2026-10-31", "ai.completion", 50, 10),
    row("2026-11-01", "ai.completion", 300, 30),
    row("2026-11-05", "web.scrape", 8, 4),
    row("2026-10-10", "email.send", 9, 9),
  ];

  it("splits at the period boundary and reports the change in credits", () => {
    const trends = serviceTrends(rows, "2026-10-01", "2026-11-01", "2026-12-01");
    expect(trends.map((t) => t.service)).toEqual(["ai.completion", "web.scrape", "email.send"]);
    const ai = trends[0]!;
    expect(ai.current).toEqual({ service: "ai.completion", credits: 300, calls: 30, quantity: 30 });
    expect(ai.previous).toEqual({ service: "ai.completion", credits: 150, calls: 30, quantity: 30 });
    expect(ai.changePercent).toBe(100);
    // New this period: no previous to compare with. Gone this period: −100%.
    expect(trends[1]!.changePercent).toBeNull();
    expect(trends[2]!.current.credits).toBe(0);
    expect(trends[2]!.changePercent).toBe(-100);
  });
});

describe("chart scale", () => {
  it("rounds the axis top up to 1, 2 or 5 × 10ⁿ", () => {
    expect([0, 0.4, 1, 7, 13, 20, 21, 480, 501, 99_999].map(niceCeiling)).toEqual([1, 1, 1, 10, 20, 20, 50, 500, 1000, 100_000]);
  });

  it("spaces ticks evenly from zero to the top, at whole credits", () => {
    expect(ticks(200)).toEqual([0, 50, 100, 150, 200]);
    expect(ticks(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(5000)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(ticks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(1)).toEqual([0, 1]);
    for (const top of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2_000_000, 5_000_000, 10_000_000]) expect(ticks(top).every(Number.isInteger)).toBe(true);
  });

  it("labels the first and last bar and evenly between", () => {
    expect(labelledIndices(30)).toEqual([0, 10, 19, 29]);
    expect(labelledIndices(3)).toEqual([0, 1, 2]);
    expect(labelledIndices(0)).toEqual([]);
  });
});
