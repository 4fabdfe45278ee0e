import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentWorkspace } from "@/app/(customer)/current-workspace";
import { AppealDialog } from "@/components/disputes/appeal-dialog";
import { DisputeFormDialog } from "@/components/disputes/dispute-form-dialog";
import { DisputeStatusBadge } from "@/components/disputes/dispute-status-badge";
import { DisputeTimeline } from "@/components/disputes/dispute-timeline";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCredits, formatDateTime } from "@/lib/format";
import { disputeSettings } from "@/services/disputes/dispute-settings";
import { findDisputableCharge, listDisputableCharges, type DisputableCharge } from "@/services/disputes/list-disputable-charges";
import { listDisputes } from "@/services/disputes/list-disputes";
import { DISPUTE_REASONS, disputeListQuery } from "@/types/disputes";

export const metadata: Metadata = { title: "My disputes" };

const asEntry = (charge: DisputableCharge) => ({ id: charge.id, label: charge.label, credits: charge.credits, when: formatDateTime(charge.createdAt) });

export default async function DisputesPage({ searchParams }: { searchParams: Promise<{ entry?: string; cursor?: string }> }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/disputes");
  const [workspace, params] = await Promise.all([currentWorkspace(session.user.id), searchParams]);
  if (!workspace) redirect("/dashboard");
  const query = disputeListQuery.safeParse({ cursor: params.cursor });
  const [page, charges, requested] = await Promise.all([
    listDisputes(db(), session.user.id, query.success ? query.data : { limit: 20 }),
    listDisputableCharges(db(), workspace.id),
    params.entry ? findDisputableCharge(db(), session.user.id, params.entry) : null,
  ]);

  return (
    <>
      <PageHeader title="My disputes" description="Contest a charge you think is wrong, and follow it to a decision. Refunds go straight back to your balance." />
      {params.entry && !requested && (
        <p role="alert" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          That entry cannot be disputed: only usage charges and removals of credits in your workspaces can.
        </p>
      )}
      {requested && <DisputeFormDialog entry={asEntry(requested)} initiallyOpen trigger={false} />}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="my-disputes-heading" className="min-w-0">
          <h2 id="my-disputes-heading" className="sr-only">
            Your disputes
          </h2>
          {page.data.length === 0 ? (
            <EmptyState title="No disputes yet" icon="disputes">
              If a charge looks wrong, choose it under “Recent charges” and tell us why.
            </EmptyState>
          ) : (
            <ul className="flex flex-col gap-4">
              {page.data.map((dispute) => (
                <li key={dispute.id} id={`dispute-${dispute.id}`}>
                  <Card
                    title={DISPUTE_REASONS[dispute.reason]}
                    description={`Opened ${formatDateTime(dispute.createdAt)} · ${formatCredits(dispute.creditsRefunded)} of ${formatCredits(dispute.creditsRequested)} credits refunded`}
                    actions={<DisputeStatusBadge status={dispute.status} appealLevel={dispute.appealLevel} />}
                  >
                    <DisputeTimeline events={dispute.events} label={`History of the dispute opened ${formatDateTime(dispute.createdAt)}`} />
                    {dispute.appealableUntil && (
                      <div className="mt-4">
                        <AppealDialog disputeId={dispute.id} until={dispute.appealableUntil} />
                      </div>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
          )}
          <KeysetPager firstHref={params.cursor ? "/disputes" : null} nextHref={page.nextCursor ? `/disputes?cursor=${page.nextCursor}` : null} />
        </section>
        <Card title="Recent charges" description={`From the last ${disputeSettings().disputeWindowDays} days, without an open dispute.`} className="min-w-0">
          {charges.length === 0 ? (
            <p className="text-sm text-slate-600">No charges to dispute.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {charges.map((charge) => (
                <li key={charge.id} className="flex items-center justify-between gap-3 py-2.5">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-900">{charge.label}</p>
                    <p className="text-xs text-slate-600">
                      {formatCredits(charge.credits)} credits · {formatDateTime(charge.createdAt)}
                    </p>
                  </div>
                  <DisputeFormDialog entry={asEntry(charge)} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
