import type { DailyUsageSeries } from "@/services/insights/usage-series";
import { formatCount, formatShortDay } from "./format";
import { StackedBarChart } from "./stacked-bar-chart";

type Props = {
  series: DailyUsageSeries;
  /** What the chart shows, e.g. "Credits spent per day by service, last 30 days". */
  label: string;
  serviceName: (key: string) => string;
};

const credits = (n: number) => `${formatCount(n)} credits`;

/** Credits spent per day, stacked by service; its name tells a screen reader the total and the busiest day. */
export function UsageChart({ series, label, serviceName }: Props) {
  const busiest = series.dayTotals.reduce((best, total, i) => (total > series.dayTotals[best]! ? i : best), 0);
  const names = series.services.map(serviceName);
  const summary = series.total
    ? `${label}: ${credits(series.total)} in total; busiest day ${formatShortDay(series.days[busiest]!)} with ${credits(series.dayTotals[busiest]!)}. Services: ${names.join(", ")}.`
    : `${label}: no usage.`;
  return (
    <StackedBarChart
      label={summary}
      series={names}
      columns={series.days.map((day, d) => ({ label: formatShortDay(day), values: series.credits[d]! }))}
      formatTick={formatCount}
      formatValue={credits}
    />
  );
}
