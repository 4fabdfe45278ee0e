import { Skeleton } from "@/components/ui/skeleton";

export default function DisputesLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading disputes…</span>
      <Skeleton className="h-7 w-40" />
      <Skeleton className="mt-3 mb-8 h-4 w-80 max-w-full" />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Skeleton className="h-72 rounded-xl" />
        <Skeleton className="h-72 rounded-xl" />
      </div>
    </div>
  );
}
