import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { Prisma, type Db } from "@/lib/db";
import { findCurrentSubscription } from "@/services/billing/find-current-subscription";
import { listPackagesOnSale } from "@/services/billing/list-packages-on-sale";
import { getCreditPosition } from "@/services/credits/get-credit-position";
import { summarizeUsage } from "@/services/credits/summarize-usage";
import { getPricingSettings } from "@/services/pricing/pricing-settings";
import { costPerRunTips, expiringUnusedTip, planCheaperTip, PURCHASE_WINDOW_DAYS, type OneTimePurchases, type Tip } from "./efficiency-tips";
import { PACE_DAYS, type UsageRange } from "./get-overview";
import { dailyUsageSeries, dayRange, serviceTrends, type DailyUsageSeries, type ServiceTrend } from "./usage-series";

const DAY_MS = 86_400_000;

export type UsageReport = {
  periodDays: UsageRange;
  /** This period's first and last UTC day (today), and the previous period's. */
  currentFrom: string;
  currentTo: string;
  previousFrom: string;
  previousTo: string;
  usage: DailyUsageSeries;
  trends: ServiceTrend[];
  serviceNames: Record<string, string>;
  baseUnitCents: number;
  currency: string;
  tips: Tip[];
};

/** One-time purchases (packs and custom amounts) paid in the window, net of refunds and clawbacks. */
async function sumOneTimePurchases(db: Db, workspaceId: string, since: Date): Promise<OneTimePurchases> {
  const [row] = await db.$queryRaw<OneTimePurchases[]>(Prisma.sql`
    SELECT count(*)::integer AS count,
           coalesce(sum(p.credits + p.bonus_credits - p.credits_clawed_back), 0)::integer AS credits,
           coalesce(sum(p.amount_cents - p.amount_refunded_cents), 0)::integer AS "amountCents"
    FROM payments p
    WHERE p.workspace_id = ${workspaceId}::uuid AND p.interval = 'ONE_TIME'
      AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED') AND p.paid_at >= ${since}::timestamptz`);
  return row ?? { count: 0, credits: 0, amountCents: 0 };
}

/**
 * The usage page: usage per day and service this period (the last `periodDays` UTC days, today
 * included), each service against the period before, and efficiency tips from the workspace's
 * own figures. Read-only except for filling the usage rollup for closed days.
 */
export async function getUsageReport(db: Db, workspaceId: string, periodDays: UsageRange, clock: Clock = systemClock): Promise<UsageReport> {
  const now = clock.now();
  const both = dayRange(now, periodDays * 2);
  const previousFrom = both[0]!;
  const currentFrom = both[periodDays]!;
  const currentTo = both.at(-1)!;
  const tomorrow = new Date(new Date(`${currentTo}T00:00:00.000Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
  const [usage, pricing, services, position, subscription, plans, purchases] = await Promise.all([
    summarizeUsage(db, workspaceId, { from: new Date(`${previousFrom}T00:00:00.000Z`), to: new Date(now.getTime() + 1) }, clock),
    getPricingSettings(db),
    db.service.findMany({ select: { key: true, name: true } }),
    getCreditPosition(db, workspaceId, clock),
    findCurrentSubscription(db, workspaceId),
    listPackagesOnSale(db, "MONTH"),
    sumOneTimePurchases(db, workspaceId, new Date(now.getTime() - PURCHASE_WINDOW_DAYS * DAY_MS)),
  ]);
  const serviceNames = Object.fromEntries(services.map((s) => [s.key, s.name]));
  const trends = serviceTrends(usage.data, previousFrom, currentFrom, tomorrow);
  const paceFrom = dayRange(now, PACE_DAYS)[0]!;
  const dailyAverage = usage.data.filter((row) => row.day >= paceFrom).reduce((sum, row) => sum + row.credits, 0) / PACE_DAYS;
  const tips = [
    ...costPerRunTips(trends, periodDays, (key) => serviceNames[key] ?? key),
    planCheaperTip(purchases, plans, subscription?.plan ?? null),
    expiringUnusedTip(position.expiringSoon, position.nextExpiryAt, dailyAverage, now),
  ].filter((tip): tip is Tip => tip !== null);
  return {
    periodDays,
    currentFrom,
    currentTo,
    previousFrom,
    previousTo: both[periodDays - 1]!,
    usage: dailyUsageSeries(usage.data, dayRange(now, periodDays)),
    trends,
    serviceNames,
    baseUnitCents: pricing.baseUnitCents,
    currency: pricing.currency,
    tips,
  };
}
