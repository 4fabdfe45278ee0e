import { formatCount as formatCredits } from "@/components/charts/format";
import { formatCents } from "@/lib/format";
import type { ServiceTrend } from "@/services/insights/usage-series";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Props = { trends: ServiceTrend[]; serviceName: (key: string) => string; baseUnitCents: number; currency: string; periodDays: number };

function change(trend: ServiceTrend): string {
  if (trend.changePercent === null) return trend.current.credits ? "new" : "—";
  const rounded = Math.round(trend.changePercent);
  return rounded === 0 ? "no change" : `${rounded > 0 ? "+" : "−"}${Math.abs(rounded)}%`;
}

function perRun(credits: number, calls: number): string {
  return calls ? (credits / calls).toLocaleString("en-US", { maximumFractionDigits: 2 }) : "—";
}

/** Each service this period and the one before: credits, dollars at the base rate, runs, credits per run. */
export function ServiceTrendTable({ trends, serviceName, baseUnitCents, currency, periodDays }: Props) {
  const caption = `Usage per service, last ${periodDays} days against the ${periodDays} days before`;
  const cell = "px-4 py-2.5 text-right whitespace-nowrap";
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">Service</th>
            <th scope="col" className={`${cell} font-medium`}>Credits</th>
            <th scope="col" className={`${cell} font-medium`}>Cost</th>
            <th scope="col" className={`${cell} font-medium`}>Runs</th>
            <th scope="col" className={`${cell} font-medium`}>Credits per run</th>
            <th scope="col" className={`${cell} font-medium`}>Previous credits</th>
            <th scope="col" className={`${cell} font-medium`}>Previous per run</th>
            <th scope="col" className={`${cell} font-medium`}>Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {trends.map((trend) => (
            <tr key={trend.service}>
              <th scope="row" className="px-4 py-2.5 font-medium whitespace-nowrap text-slate-900">
                {serviceName(trend.service)}
                <span className="block text-xs font-normal text-slate-600">{trend.service}</span>
              </th>
              <td className={`${cell} text-slate-900`}>{formatCredits(trend.current.credits)}</td>
              <td className={`${cell} text-slate-700`}>{formatCents(trend.current.credits * baseUnitCents, currency)}</td>
              <td className={`${cell} text-slate-700`}>{formatCredits(trend.current.calls)}</td>
              <td className={`${cell} text-slate-700`}>{perRun(trend.current.credits, trend.current.calls)}</td>
              <td className={`${cell} text-slate-700`}>{formatCredits(trend.previous.credits)}</td>
              <td className={`${cell} text-slate-700`}>{perRun(trend.previous.credits, trend.previous.calls)}</td>
              <td className={`${cell} text-slate-900`}>{change(trend)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
