import type { FinanceRangeDays } from "@/types/finance";

const DAY_MS = 86_400_000;

/** The last `days` UTC days, today included: [from, to) with `to` = now. */
export type FinanceRange = { days: FinanceRangeDays; from: Date; to: Date };

export function financeRange(days: FinanceRangeDays, now: Date): FinanceRange {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { days, from: new Date(today - (days - 1) * DAY_MS), to: now };
}

/** `YYYY-MM-DD` of a UTC day. */
export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Every UTC day of the range, oldest first, so charts show days with nothing as zero. */
export function rangeDays(range: FinanceRange): string[] {
  return Array.from({ length: range.days }, (_, i) => dayKey(new Date(range.from.getTime() + i * DAY_MS)));
}
