import type Stripe from "stripe";

/**
 * Adds a billing interval in UTC the way Stripe anchors cycles: months keep the day of month,
 * clamped to the month's last day (Jan 31 → Feb 28).
 */
export function addInterval(timestamp: number, interval: Stripe.Price.Recurring.Interval, count: number): number {
  const date = new Date(timestamp * 1000);
  if (interval === "day") return timestamp + count * 86_400;
  if (interval === "week") return timestamp + count * 7 * 86_400;
  const months = interval === "year" ? 12 * count : count;
  const day = date.getUTCDate();
  const target = new Date(date);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return Math.floor(target.getTime() / 1000);
}
