// Efficiency tips computed from a workspace's own numbers. Pure functions: each rule takes the
// figures it needs and returns a tip that states them, or null when it does not apply.
import { formatCents, formatCredits } from "@/lib/format";
import type { ServiceTrend } from "./usage-series";

export type Tip = { kind: "cost_per_run_rose" | "plan_cheaper" | "expiring_unused"; title: string; detail: string };

/** A rise in credits per run worth mentioning, and the runs each period needs for it to mean something. */
export const COST_RISE_PERCENT = 10;
export const MIN_RUNS_PER_PERIOD = 10;
/** The window one-time purchases are compared with plans over: three monthly renewals. */
export const PURCHASE_WINDOW_DAYS = 90;
const MONTHS_IN_WINDOW = 3;

const oneDecimal = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Services whose credits per run rose by COST_RISE_PERCENT or more against the previous period. */
export function costPerRunTips(trends: ServiceTrend[], periodDays: number, serviceName: (key: string) => string): Tip[] {
  return trends.flatMap((trend) => {
    const { current, previous } = trend;
    if (current.calls < MIN_RUNS_PER_PERIOD || previous.calls < MIN_RUNS_PER_PERIOD) return [];
    const now = current.credits / current.calls;
    const before = previous.credits / previous.calls;
    const rise = ((now - before) / before) * 100;
    if (rise < COST_RISE_PERCENT) return [];
    const unitsNow = current.quantity / current.calls;
    const unitsBefore = previous.quantity / previous.calls;
    const why =
      unitsNow > unitsBefore
        ? `Each run now uses ${oneDecimal(unitsNow)} units on average, up from ${oneDecimal(unitsBefore)}: check what your runs send.`
        : `Units per run stayed at ${oneDecimal(unitsNow)}, so the service's price per unit rose.`;
    return [
      {
        kind: "cost_per_run_rose" as const,
        title: `${serviceName(trend.service)} costs ${Math.round(rise)}% more per run`,
        detail:
          `${oneDecimal(now)} credits per run in the last ${periodDays} days (${formatCredits(current.credits)} credits over ${formatCredits(current.calls)} runs), ` +
          `up from ${oneDecimal(before)} in the ${periodDays} days before (${formatCredits(previous.credits)} over ${formatCredits(previous.calls)} runs). ${why}`,
      },
    ];
  });
}

export type PlanOption = { name: string; credits: number; priceCents: number; currency: string };
export type OneTimePurchases = { credits: number; amountCents: number; count: number };

/**
 * A monthly plan that would have given at least the credits bought in the last 90 days (one-time
 * packs and custom amounts, plus the current plan's credits) for less money. The cheapest such
 * plan; none when the workspace bought nothing one-time.
 */
export function planCheaperTip(purchases: OneTimePurchases, plans: PlanOption[], currentPlan: PlanOption | null): Tip | null {
  if (purchases.count === 0 || purchases.credits <= 0) return null;
  const monthlyCredits = purchases.credits / MONTHS_IN_WINDOW + (currentPlan?.credits ?? 0);
  const monthlyCents = purchases.amountCents / MONTHS_IN_WINDOW + (currentPlan?.priceCents ?? 0);
  const plan = plans
    .filter((p) => p.credits >= monthlyCredits && p.priceCents < monthlyCents && p.name !== currentPlan?.name)
    .sort((a, b) => a.priceCents - b.priceCents)[0];
  if (!plan) return null;
  const windowCents = plan.priceCents * MONTHS_IN_WINDOW;
  const paidCents = purchases.amountCents + (currentPlan?.priceCents ?? 0) * MONTHS_IN_WINDOW;
  const bought = `${formatCredits(purchases.credits)} credits in ${purchases.count} one-time purchase${purchases.count === 1 ? "" : "s"} for ${formatCents(purchases.amountCents, plan.currency)}`;
  const onPlan = currentPlan ? ` on top of your ${currentPlan.name} plan (${formatCredits(currentPlan.credits)} credits for ${formatCents(currentPlan.priceCents, currentPlan.currency)} a month)` : "";
  return {
    kind: "plan_cheaper",
    title: `The ${plan.name} plan would have cost ${formatCents(paidCents - windowCents, plan.currency)} less`,
    detail:
      `In the last ${PURCHASE_WINDOW_DAYS} days you bought ${bought}${onPlan}: about ${formatCredits(Math.round(monthlyCredits))} credits a month. ` +
      `${plan.name} gives ${formatCredits(plan.credits)} credits a month for ${formatCents(plan.priceCents, plan.currency)} — ${formatCents(windowCents, plan.currency)} for three months against ${formatCents(paidCents, plan.currency)} paid. ` +
      `Plan credits expire at the end of each month unless the plan rolls them over.`,
  };
}

/**
 * Credits that expire within the warning window and, at the last 30 days' pace, will not be
 * spent before they do.
 */
export function expiringUnusedTip(expiringCredits: number, expiresAt: Date | null, dailyAverage: number, now: Date): Tip | null {
  if (expiringCredits <= 0 || !expiresAt) return null;
  const daysLeft = Math.max(0, (expiresAt.getTime() - now.getTime()) / 86_400_000);
  const willUse = Math.min(expiringCredits, Math.floor(dailyAverage * daysLeft));
  const unused = expiringCredits - willUse;
  if (unused <= 0) return null;
  const date = expiresAt.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
  return {
    kind: "expiring_unused",
    title: `${formatCredits(unused)} credits will expire unused on ${date}`,
    detail:
      `${formatCredits(expiringCredits)} credits expire on ${date} (in ${oneDecimal(daysLeft)} days). At your last 30 days' pace of ` +
      `${oneDecimal(dailyAverage)} credits a day you will spend about ${formatCredits(willUse)} of them by then. ` +
      `Usage draws from the soonest-expiring credits first, so runs you bring forward use these before your other credits.`,
  };
}

export type LowBalance = { isLow: boolean; runwayDays: number | null };

/** How long the spendable credits last at the last 30 days' pace; low below a week (or at none). */
export function lowBalance(spendable: number, dailyAverage: number, smallestPackCredits: number | null): LowBalance {
  const runwayDays = dailyAverage > 0 ? spendable / dailyAverage : null;
  if (spendable <= 0) return { isLow: true, runwayDays: 0 };
  if (runwayDays !== null) return { isLow: runwayDays < 7, runwayDays };
  // No recent usage to measure a pace by: low when less than the smallest pack is left.
  return { isLow: smallestPackCredits !== null && spendable < smallestPackCredits, runwayDays: null };
}
