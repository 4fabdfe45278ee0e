import type { Metadata } from "next";
import { DecidedAdjustmentTable } from "@/components/admin/decided-adjustment-table";
import { PendingAdjustmentTable } from "@/components/admin/pending-adjustment-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { findAdminSession } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { formatCents, formatCredits } from "@/lib/format";
import { approvalPolicyFromEnv } from "@/services/admin/approval-policy";
import { listAdjustmentRequests } from "@/services/admin/list-adjustment-requests";
import { adjustmentRequestListQuery } from "@/types/admin-customers";

export const metadata: Metadata = { title: "Approvals" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await findAdminSession();
  if (!session) return null;
  const params = await searchParams;
  const cursor = adjustmentRequestListQuery.safeParse({ cursor: first(params.cursor) }).success ? first(params.cursor) : undefined;
  const [pending, approved, rejected] = await Promise.all([
    listAdjustmentRequests(db(), { status: "PENDING", cursor, limit: 25 }),
    listAdjustmentRequests(db(), { status: "APPROVED", limit: 10 }),
    listAdjustmentRequests(db(), { status: "REJECTED", limit: 10 }),
  ]);
  const policy = approvalPolicyFromEnv();
  const now = systemClock.now();
  const decided = [...approved.data, ...rejected.data].sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0));

  return (
    <>
      <PageHeader
        title="Approvals"
        description={`Credit adjustments above ${formatCredits(policy.thresholdCredits)} credits or ${formatCents(policy.thresholdCents)} wait here for a second admin. The admin who asked cannot approve their own.`}
      />
      <Card title="Waiting for approval" description="Oldest first." flush>
        {pending.data.length ? (
          <PendingAdjustmentTable requests={pending.data} now={now} showWorkspace />
        ) : (
          <EmptyState title="Nothing waiting" icon="inbox" bordered={false}>
            Large adjustments requested on a customer&apos;s page appear here.
          </EmptyState>
        )}
        <KeysetPager firstHref={cursor ? "/admin/approvals" : null} nextHref={pending.nextCursor ? `/admin/approvals?cursor=${pending.nextCursor}` : null} />
      </Card>
      <Card title="Recently decided" description="The 10 newest approvals and rejections each." className="mt-6" flush>
        {decided.length ? <DecidedAdjustmentTable requests={decided} caption="Recently decided adjustments" /> : <EmptyState title="No decisions yet" icon="inbox" bordered={false} />}
      </Card>
    </>
  );
}
