import { Skeleton } from "@/components/ui/skeleton";

export default function CustomerLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-7 w-44" />
      <Skeleton className="mt-3 mb-8 h-4 w-64" />
      <div className="grid gap-4 sm:grid-cols-3">
        <Skeleton className="h-32 rounded-xl" />
        <Skeleton className="h-32 rounded-xl" />
        <Skeleton className="h-32 rounded-xl" />
      </div>
      <Skeleton className="mt-6 h-72 rounded-xl" />
    </div>
  );
}
