import { PageLoading, Skeleton } from "@/components/ui/skeleton";

export default function CustomerLoading() {
  return (
    <PageLoading>
      <div className="grid gap-4 sm:grid-cols-3">
        <Skeleton className="h-32 rounded-xl" />
        <Skeleton className="h-32 rounded-xl" />
        <Skeleton className="h-32 rounded-xl" />
      </div>
      <Skeleton className="mt-6 h-72 rounded-xl" />
    </PageLoading>
  );
}
