import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DISPUTE_STATUSES, type AdminDisputeQuery } from "@/types/disputes";
import { STATUS_LABELS } from "./dispute-labels";

const FIELD = "h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none";

/** A plain GET form: the queue's filters live in the URL. */
export function AdminDisputeFilters({ query }: { query: AdminDisputeQuery }) {
  const isFiltered = Boolean(query.state || query.overdue !== undefined || query.customer || query.minAgeHours !== undefined);
  return (
    <form action="/admin/disputes" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter disputes">
      <div className="flex flex-col gap-1">
        <label htmlFor="dispute-state" className="text-xs font-medium text-slate-700">
          State
        </label>
        <select id="dispute-state" name="state" defaultValue={query.state ?? ""} className={FIELD}>
          <option value="">Any state</option>
          {DISPUTE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status].label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dispute-overdue" className="text-xs font-medium text-slate-700">
          SLA
        </label>
        <select id="dispute-overdue" name="overdue" defaultValue={query.overdue === undefined ? "" : String(query.overdue)} className={FIELD}>
          <option value="">Any</option>
          <option value="true">Overdue only</option>
          <option value="false">Not overdue</option>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dispute-age" className="text-xs font-medium text-slate-700">
          Older than (hours)
        </label>
        <input id="dispute-age" name="minAgeHours" type="number" min={0} max={8760} defaultValue={query.minAgeHours} className={`${FIELD} w-32`} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dispute-customer" className="text-xs font-medium text-slate-700">
          Customer
        </label>
        <input id="dispute-customer" name="customer" type="search" defaultValue={query.customer} maxLength={200} placeholder="Name, email or workspace id" className={`${FIELD} w-64 max-w-full placeholder:text-slate-500`} />
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {isFiltered && (
        <Link href="/admin/disputes" className="px-2 py-2 text-sm font-medium text-accent-700 underline-offset-4 hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
