import Link from "next/link";
import { FINANCE_RANGES, type FinanceRangeDays } from "@/types/finance";

/** Links, not a form: each range is a shareable URL, and the current one is marked for screen readers. */
export function FinanceRangePicker({ days }: { days: FinanceRangeDays }) {
  return (
    <nav aria-label="Report range">
      <ul className="flex rounded-lg border border-slate-300 bg-white p-0.5 text-sm">
        {FINANCE_RANGES.map((range) => (
          <li key={range}>
            <Link
              href={`/admin/finance?days=${range}`}
              aria-current={range === days ? "page" : undefined}
              className={`block rounded-md px-3 py-1.5 font-medium ${range === days ? "bg-accent-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {range === 365 ? "1 year" : `${range} days`}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
