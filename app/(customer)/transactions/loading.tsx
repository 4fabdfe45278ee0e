import { PageLoading, Skeleton } from "@/components/ui/skeleton";

export default function TransactionsLoading() {
  return (
    <PageLoading what="transactions">
      <Skeleton className="mb-6 h-40 rounded-xl" />
      <Skeleton className="h-96 rounded-xl" />
    </PageLoading>
  );
}
