import { PageLoading, Skeleton } from "@/components/ui/skeleton";

export default function SettingsLoading() {
  return (
    <PageLoading what="settings">
      <Skeleton className="h-32 rounded-xl" />
      <Skeleton className="mt-6 h-64 rounded-xl" />
      <Skeleton className="mt-6 h-40 rounded-xl" />
    </PageLoading>
  );
}
