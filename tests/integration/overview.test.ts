// The overview and usage pages' numbers for a crafted ledger, checked against what the customer
// should read: spendable now (lapsed credits excluded), what expires this week, the plan's
// renewal, usage per day and service (from the daily rollup for past days, the ledger for today),
// and the tips. Every amount below is worked out by hand from the history.
import { expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { consumeCredits } from "@/services/credits/consume-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { reserveHold } from "@/services/holds/reserve-hold";
import { summarizeUsage } from "@/services/credits/summarize-usage";
import { getOverview } from "@/services/insights/get-overview";
import { getUsageReport } from "@/services/insights/get-usage-report";
import { createAccount } from "../fixtures/accounts";
import { createDemoCatalog } from "../fixtures/catalog";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";

const NOW = new Date("2026-11-26T12:00:00.000Z");
const clock = { now: () => NOW };
const at = (iso: string) => ({ now: () => new Date(iso) });
const actor = { type: "SYSTEM" as const };

type Step = [iso: string, op: { grant: "PURCHASE" | "SUBSCRIPTION_GRANT"; credits: number; expiresAt?: string } | { use: string; quantity: number }];

// Oldest first, as it happened. Services: workflow.run costs 1 a unit, ai.completion 5.
const HISTORY: Step[] = [
  ["2026-09-27T12:00:00Z", { grant: "PURCHASE", credits: 1000 }],
  ["2026-10-01T10:00:00Z", { use: "workflow.run", quantity: 100 }], // 100, outside 30 days, inside 90
  ["2026-11-01T10:00:00Z", { use: "workflow.run", quantity: 10 }], // 10
  ["2026-11-06T12:00:00Z", { grant: "SUBSCRIPTION_GRANT", credits: 300, expiresAt: "2026-11-29T12:00:00Z" }], // expires in 3 days
  ["2026-11-06T12:00:00Z", { grant: "SUBSCRIPTION_GRANT", credits: 50, expiresAt: "2026-12-06T12:00:00Z" }], // in 10 days
  ["2026-11-10T09:00:00Z", { use: "ai.completion", quantity: 2 }], // 10, from the lot expiring soonest (the 300)
  ["2026-11-10T15:00:00Z", { use: "ai.completion", quantity: 4 }], // 20
  ["2026-11-20T10:00:00Z", { use: "workflow.run", quantity: 7 }], // 7
  ["2026-11-23T12:00:00Z", { grant: "SUBSCRIPTION_GRANT", credits: 20, expiresAt: "2026-11-25T12:00:00Z" }], // lapsed yesterday, not swept
  ["2026-11-26T08:00:00Z", { use: "ai.completion", quantity: 1 }], // 5, today
  ["2026-11-26T09:00:00Z", { use: "workflow.run", quantity: 3 }], // 3, today
];

async function replay(prisma: PrismaClient, workspaceId: string, steps: Step[]) {
  for (const [index, [iso, op]] of steps.entries()) {
    const idempotencyKey = `history:${index}`;
    if ("grant" in op) {
      const expiresAt = op.expiresAt ? new Date(op.expiresAt) : null;
      await grantCredits(prisma, { workspaceId, type: op.grant, credits: op.credits, expiresAt, idempotencyKey, actor }, at(iso));
    } else {
      await consumeCredits(prisma, { workspaceId, serviceKey: op.use, quantity: op.quantity, idempotencyKey, actor: { type: "API_KEY" } }, at(iso));
    }
  }
}

describeEachEngine("overview and usage numbers", ({ prisma }) => {
  let workspaceId = "";

  it("shows spendable, expiring this week and the plan's renewal from a crafted ledger", async () => {
    await createDemoCatalog(prisma());
    workspaceId = (await createAccount(prisma())).workspace.id;
    await replay(prisma(), workspaceId, HISTORY);
    const growth = await prisma().creditPackage.findUniqueOrThrow({ where: { slug: "growth-monthly" } });
    await prisma().subscription.create({
      data: { workspaceId, packageId: growth.id, stripeSubscriptionId: "sub_overview", stripePriceId: "price_overview", status: "ACTIVE", currentPeriodEnd: new Date("2026-11-29T12:00:00Z") },
    });
    await expectLedgerInvariants(prisma());

    const overview = await getOverview(prisma(), workspaceId, 30, clock);
    // 1000 + 300 + 50 + 20 granted − 155 spent = 1,215; the 20 lapsed yesterday cannot be spent.
    expect(overview.position).toMatchObject({ balance: 1215, spendable: 1195, status: "ACTIVE" });
    // Usage drew from the lot expiring soonest: 300 − (10 + 20 + 7 + 5 + 3) = 255 left, expiring Nov 29;
    // the 50 expiring Dec 6 is outside the week.
    expect(overview.position.expiringSoon).toBe(255);
    expect(overview.position.nextExpiryAt).toEqual(new Date("2026-11-29T12:00:00Z"));
    expect(overview.baseUnitCents).toBe(10);
    expect(overview.plan).toMatchObject({ name: "Growth", renewsAt: new Date("2026-11-29T12:00:00Z"), amountCents: 4999, credits: 550 });
    expect(overview.smallestPack).toMatchObject({ name: "100 credits", priceCents: 1000 });
    // 55 credits in the last 30 days: not low.
    expect(overview.dailyAverage).toBeCloseTo(55 / 30);
    expect(overview.low.isLow).toBe(false);
  });

  it("charts usage per UTC day and service, past days rolled up and today live", async () => {
    const overview = await getOverview(prisma(), workspaceId, 30, clock);
    const { usage } = overview;
    expect(usage.days).toHaveLength(30);
    expect(usage.days[0]).toBe("2026-10-28");
    expect(usage.days.at(-1)).toBe("2026-11-26");
    expect(usage.services).toEqual(["ai.completion", "workflow.run"]);
    const spent = (day: string) => usage.credits[usage.days.indexOf(day)];
    expect(spent("2026-11-01")).toEqual([0, 10]);
    expect(spent("2026-11-10")).toEqual([30, 0]);
    expect(spent("2026-11-20")).toEqual([0, 7]);
    expect(spent("2026-11-26")).toEqual([5, 3]);
    expect(usage.total).toBe(55);
    expect((await getOverview(prisma(), workspaceId, 90, clock)).usage.total).toBe(155);

    // The closed days now sit in the rollup; today is not rolled up.
    const rolled = await prisma().usageDaily.findMany({ where: { workspaceId }, orderBy: [{ day: "asc" }] });
    expect(rolled.map((r) => r.day.toISOString().slice(0, 10))).toEqual(["2026-10-01", "2026-11-01", "2026-11-10", "2026-11-20"]);
    // A call made later today appears at once, and yesterday's totals do not move.
    await consumeCredits(prisma(), { workspaceId, serviceKey: "ai.completion", quantity: 2, idempotencyKey: "later-today", actor: { type: "API_KEY" } }, at("2026-11-26T11:30:00Z"));
    const again = await summarizeUsage(prisma(), workspaceId, { from: new Date("2026-11-10T00:00:00Z"), to: new Date("2026-11-27T00:00:00Z") }, clock);
    expect(again.data).toEqual([
      { day: "2026-11-10", service: "ai.completion", credits: 30, quantity: 6, calls: 2 },
      { day: "2026-11-20", service: "workflow.run", credits: 7, quantity: 7, calls: 1 },
      { day: "2026-11-26", service: "ai.completion", credits: 15, quantity: 3, calls: 2 },
      { day: "2026-11-26", service: "workflow.run", credits: 3, quantity: 3, calls: 1 },
    ]);
  });

  it("answers windows that start or end inside a day exactly as the ledger does", async () => {
    // 09:30 on Nov 10 cuts the day: only the 15:00 call (20 credits) is inside.
    const cut = await summarizeUsage(prisma(), workspaceId, { from: new Date("2026-11-10T09:30:00Z"), to: new Date("2026-11-20T10:00:00Z") }, clock);
    expect(cut.data).toEqual([{ day: "2026-11-10", service: "ai.completion", credits: 20, quantity: 4, calls: 1 }]);
  });

  it("compares periods per service and gives tips that state their numbers", async () => {
    const report = await getUsageReport(prisma(), workspaceId, 30, clock);
    expect(report).toMatchObject({ currentFrom: "2026-10-28", currentTo: "2026-11-26", previousFrom: "2026-09-28", previousTo: "2026-10-27" });
    const byService = Object.fromEntries(report.trends.map((t) => [t.service, t]));
    expect(byService["ai.completion"]!.current).toEqual({ service: "ai.completion", credits: 45, calls: 4, quantity: 9 });
    expect(byService["ai.completion"]!.changePercent).toBeNull();
    expect(byService["workflow.run"]!.current).toMatchObject({ credits: 20, calls: 3 });
    expect(byService["workflow.run"]!.previous).toMatchObject({ credits: 100, calls: 1 });
    expect(byService["workflow.run"]!.changePercent).toBe(-80);
    // 255 − 10 spent later today = 245 expiring Nov 29; 65 credits in 30 days is ~2.2 a day: 6 get used in 3 days.
    expect(report.tips).toEqual([
      expect.objectContaining({ kind: "expiring_unused", title: "239 credits will expire unused on Nov 29" }),
    ]);
    expect(report.tips[0]!.detail).toContain("245 credits expire on Nov 29 (in 3.0 days)");
  });

  it("leaves no gap when views of different windows fill the rollup at the same time", async () => {
    const fresh = (await createAccount(prisma())).workspace.id;
    await replay(prisma(), fresh, [
      ["2026-10-01T12:00:00Z", { grant: "PURCHASE", credits: 500 }],
      ["2026-10-20T12:00:00Z", { use: "workflow.run", quantity: 4 }], // inside the older window
      ["2026-11-06T12:00:00Z", { use: "workflow.run", quantity: 6 }], // between the two windows
      ["2026-11-20T12:00:00Z", { use: "workflow.run", quantity: 8 }], // inside the recent window
    ]);
    const summary = (from: string, to: string) => summarizeUsage(prisma(), fresh, { from: new Date(from), to: new Date(to) }, clock);
    await Promise.all([summary("2026-11-18T00:00:00Z", "2026-11-26T12:00:00Z"), summary("2026-10-15T00:00:00Z", "2026-10-25T00:00:00Z")]);
    const all = await summary("2026-10-01T00:00:00Z", "2026-11-26T12:00:00Z");
    expect(all.data.map((r) => [r.day, r.credits])).toEqual([
      ["2026-10-20", 4],
      ["2026-11-06", 6],
      ["2026-11-20", 8],
    ]);
  });

  it("suggests the plan that would have been cheaper than the packs bought in the last 90 days", async () => {
    const other = (await createAccount(prisma())).workspace.id;
    // Six 500-credit packs at $50 in 90 days (and one older, outside the window): 1,000 credits a month for $100.
    const paidDaysAgo = [5, 20, 35, 50, 65, 80, 120];
    for (const [i, days] of paidDaysAgo.entries()) {
      await prisma().payment.create({
        data: { workspaceId: other, interval: "ONE_TIME", status: "SUCCEEDED", amountCents: 5000, credits: 500, stripeCheckoutSessionId: `cs_overview_${i}`, paidAt: new Date(NOW.getTime() - days * 86_400_000) },
      });
    }
    const report = await getUsageReport(prisma(), other, 30, clock);
    expect(report.trends).toEqual([]);
    expect(report.tips).toEqual([expect.objectContaining({ kind: "plan_cheaper", title: "The Scale plan would have cost $0.03 less" })]);
    expect(report.tips[0]!.detail).toContain("3,000 credits in 6 one-time purchases for $300.00");
  });

  it("shows what holds reserve as held, outside what is spendable and what expires this week", async () => {
    const { workspace } = await createAccount(prisma());
    await grantCredits(prisma(), { workspaceId: workspace.id, type: "PURCHASE", credits: 100, idempotencyKey: "held:1", actor }, clock);
    await grantCredits(prisma(), { workspaceId: workspace.id, type: "SUBSCRIPTION_GRANT", credits: 50, expiresAt: new Date("2026-11-29T12:00:00Z"), idempotencyKey: "held:2", actor }, clock);
    // The hold pins the soonest-expiring credits first: all 50 plan credits, then 10 purchased.
    await reserveHold(prisma(), { workspaceId: workspace.id, serviceKey: "workflow.run", quantity: 60, ttlSeconds: 3600, idempotencyKey: "job", actor: { type: "API_KEY" } }, clock);
    const overview = await getOverview(prisma(), workspace.id, 30, clock);
    expect(overview.position).toMatchObject({ balance: 150, held: 60, spendable: 90, expiringSoon: 0 });
  });
});
