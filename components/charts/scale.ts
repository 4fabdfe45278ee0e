// Axis arithmetic for the hand-written charts. Pure, so it is unit-tested.

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max` (at least 1): a round top for the y axis. */
export function niceCeiling(max: number): number {
  if (!(max > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= max)!;
  return step * magnitude;
}

/**
 * Ticks from 0 to a niceCeiling `top`, evenly spaced at whole numbers (credits are integers): steps
 * of 2 or 1 × 10ⁿ (five steps to 1 or 5 × 10ⁿ, four to 2 × 10ⁿ), one per unit for tiny tops.
 */
export function ticks(top: number): number[] {
  const lead = Math.round(top / 10 ** Math.floor(Math.log10(top)));
  const count = top <= 5 ? top : lead === 2 ? 4 : 5;
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/** Which bar indices get a date label: first, last and evenly between, at most `max` of them. */
export function labelledIndices(length: number, max = 4): number[] {
  if (length <= 0) return [];
  if (length <= max) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.round((i * (length - 1)) / (max - 1)));
}
