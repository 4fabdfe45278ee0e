import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

export type Column = { label: string; align?: "left" | "right" };

/**
 * A data table: announces its caption and styles its head. On a narrow screen it scrolls sideways
 * inside a focusable region named by the caption, with a visible hint while columns are out of view.
 */
export function Table({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`px-5 py-2.5 font-medium ${column.align === "right" ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
