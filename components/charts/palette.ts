// Series colours: distinct hues, each at least 3:1 against white (WCAG non-text contrast), so bars
// read without relying on neighbours. The legend and the table carry the names; colour only repeats them.
export const SERIES_COLOURS = ["#2c56d6", "#0e7490", "#b45309", "#be185d", "#15803d", "#6d28d9", "#475569"] as const;

/** The colour of the n-th series; services past the palette share the last (slate) colour. */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[Math.min(index, SERIES_COLOURS.length - 1)]!;
}
