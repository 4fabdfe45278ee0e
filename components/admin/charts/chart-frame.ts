// Shared geometry for the admin's small SVG charts: a fixed viewBox scaled to the card's width.

export const WIDTH = 720;
export const HEIGHT = 220;
export const PAD = { top: 12, right: 8, bottom: 24, left: 56 };
export const PLOT_W = WIDTH - PAD.left - PAD.right;
export const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** A "nice" top for the axis (1, 2 or 5 × a power of ten), never zero. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/** Up to about six labels along x: the first, the last and evenly spaced ones between. */
export function xTicks(count: number): number[] {
  if (count <= 1) return [0];
  const step = Math.max(1, Math.ceil((count - 1) / 5));
  const ticks: number[] = [];
  for (let i = 0; i < count - 1; i += step) ticks.push(i);
  return [...ticks.filter((i) => count - 1 - i >= step / 2), count - 1];
}

export type Series = { label: string; className: string; swatch: string };
