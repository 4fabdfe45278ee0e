import { Skeleton } from "@/components/ui/skeleton";

/** The dashboard's figures while they load: the status panel, three cards, the chart. */
export function OverviewSkeleton() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading your balance and usage…</span>
      <Skeleton className="mb-6 h-28 rounded-xl" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Skeleton className="h-36 rounded-xl" />
        <Skeleton className="h-36 rounded-xl" />
        <Skeleton className="h-36 rounded-xl" />
      </div>
      <Skeleton className="mt-6 h-80 rounded-xl" />
    </div>
  );
}
