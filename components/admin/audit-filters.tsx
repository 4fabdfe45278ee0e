import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { AuditLogQuery } from "@/types/audit";

const FIELD = "h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm placeholder:text-slate-500 focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none";

const FIELDS = [
  { name: "actor", label: "Actor", placeholder: "email, id or STRIPE", type: "search", width: "w-56" },
  { name: "action", label: "Action starts with", placeholder: "credits.", type: "search", width: "w-44" },
  { name: "target", label: "Target id", placeholder: "an id", type: "search", width: "w-56" },
  { name: "workspace", label: "Workspace id", placeholder: "a workspace id", type: "search", width: "w-72" },
  { name: "from", label: "From (UTC)", type: "date", width: "w-40" },
  { name: "to", label: "To (UTC)", type: "date", width: "w-40" },
] as const;

/** A plain GET form: the filters live in the URL, so a view can be shared, reloaded and exported. */
export function AuditFilters({ query, invalid }: { query: AuditLogQuery; invalid: string[] }) {
  const filtered = FIELDS.some((f) => query[f.name]);
  return (
    <form action="/admin/audit" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
      {FIELDS.map((field) => (
        <div key={field.name} className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`audit-${field.name}`} className="text-xs font-medium text-slate-700">
            {field.label}
          </label>
          <input
            id={`audit-${field.name}`}
            name={field.name}
            type={field.type}
            defaultValue={query[field.name] ?? ""}
            placeholder={"placeholder" in field ? field.placeholder : undefined}
            aria-invalid={invalid.includes(field.name) || undefined}
            aria-describedby={invalid.includes(field.name) ? `audit-${field.name}-error` : undefined}
            className={`${FIELD} ${field.width} max-w-full`}
          />
          {invalid.includes(field.name) && (
            <p id={`audit-${field.name}-error`} className="text-xs text-red-700">
              Not used: this value is not valid here.
            </p>
          )}
        </div>
      ))}
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {filtered && (
        <Link href="/admin/audit" className="px-2 py-2 text-sm font-medium text-accent-700 underline-offset-4 hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
