import { Legend, Plot, PLOT_HEIGHT, XLabels, type ChartProps } from "./chart-parts";
import { seriesColour } from "./palette";
import { niceCeiling } from "./scale";

const STEP = 10;

/** One line per series over the same columns (negatives drawn as zero), e.g. credits issued against consumed. */
export function LineChart({ label, series, columns, formatTick }: ChartProps) {
  const top = niceCeiling(Math.max(0, ...columns.flatMap((column) => column.values)));
  // Points sit at their column's centre, so they line up with the x labels as bars do.
  const point = (c: number, value: number) => `${c * STEP + STEP / 2},${PLOT_HEIGHT - (Math.max(0, value) / top) * PLOT_HEIGHT}`;
  return (
    <figure className="m-0">
      <Plot label={label} top={top} width={columns.length * STEP} formatTick={formatTick}>
        {series.map((name, i) => (
          <polyline key={name} fill="none" stroke={seriesColour(i)} strokeWidth={2} vectorEffect="non-scaling-stroke" points={columns.map((column, c) => point(c, column.values[i] ?? 0)).join(" ")} />
        ))}
      </Plot>
      <XLabels columns={columns} />
      <Legend series={series} />
    </figure>
  );
}
