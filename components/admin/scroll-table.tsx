import type { ReactNode } from "react";
import type { Column } from "@/components/ui/table";

/**
 * A data table whose scroll container is a focusable, labelled region, so keyboard users can
 * scroll a wide table sideways at 375 px (the shared Table's container is not focusable).
 */
export function ScrollTable({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`px-5 py-2.5 font-medium whitespace-nowrap ${column.align === "right" ? "text-right" : ""}`}>
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

export const CELL = "px-5 py-2.5 whitespace-nowrap";
export const NUM = `${CELL} text-right tabular-nums`;
