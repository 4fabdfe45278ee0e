import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { findCurrentSubscription } from "@/services/billing/find-current-subscription";
import { listPackagesOnSale } from "@/services/billing/list-packages-on-sale";
import { getCreditPosition, type CreditPosition } from "@/services/credits/get-credit-position";
import { summarizeUsage } from "@/services/credits/summarize-usage";
import { getPricingSettings } from "@/services/pricing/pricing-settings";
import type { CreditPackView } from "@/types/billing";
import { lowBalance, type LowBalance } from "./efficiency-tips";
import { dailyUsageSeries, dayRange, type DailyUsageSeries } from "./usage-series";

export const USAGE_RANGES = [30, 90] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];
/** The pace low-balance warnings and tips measure by. */
export const PACE_DAYS = 30;

export type PlanSummary = {
  name: string;
  status: string;
  /** The next charge, or null when the plan ends at period end or collection is paused. */
  renewsAt: Date | null;
  endsAt: Date | null;
  amountCents: number;
  currency: string;
  credits: number;
  isCollectionPaused: boolean;
};

export type Overview = {
  position: CreditPosition;
  /** What one credit is worth, from the pricing settings (base rate). */
  baseUnitCents: number;
  currency: string;
  plan: PlanSummary | null;
  usage: DailyUsageSeries;
  /** Credits a day over the last PACE_DAYS days. */
  dailyAverage: number;
  low: LowBalance;
  /** The cheapest pack on sale: the low-balance warning's one-click top-up. */
  smallestPack: CreditPackView | null;
  /** Service key → display name. */
  serviceNames: Record<string, string>;
};

/**
 * Everything the overview page shows, read in parallel: the wallet's position, the plan and its
 * renewal, usage per day and service over `rangeDays` (UTC days, today included), the pace and
 * the low-balance verdict. Read-only except for filling the usage rollup for closed days.
 */
export async function getOverview(db: Db, workspaceId: string, rangeDays: UsageRange, clock: Clock = systemClock): Promise<Overview> {
  const now = clock.now();
  const days = dayRange(now, rangeDays);
  const from = new Date(`${days[0]}T00:00:00.000Z`);
  const [position, subscription, usage, pricing, packs, services] = await Promise.all([
    getCreditPosition(db, workspaceId, clock),
    findCurrentSubscription(db, workspaceId),
    summarizeUsage(db, workspaceId, { from, to: new Date(now.getTime() + 1) }, clock),
    getPricingSettings(db),
    listPackagesOnSale(db, "ONE_TIME"),
    db.service.findMany({ select: { key: true, name: true } }),
  ]);
  const paceFrom = dayRange(now, PACE_DAYS)[0]!;
  const recent = usage.data.filter((row) => row.day >= paceFrom).reduce((sum, row) => sum + row.credits, 0);
  const dailyAverage = recent / PACE_DAYS;
  const smallestPack = [...packs].sort((a, b) => a.priceCents - b.priceCents)[0] ?? null;
  return {
    position,
    baseUnitCents: pricing.baseUnitCents,
    currency: pricing.currency,
    plan: subscription && planSummary(subscription),
    usage: dailyUsageSeries(usage.data, days),
    dailyAverage,
    low: lowBalance(position.spendable, dailyAverage, smallestPack?.credits ?? null),
    smallestPack,
    serviceNames: Object.fromEntries(services.map((s) => [s.key, s.name])),
  };
}

function planSummary(subscription: NonNullable<Awaited<ReturnType<typeof findCurrentSubscription>>>): PlanSummary {
  const { plan, currentPeriodEnd, cancelAtPeriodEnd, isCollectionPaused, status } = subscription;
  const renews = !cancelAtPeriodEnd && !isCollectionPaused && status !== "PAUSED";
  return {
    name: plan.name,
    status,
    renewsAt: renews ? currentPeriodEnd : null,
    endsAt: cancelAtPeriodEnd ? currentPeriodEnd : null,
    amountCents: plan.priceCents,
    currency: plan.currency,
    credits: plan.credits,
    isCollectionPaused: isCollectionPaused || status === "PAUSED",
  };
}
