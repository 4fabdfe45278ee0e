import { HEIGHT, niceMax, PAD, PLOT_H, PLOT_W, WIDTH, xTicks, type Series } from "./chart-frame";
import { ChartLegend } from "./chart-legend";

export type StackedBarChartProps = {
  /** Read by screen readers in place of the picture: say what it shows and the headline. */
  label: string;
  series: Series[];
  /** One column per point, one value per series (stacked bottom-up, negatives drawn as zero). */
  points: { label: string; values: number[] }[];
  formatValue: (value: number) => string;
};

/** Columns stacked by series, e.g. revenue per day split into packs and subscriptions. */
export function StackedBarChart({ label, series, points, formatValue }: StackedBarChartProps) {
  const totals = points.map((p) => p.values.reduce((sum, v) => sum + Math.max(0, v), 0));
  const top = niceMax(Math.max(0, ...totals));
  const slot = PLOT_W / Math.max(1, points.length);
  const barW = Math.max(1, slot * 0.7);
  const y = (value: number) => PAD.top + PLOT_H - (value / top) * PLOT_H;
  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-auto w-full">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(top * f)} y2={y(top * f)} className="stroke-slate-200" />
            <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end" className="fill-slate-600 text-[20px] sm:text-[11px]">
              {formatValue(top * f)}
            </text>
          </g>
        ))}
        {points.map((point, i) => {
          let base = 0;
          return (
            <g key={point.label}>
              {point.values.map((value, s) => {
                const v = Math.max(0, value);
                const rect = <rect key={s} x={PAD.left + i * slot + (slot - barW) / 2} y={y(base + v)} width={barW} height={y(base) - y(base + v)} className={series[s]?.className} />;
                base += v;
                return rect;
              })}
            </g>
          );
        })}
        {xTicks(points.length).map((i) => (
          <text key={i} x={PAD.left + i * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle" className="fill-slate-600 text-[20px] sm:text-[11px]">
            {points[i]?.label}
          </text>
        ))}
      </svg>
      <ChartLegend series={series} />
    </figure>
  );
}
