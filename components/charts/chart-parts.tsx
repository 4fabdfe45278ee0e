// The pieces every chart shares: an SVG plot that stretches to its card (shapes scale, strokes do
// not), axis text in HTML so it never stretches, and a legend in the palette's colours.
import type { ReactNode } from "react";
import { seriesColour } from "./palette";
import { labelledIndices, ticks } from "./scale";

/** The plot's own units: 100 high, `width` wide; preserveAspectRatio="none" maps it to the card. */
export const PLOT_HEIGHT = 100;

/** One column per x position, one value per series. */
export type ChartColumn = { label: string; values: number[] };

export type ChartProps = {
  /** The image's name for screen readers: what it shows and its headline numbers. */
  label: string;
  /** Series names, in the order of each column's values. */
  series: string[];
  columns: ChartColumn[];
  /** Axis text, kept short enough for a phone ("$1.2K", "15K"). */
  formatTick: (value: number) => string;
};

type PlotProps = { label: string; top: number; width: number; formatTick: (value: number) => string; children: ReactNode };

/** Y-axis labels, gridlines and the SVG that `children` draw into (x from 0 to `width`, y from 0 to PLOT_HEIGHT). */
export function Plot({ label, top, width, formatTick, children }: PlotProps) {
  const y = (tick: number) => PLOT_HEIGHT - (tick / top) * PLOT_HEIGHT;
  return (
    <div className="flex gap-2">
      <div aria-hidden="true" className="relative w-12 shrink-0 text-right text-xs text-slate-600 tabular-nums" style={{ height: "12rem" }}>
        {ticks(top).map((tick) => (
          <span key={tick} className="absolute right-0 -translate-y-1/2 whitespace-nowrap" style={{ top: `${100 - (tick / top) * 100}%` }}>
            {formatTick(tick)}
          </span>
        ))}
      </div>
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${PLOT_HEIGHT}`} preserveAspectRatio="none" className="h-48 min-w-0 flex-1 overflow-visible">
        {ticks(top).map((tick) => (
          <line key={tick} x1={0} x2={width} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" vectorEffect="non-scaling-stroke" />
        ))}
        {children}
      </svg>
    </div>
  );
}

/** A few x labels (first, last, evenly between), each centred on its column. */
export function XLabels({ columns }: { columns: ChartColumn[] }) {
  const last = columns.length - 1;
  return (
    <div aria-hidden="true" className="relative mt-1.5 ml-14 h-4 text-xs text-slate-600">
      {labelledIndices(columns.length).map((i) => (
        <span
          key={i}
          className="absolute whitespace-nowrap"
          style={{ left: `${((i + 0.5) / columns.length) * 100}%`, transform: `translateX(${i === 0 ? "-10%" : i === last ? "-90%" : "-50%"})` }}
        >
          {columns[i]!.label}
        </span>
      ))}
    </div>
  );
}

export function Legend({ series }: { series: string[] }) {
  if (series.length === 0) return null;
  return (
    <figcaption className="mt-4">
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-sm text-slate-700">
        {series.map((name, i) => (
          <li key={name} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ backgroundColor: seriesColour(i) }} />
            {name}
          </li>
        ))}
      </ul>
    </figcaption>
  );
}
