import { Skeleton } from "@/components/ui/skeleton";

export default function SettingsLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading settings…</span>
      <Skeleton className="h-7 w-32" />
      <Skeleton className="mt-3 mb-8 h-4 w-80 max-w-full" />
      <Skeleton className="h-32 rounded-xl" />
      <Skeleton className="mt-6 h-64 rounded-xl" />
      <Skeleton className="mt-6 h-40 rounded-xl" />
    </div>
  );
}
