import type { ReactNode } from "react";

export type Column = { label: string; align?: "left" | "right" };

/**
 * A data table: scrolls sideways on small screens inside a focusable region named by the caption
 * (so keyboard users can scroll it too), announces its caption, styles its head.
 */
export function Table({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
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
    </div>
  );
}
