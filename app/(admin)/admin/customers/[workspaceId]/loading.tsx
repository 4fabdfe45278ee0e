import { Skeleton } from "@/components/ui/skeleton";

export default function CustomerLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-7 w-52" />
      <Skeleton className="mt-3 mb-8 h-4 w-72" />
      <div className="grid gap-4 sm:grid-cols-3">
        <Skeleton className="h-28 rounded-xl" />
        <Skeleton className="h-28 rounded-xl" />
        <Skeleton className="h-28 rounded-xl" />
      </div>
      <div className="mt-6 space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        {Array.from({ length: 6 }, (_, row) => (
          <Skeleton key={row} className="h-8" />
        ))}
      </div>
    </div>
  );
}
