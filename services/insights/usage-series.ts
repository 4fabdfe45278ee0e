// Shaping usage rows (per UTC day and service, as summarizeUsage returns them) for charts,
// tables and comparisons. Pure: no database, no clock.
import type { UsageSummary } from "@/types/usage";

export type UsageRow = UsageSummary["data"][number];

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a UTC day. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The `count` UTC days ending with the day of `last`, oldest first. */
export function dayRange(last: Date, count: number): string[] {
  const end = Math.floor(last.getTime() / DAY_MS) * DAY_MS;
  return Array.from({ length: count }, (_, i) => utcDay(new Date(end - (count - 1 - i) * DAY_MS)));
}

export type DailyUsageSeries = {
  days: string[];
  /** Services ordered by credits in the window, largest first (drawn at the bottom of each stack). */
  services: string[];
  /** credits[dayIndex][serviceIndex], zero where nothing was spent. */
  credits: number[][];
  dayTotals: number[];
  total: number;
};

/** Every day of `days` (empty days included, as zeros) × every service that spent in them. */
export function dailyUsageSeries(rows: UsageRow[], days: string[]): DailyUsageSeries {
  const dayIndex = new Map(days.map((day, i) => [day, i]));
  const inWindow = rows.filter((row) => dayIndex.has(row.day));
  const byService = new Map<string, number>();
  for (const row of inWindow) byService.set(row.service, (byService.get(row.service) ?? 0) + row.credits);
  const services = [...byService.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([service]) => service);
  const serviceIndex = new Map(services.map((service, i) => [service, i]));
  const credits = days.map(() => services.map(() => 0));
  for (const row of inWindow) credits[dayIndex.get(row.day)!]![serviceIndex.get(row.service)!]! += row.credits;
  const dayTotals = credits.map((day) => day.reduce((sum, c) => sum + c, 0));
  return { days, services, credits, dayTotals, total: dayTotals.reduce((sum, c) => sum + c, 0) };
}

export type ServiceTotals = { service: string; credits: number; calls: number; quantity: number };

/** Per-service totals of the rows whose day is in [fromDay, untilDay) (YYYY-MM-DD compares as text). */
export function totalsByService(rows: UsageRow[], fromDay: string, untilDay: string): Map<string, ServiceTotals> {
  const totals = new Map<string, ServiceTotals>();
  for (const row of rows) {
    if (row.day < fromDay || row.day >= untilDay) continue;
    const t = totals.get(row.service) ?? { service: row.service, credits: 0, calls: 0, quantity: 0 };
    t.credits += row.credits;
    t.calls += row.calls;
    t.quantity += row.quantity;
    totals.set(row.service, t);
  }
  return totals;
}

export type ServiceTrend = {
  service: string;
  current: ServiceTotals;
  previous: ServiceTotals;
  /** Change in credits vs the previous period, in percent; null when the previous period had none. */
  changePercent: number | null;
};

/**
 * This period against the one before, per service: `currentFrom` is the first day of this period,
 * `previousFrom` the first of the previous one, `until` the day after this period. Sorted by this
 * period's credits, largest first.
 */
export function serviceTrends(rows: UsageRow[], previousFrom: string, currentFrom: string, until: string): ServiceTrend[] {
  const current = totalsByService(rows, currentFrom, until);
  const previous = totalsByService(rows, previousFrom, currentFrom);
  const empty = (service: string): ServiceTotals => ({ service, credits: 0, calls: 0, quantity: 0 });
  const services = new Set([...current.keys(), ...previous.keys()]);
  return [...services]
    .map((service) => {
      const now = current.get(service) ?? empty(service);
      const before = previous.get(service) ?? empty(service);
      return { service, current: now, previous: before, changePercent: before.credits ? ((now.credits - before.credits) / before.credits) * 100 : null };
    })
    .sort((a, b) => b.current.credits - a.current.credits || b.previous.credits - a.previous.credits || a.service.localeCompare(b.service));
}
