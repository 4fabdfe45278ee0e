import { Skeleton } from "@/components/ui/skeleton";

export default function AdminDisputesLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading disputes…</span>
      <Skeleton className="h-7 w-40" />
      <Skeleton className="mt-3 mb-8 h-4 w-80 max-w-full" />
      <Skeleton className="h-10 w-full rounded-md" />
      <Skeleton className="mt-4 h-72 rounded-xl" />
    </div>
  );
}
