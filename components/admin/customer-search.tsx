import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import type { AdminWorkspaceListQuery } from "@/types/workspace";

const SELECT = "h-10 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none";

/** A plain GET form: the search and filters live in the URL, so results can be shared and reloaded. */
export function CustomerSearch({ query, plans }: { query: AdminWorkspaceListQuery; plans: { id: string; name: string }[] }) {
  const isFiltered = Boolean(query.search || query.status || query.plan || query.hasSubscription);
  return (
    <form role="search" aria-label="Customers" action="/admin/customers" className="mb-6 flex flex-wrap items-end gap-3">
      <div className="flex w-full max-w-sm flex-col gap-1.5">
        <label htmlFor="customer-search" className="text-sm font-medium text-slate-800">
          Search
        </label>
        <div className="relative">
          <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-slate-500">
            <Icon name="search" className="size-4" />
          </span>
          <input
            id="customer-search"
            name="search"
            type="search"
            defaultValue={query.search}
            maxLength={100}
            placeholder="Name, slug, member email, cus_…"
            className="h-10 w-full rounded-md border border-slate-300 bg-white pr-3 pl-9 text-sm shadow-sm placeholder:text-slate-500 focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none"
          />
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="customer-status" className="text-sm font-medium text-slate-800">
          Status
        </label>
        <select id="customer-status" name="status" defaultValue={query.status ?? ""} className={SELECT}>
          <option value="">Any</option>
          <option value="ACTIVE">Active</option>
          <option value="PAUSED">Paused</option>
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="customer-plan" className="text-sm font-medium text-slate-800">
          Plan
        </label>
        <select id="customer-plan" name="plan" defaultValue={query.plan ?? ""} className={SELECT}>
          <option value="">Any</option>
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="customer-subscription" className="text-sm font-medium text-slate-800">
          Subscription
        </label>
        <select id="customer-subscription" name="hasSubscription" defaultValue={query.hasSubscription ?? ""} className={SELECT}>
          <option value="">Any</option>
          <option value="yes">Has one</option>
          <option value="no">None</option>
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {isFiltered && (
        <Link href="/admin/customers" className="px-2 py-2.5 text-sm font-medium text-accent-700 underline-offset-4 hover:underline">
          Clear
        </Link>
      )}
    </form>
  );
}
