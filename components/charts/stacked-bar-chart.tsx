import type { DailyUsageSeries } from "@/services/insights/usage-series";
import { formatCount as formatCredits, formatShortDay as shortDay } from "./format";
import { seriesColour } from "./palette";
import { labelledIndices, niceCeiling, ticks } from "./scale";

type Props = {
  series: DailyUsageSeries;
  /** What the chart shows, e.g. "Credits spent per day by service, last 30 days": the image's name. */
  label: string;
  serviceName: (key: string) => string;
};

const BAR_STEP = 10;
const BAR_WIDTH = 7;
const HEIGHT = 100;

/**
 * Stacked bars, one per day, one segment per service. The SVG stretches to the card's width (its
 * bars scale; axis text is HTML so it never stretches); each bar has a <title> for pointer users,
 * and the image's name summarises it for screen readers, with the numbers in UsageDayTable.
 */
export function StackedBarChart({ series, label, serviceName }: Props) {
  const top = niceCeiling(Math.max(0, ...series.dayTotals));
  const width = series.days.length * BAR_STEP;
  const busiest = series.dayTotals.reduce((best, total, i) => (total > series.dayTotals[best]! ? i : best), 0);
  const summary = series.total
    ? `${label}: ${formatCredits(series.total)} credits in total; busiest day ${shortDay(series.days[busiest]!)} with ${formatCredits(series.dayTotals[busiest]!)} credits. Services: ${series.services.map(serviceName).join(", ")}.`
    : `${label}: no usage.`;
  return (
    <figure className="m-0">
      <div className="flex gap-2">
        <div aria-hidden="true" className="relative w-10 shrink-0 text-right text-xs text-slate-600 tabular-nums" style={{ height: "12rem" }}>
          {ticks(top).map((tick) => (
            <span key={tick} className="absolute right-0 -translate-y-1/2" style={{ top: `${100 - (tick / top) * 100}%` }}>
              {formatCredits(tick)}
            </span>
          ))}
        </div>
        <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" className="h-48 min-w-0 flex-1 overflow-visible">
          {ticks(top).map((tick) => (
            <line key={tick} x1={0} x2={width} y1={HEIGHT - (tick / top) * HEIGHT} y2={HEIGHT - (tick / top) * HEIGHT} stroke="#e2e8f0" vectorEffect="non-scaling-stroke" />
          ))}
          {series.days.map((day, d) => {
            let y = HEIGHT;
            return (
              <g key={day}>
                <title>{`${shortDay(day)}: ${formatCredits(series.dayTotals[d]!)} credits${series.credits[d]!.some(Boolean) ? " — " : ""}${series.services
                  .flatMap((s, i) => (series.credits[d]![i] ? [`${serviceName(s)} ${formatCredits(series.credits[d]![i]!)}`] : []))
                  .join(", ")}`}</title>
                <rect x={d * BAR_STEP} y={0} width={BAR_STEP} height={HEIGHT} fill="transparent" />
                {series.services.map((service, i) => {
                  const h = (series.credits[d]![i]! / top) * HEIGHT;
                  if (!h) return null;
                  y -= h;
                  return <rect key={service} x={d * BAR_STEP + (BAR_STEP - BAR_WIDTH) / 2} y={y} width={BAR_WIDTH} height={h} fill={seriesColour(i)} />;
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <div aria-hidden="true" className="relative mt-1.5 ml-12 h-4 text-xs text-slate-600">
        {labelledIndices(series.days.length).map((i) => (
          <span
            key={i}
            className="absolute whitespace-nowrap"
            style={{ left: `${((i + 0.5) / series.days.length) * 100}%`, transform: `translateX(${i === 0 ? "-10%" : i === series.days.length - 1 ? "-90%" : "-50%"})` }}
          >
            {shortDay(series.days[i]!)}
          </span>
        ))}
      </div>
      {series.services.length > 0 && (
        <figcaption className="mt-4">
          <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-sm text-slate-700">
            {series.services.map((service, i) => (
              <li key={service} className="flex items-center gap-1.5">
                <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ backgroundColor: seriesColour(i) }} />
                {serviceName(service)}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}
