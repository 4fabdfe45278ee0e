import { PageLoading, Skeleton } from "@/components/ui/skeleton";

export default function PackagesLoading() {
  return (
    <PageLoading what="packages">
      <Skeleton className="h-48 rounded-xl" />
      <Skeleton className="mt-6 h-48 rounded-xl" />
    </PageLoading>
  );
}
