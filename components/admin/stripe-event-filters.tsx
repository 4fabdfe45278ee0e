import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { StripeEventListQuery } from "@/types/billing-admin";

const STATUSES = [
  ["", "Any status"],
  ["FAILED", "Failed"],
  ["RECEIVED", "Received, not processed"],
  ["PROCESSED", "Processed"],
  ["IGNORED", "Ignored"],
] as const;

const FIELD = "h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none";

/** A plain GET form: the filters live in the URL, so a view can be shared and reloaded. */
export function StripeEventFilters({ query }: { query: StripeEventListQuery }) {
  return (
    <form action="/admin/webhooks" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter Stripe events">
      <div className="flex flex-col gap-1">
        <label htmlFor="event-status" className="text-xs font-medium text-slate-700">
          Status
        </label>
        <select id="event-status" name="status" defaultValue={query.status ?? ""} className={FIELD}>
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="event-type" className="text-xs font-medium text-slate-700">
          Type starts with
        </label>
        <input id="event-type" name="type" type="search" defaultValue={query.type} maxLength={100} placeholder="checkout.session" className={`${FIELD} w-64 placeholder:text-slate-500`} />
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {(query.status || query.type) && (
        <Link href="/admin/webhooks" className="px-2 py-2 text-sm font-medium text-accent-700 underline-offset-4 hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
