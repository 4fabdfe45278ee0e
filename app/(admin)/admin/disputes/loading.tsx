import { PageLoading, Skeleton } from "@/components/ui/skeleton";

export default function AdminDisputesLoading() {
  return (
    <PageLoading what="disputes">
      <Skeleton className="h-10 w-full rounded-md" />
      <Skeleton className="mt-4 h-72 rounded-xl" />
    </PageLoading>
  );
}
