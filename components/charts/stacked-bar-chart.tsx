import { Legend, Plot, PLOT_HEIGHT, XLabels, type ChartProps } from "./chart-parts";
import { seriesColour } from "./palette";
import { niceCeiling } from "./scale";

type Props = ChartProps & {
  /** A column's tooltip: its label, total and non-zero parts. */
  formatValue: (value: number) => string;
};

const BAR_STEP = 10;
const BAR_WIDTH = 7;

/**
 * Stacked bars, one per column, one segment per series, bottom-up in series order (negatives drawn
 * as zero). Each bar has a <title> for pointer users; the image's name summarises it for screen
 * readers, and the page carries the numbers as a table.
 */
export function StackedBarChart({ label, series, columns, formatTick, formatValue }: Props) {
  const totals = columns.map((column) => column.values.reduce((sum, value) => sum + Math.max(0, value), 0));
  const top = niceCeiling(Math.max(0, ...totals));
  return (
    <figure className="m-0">
      <Plot label={label} top={top} width={columns.length * BAR_STEP} formatTick={formatTick}>
        {columns.map((column, c) => {
          let y = PLOT_HEIGHT;
          const parts = series.flatMap((name, i) => (column.values[i]! > 0 ? [`${name} ${formatValue(column.values[i]!)}`] : []));
          return (
            <g key={c}>
              <title>{`${column.label}: ${formatValue(totals[c]!)}${parts.length ? ` — ${parts.join(", ")}` : ""}`}</title>
              <rect x={c * BAR_STEP} y={0} width={BAR_STEP} height={PLOT_HEIGHT} fill="transparent" />
              {series.map((name, i) => {
                const h = (Math.max(0, column.values[i]!) / top) * PLOT_HEIGHT;
                if (!h) return null;
                y -= h;
                return <rect key={name} x={c * BAR_STEP + (BAR_STEP - BAR_WIDTH) / 2} y={y} width={BAR_WIDTH} height={h} fill={seriesColour(i)} />;
              })}
            </g>
          );
        })}
      </Plot>
      <XLabels columns={columns} />
      <Legend series={series} />
    </figure>
  );
}
