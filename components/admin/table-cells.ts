// Cell classes shared by the finance and audit tables.
export const CELL = "px-5 py-2.5 whitespace-nowrap";
export const NUM = `${CELL} text-right tabular-nums`;
