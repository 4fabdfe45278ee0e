import { PageLoading, Skeleton } from "@/components/ui/skeleton";

export default function PromotionsLoading() {
  return (
    <PageLoading what="promotions">
      <Skeleton className="h-64 rounded-xl" />
    </PageLoading>
  );
}
