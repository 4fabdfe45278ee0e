import { Skeleton } from "@/components/ui/skeleton";

export default function TransactionsLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading transactions…</span>
      <Skeleton className="h-7 w-44" />
      <Skeleton className="mt-3 mb-8 h-4 w-80 max-w-full" />
      <Skeleton className="mb-6 h-40 rounded-xl" />
      <Skeleton className="h-96 rounded-xl" />
    </div>
  );
}
