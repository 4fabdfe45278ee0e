import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "./page-header";

/** A page whose feature has not shipped yet: says what will be there. */
export function ComingSoon({ title, description, next }: { title: string; description: string; next: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title="Coming soon">{next}</EmptyState>
    </>
  );
}
