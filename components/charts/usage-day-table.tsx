import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatCount as formatCredits } from "./format";
import type { DailyUsageSeries } from "@/services/insights/usage-series";

type Props = { series: DailyUsageSeries; caption: string; serviceName: (key: string) => string };

/**
 * The chart's numbers as a table, newest day first, days without usage left out. It scrolls
 * sideways inside a labelled, focusable region when the services do not fit.
 */
export function UsageDayTable({ series, caption, serviceName }: Props) {
  const rows = series.days.map((day, d) => ({ day, d })).filter(({ d }) => series.dayTotals[d]! > 0).reverse();
  if (!rows.length) return <p className="text-sm text-slate-600">No usage in this period.</p>;
  return (
    <div className="rounded-lg border border-slate-200">
      <ScrollRegion label={caption}>
        <table className="w-full text-left text-sm tabular-nums">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Day (UTC)</th>
              {series.services.map((service) => (
                <th key={service} scope="col" className="px-4 py-2 text-right font-medium whitespace-nowrap">
                  {serviceName(service)}
                </th>
              ))}
              <th scope="col" className="px-4 py-2 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map(({ day, d }) => (
              <tr key={day}>
                <th scope="row" className="px-4 py-2 font-normal whitespace-nowrap text-slate-700">{day}</th>
                {series.services.map((service, i) => (
                  <td key={service} className="px-4 py-2 text-right text-slate-700">{formatCredits(series.credits[d]![i]!)}</td>
                ))}
                <td className="px-4 py-2 text-right font-medium text-slate-900">{formatCredits(series.dayTotals[d]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
