import { PageLoading, Skeleton } from "@/components/ui/skeleton";

export default function DisputesLoading() {
  return (
    <PageLoading what="disputes">
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Skeleton className="h-72 rounded-xl" />
        <Skeleton className="h-72 rounded-xl" />
      </div>
    </PageLoading>
  );
}
