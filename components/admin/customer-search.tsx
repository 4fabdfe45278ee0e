import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";

/** A plain GET form: the search lives in the URL, so results can be shared and reloaded. */
export function CustomerSearch({ search }: { search?: string }) {
  return (
    <form role="search" action="/admin/customers" className="mb-6 flex flex-wrap items-center gap-2">
      <label htmlFor="customer-search" className="sr-only">
        Search customers
      </label>
      <div className="relative w-full max-w-sm">
        <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-slate-500">
          <Icon name="search" className="size-4" />
        </span>
        <input
          id="customer-search"
          name="search"
          type="search"
          defaultValue={search}
          maxLength={100}
          placeholder="Name, slug or owner email"
          className="h-10 w-full rounded-md border border-slate-300 bg-white pr-3 pl-9 text-sm shadow-sm placeholder:text-slate-500 focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none"
        />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {search && (
        <Link href="/admin/customers" className="px-2 text-sm font-medium text-accent-700 underline-offset-4 hover:underline">
          Clear search
        </Link>
      )}
    </form>
  );
}
