import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { currentSession } from "@/lib/auth/session";
import { currentWorkspace } from "@/app/(customer)/current-workspace";
import { OverviewSections } from "./overview-sections";
import { OverviewSkeleton } from "./overview-skeleton";
import { usageRangeOf } from "./usage-range";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ range?: string | string[] }> }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/dashboard");
  const workspace = await currentWorkspace(session.user.id);
  if (!workspace) {
    // Sign-up always creates a personal workspace; this only happens if it was removed.
    return (
      <>
        <PageHeader title="Dashboard" />
        <EmptyState title="No workspace yet">Your account is not a member of any workspace. Ask a workspace owner to invite you, or contact support.</EmptyState>
      </>
    );
  }
  const range = usageRangeOf((await searchParams).range);

  // The header first; the figures stream in behind a skeleton (no wait on a blank page).
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={workspace.name}
        actions={
          <Link href="/credits" className={buttonClassName()}>
            Buy credits
          </Link>
        }
      />
      <Suspense key={range} fallback={<OverviewSkeleton />}>
        <OverviewSections workspaceId={workspace.id} canBuy={workspace.role !== "MEMBER"} range={range} />
      </Suspense>
    </>
  );
}
