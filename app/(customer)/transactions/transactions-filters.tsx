import Link from "next/link";
import { LEDGER_TYPE_LABELS } from "@/components/credits/ledger-type-labels";
import { buttonClassName } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/select-field";
import { LEDGER_ENTRY_TYPES } from "@/types/credits";
import { hasFilters, type TransactionsSearch } from "./transactions-search";

export type TransactionsFiltersProps = { search: TransactionsSearch; services: { key: string; name: string }[] };

/**
 * A plain GET form: applying filters is following a link, so the filtered view can be bookmarked
 * and shared, and works before any script has loaded. A new filter starts again at the first page.
 */
export function TransactionsFilters({ search, services }: TransactionsFiltersProps) {
  const typeOptions = [{ value: "", label: "All types" }, ...LEDGER_ENTRY_TYPES.map((type) => ({ value: type, label: LEDGER_TYPE_LABELS[type] }))];
  const serviceOptions = [{ value: "", label: "All services" }, ...services.map((service) => ({ value: service.key, label: `${service.name} (${service.key})` }))];
  return (
    <FilterForm action="/transactions" role="search" aria-label="Filter transactions" className="grid gap-3 p-5 sm:grid-cols-2 lg:grid-cols-6">
      <Field label="Search reference" name="q" type="search" defaultValue={search.q ?? ""} placeholder="job-42, cs_…, entry id" className="sm:col-span-2" />
      <SelectField label="Type" name="type" options={typeOptions} defaultValue={search.type ?? ""} />
      <SelectField label="Service" name="service" options={serviceOptions} defaultValue={search.service ?? ""} />
      <Field label="From" name="from" type="date" defaultValue={search.from ?? ""} />
      <Field label="To (inclusive)" name="to" type="date" defaultValue={search.to ?? ""} />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-6">
        <button type="submit" className={buttonClassName({ size: "sm" })}>
          Apply filters
        </button>
        {hasFilters(search) && (
          <Link href="/transactions" className={buttonClassName({ variant: "ghost", size: "sm" })}>
            Clear filters
          </Link>
        )}
      </div>
    </FilterForm>
  );
}
