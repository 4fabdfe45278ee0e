import { HEIGHT, niceMax, PAD, PLOT_H, PLOT_W, WIDTH, xTicks, type Series } from "./chart-frame";
import { ChartLegend } from "./chart-legend";

export type LineChartProps = {
  /** Read by screen readers in place of the picture: say what it shows and the headline. */
  label: string;
  series: Series[];
  /** One point per x position, one value per series. */
  points: { label: string; values: number[] }[];
  formatValue: (value: number) => string;
};

/** One line per series over the same days, e.g. credits issued against credits consumed. */
export function LineChart({ label, series, points, formatValue }: LineChartProps) {
  const top = niceMax(Math.max(0, ...points.flatMap((p) => p.values)));
  const step = PLOT_W / Math.max(1, points.length - 1);
  const x = (i: number) => PAD.left + (points.length === 1 ? PLOT_W / 2 : i * step);
  const y = (value: number) => PAD.top + PLOT_H - (Math.max(0, value) / top) * PLOT_H;
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
        {series.map((s, si) => (
          <polyline key={s.label} fill="none" strokeWidth={2} vectorEffect="non-scaling-stroke" className={s.className} points={points.map((p, i) => `${x(i)},${y(p.values[si] ?? 0)}`).join(" ")} />
        ))}
        {xTicks(points.length).map((i) => (
          <text key={i} x={x(i)} y={HEIGHT - 6} textAnchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"} className="fill-slate-600 text-[20px] sm:text-[11px]">
            {points[i]?.label}
          </text>
        ))}
      </svg>
      <ChartLegend series={series} />
    </figure>
  );
}
