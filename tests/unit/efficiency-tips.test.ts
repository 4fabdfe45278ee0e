import { describe, expect, it } from "vitest";
import { costPerRunTips, expiringUnusedTip, lowBalance, planCheaperTip, type PlanOption } from "@/services/insights/efficiency-tips";
import type { ServiceTrend } from "@/services/insights/usage-series";
import { DEMO_PACKAGES } from "@/tests/fixtures/catalog";

const trend = (service: string, current: [number, number, number], previous: [number, number, number]): ServiceTrend => ({
  service,
  current: { service, credits: current[0], calls: current[1], quantity: current[2] },
  previous: { service, credits: previous[0], calls: previous[1], quantity: previous[2] },
  changePercent: null,
});
const name = (key: string) => ({ "ai.completion": "AI completion" })[key] ?? key;
// The real catalog's monthly plans: Starter 200 for $19.99, Growth 550 for $49.99, Scale 1,200 for $99.99.
const PLANS: PlanOption[] = DEMO_PACKAGES.filter((p) => p.interval === "MONTH").map((p) => ({ name: p.name, credits: p.credits, priceCents: p.priceCents, currency: "usd" }));

describe("costPerRunTips", () => {
  it("names a service whose credits per run rose, with both periods' figures and why", () => {
    // 5 credits a run before (100 runs × 1 unit), 7.5 now (120 runs × 1.5 units).
    const [tip, ...rest] = costPerRunTips([trend("ai.completion", [900, 120, 180], [500, 100, 100])], 30, name);
    expect(rest).toEqual([]);
    expect(tip!.kind).toBe("cost_per_run_rose");
    expect(tip!.title).toBe("AI completion costs 50% more per run");
    expect(tip!.detail).toContain("7.5 credits per run in the last 30 days (900 credits over 120 runs)");
    expect(tip!.detail).toContain("up from 5.0 in the 30 days before (500 over 100 runs)");
    expect(tip!.detail).toContain("1.5 units on average, up from 1.0");
  });

  it("says the unit price rose when units per run did not", () => {
    const [tip] = costPerRunTips([trend("web.scrape", [360, 100, 100], [200, 100, 100])], 30, name);
    expect(tip!.detail).toContain("Units per run stayed at 1.0, so the service's price per unit rose.");
  });

  it("stays quiet below a 10% rise, on falling cost and on too few runs", () => {
    expect(costPerRunTips([trend("a", [109, 100, 100], [100, 100, 100])], 30, name)).toEqual([]);
    expect(costPerRunTips([trend("a", [50, 100, 100], [100, 100, 100])], 30, name)).toEqual([]);
    expect(costPerRunTips([trend("a", [90, 9, 9], [10, 10, 10])], 30, name)).toEqual([]);
    expect(costPerRunTips([trend("a", [100, 10, 10], [0, 0, 0])], 30, name)).toEqual([]);
  });
});

describe("planCheaperTip", () => {
  it("finds the cheapest plan that covers what packs bought, with the money saved", () => {
    // 15 packs of 100 ($10 each) in 90 days = 500 credits a month for $50: Growth gives 550 for $49.99.
    const tip = planCheaperTip({ credits: 1_500, amountCents: 15_000, count: 15 }, PLANS, null);
    expect(tip!.title).toBe("The Growth plan would have cost $0.03 less");
    expect(tip!.detail).toContain("you bought 1,500 credits in 15 one-time purchases for $150.00: about 500 credits a month");
    expect(tip!.detail).toContain("Growth gives 550 credits a month for $49.99 — $149.97 for three months against $150.00 paid");
  });

  it("counts the current plan's credits and price too, and never suggests the same plan", () => {
    // Starter (200/month, $19.99) plus 1,200 bought ($120) in 90 days: 600 a month for $59.99. Scale is dearer, Growth too small.
    expect(planCheaperTip({ credits: 1_200, amountCents: 12_000, count: 3 }, PLANS, PLANS[0]!)).toBeNull();
    // Starter plus 2,400 ($240): 1,000 a month for $99.99 — Scale gives 1,200 for $99.99, not cheaper.
    expect(planCheaperTip({ credits: 2_400, amountCents: 24_000, count: 5 }, PLANS, PLANS[0]!)).toBeNull();
    // Starter plus 2,700 ($270): 1,100 a month for $109.99 — Scale is $10 a month cheaper, with more credits.
    const tip = planCheaperTip({ credits: 2_700, amountCents: 27_000, count: 6 }, PLANS, PLANS[0]!);
    expect(tip!.title).toBe("The Scale plan would have cost $30.00 less");
    expect(tip!.detail).toContain("on top of your Starter plan (200 credits for $19.99 a month)");
  });

  it("says nothing when nothing was bought, or packs were cheaper", () => {
    expect(planCheaperTip({ credits: 0, amountCents: 0, count: 0 }, PLANS, null)).toBeNull();
    // 100 credits in 90 days: ~33 a month for $3.33; every plan costs more.
    expect(planCheaperTip({ credits: 100, amountCents: 1_000, count: 1 }, PLANS, null)).toBeNull();
  });
});

describe("expiringUnusedTip", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  const in5Days = new Date("2026-12-01T12:00:00Z");

  it("states what expires, when, the pace and what will be left unused", () => {
    const tip = expiringUnusedTip(1_200, in5Days, 40, now);
    expect(tip!.title).toBe("1,000 credits will expire unused on Dec 1");
    expect(tip!.detail).toContain("1,200 credits expire on Dec 1 (in 5.0 days)");
    expect(tip!.detail).toContain("pace of 40.0 credits a day you will spend about 200 of them");
  });

  it("is silent when the pace uses them all, or nothing expires", () => {
    expect(expiringUnusedTip(150, in5Days, 40, now)).toBeNull();
    expect(expiringUnusedTip(0, null, 0, now)).toBeNull();
  });
});

describe("lowBalance", () => {
  it("is low under a week of runway at the recent pace", () => {
    expect(lowBalance(300, 50, 100)).toEqual({ isLow: true, runwayDays: 6 });
    expect(lowBalance(350, 50, 100)).toEqual({ isLow: false, runwayDays: 7 });
  });

  it("is low at zero or below, and without a pace below the smallest pack", () => {
    expect(lowBalance(0, 0, 100)).toEqual({ isLow: true, runwayDays: 0 });
    expect(lowBalance(-5, 10, 100).isLow).toBe(true);
    expect(lowBalance(99, 0, 100)).toEqual({ isLow: true, runwayDays: null });
    expect(lowBalance(100, 0, 100)).toEqual({ isLow: false, runwayDays: null });
    expect(lowBalance(5, 0, null)).toEqual({ isLow: false, runwayDays: null });
  });
});
