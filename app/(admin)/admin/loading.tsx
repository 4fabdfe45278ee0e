import { PageLoading, Skeleton } from "@/components/ui/skeleton";

export default function AdminLoading() {
  return (
    <PageLoading>
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
    </PageLoading>
  );
}
