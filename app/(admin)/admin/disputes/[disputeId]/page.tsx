import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { DecisionControls } from "@/components/disputes/decision-controls";
import { timeLeft } from "@/components/disputes/dispute-labels";
import { DisputeStatusBadge } from "@/components/disputes/dispute-status-badge";
import { DisputeTimeline } from "@/components/disputes/dispute-timeline";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { findAdminSession, isSeniorAdmin } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { formatCredits, formatDateTime } from "@/lib/format";
import { getAdminDispute } from "@/services/disputes/get-admin-dispute";
import { DISPUTE_REASONS, type DisputeStatusName } from "@/types/disputes";

export const metadata: Metadata = { title: "Dispute" };
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(disputeId: string) {
  if (!UUID.test(disputeId)) notFound();
  try {
    return await getAdminDispute(db(), disputeId);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function AdminDisputePage({ params }: { params: Promise<{ disputeId: string }> }) {
  const session = await findAdminSession();
  if (!session) return null;
  const { dispute, workspace, openedBy, entry, recentUsage, priorDisputes } = await load((await params).disputeId);
  const now = systemClock.now();
  const waiting = !dispute.firstResponseAt && ["OPEN", "UNDER_REVIEW", "APPEALED"].includes(dispute.status);

  return (
    <>
      <PageHeader
        eyebrow="Dispute"
        title={`${workspace.name}: ${DISPUTE_REASONS[dispute.reason]}`}
        description={
          <>
            Opened {formatDateTime(dispute.createdAt)}
            {openedBy ? ` by ${openedBy.email}` : ""} · <Link href="/admin/disputes" className="text-accent-700 underline underline-offset-4">Back to the queue</Link>
          </>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <DisputeStatusBadge status={dispute.status} appealLevel={dispute.appealLevel} />
            {waiting && <Badge tone={dispute.overdue ? "danger" : "warning"}>First response: {timeLeft(dispute.dueAt, now)}</Badge>}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card title="Decision" description={`${formatCredits(dispute.creditsRefunded)} of ${formatCredits(dispute.creditsRequested)} disputed credits refunded so far.`}>
            <DecisionControls dispute={dispute} adminId={session.user.id} isSenior={isSeniorAdmin(session.user.role)} />
          </Card>
          <Card title="Timeline">
            <DisputeTimeline events={dispute.events} label="Dispute history" viewer="admin" />
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card title="Disputed entry">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">Type</dt>
              <dd className="text-slate-900">{entry.type === "USAGE" ? "Usage" : "Credits removed by an admin"}</dd>
              {entry.service && (
                <>
                  <dt className="text-slate-600">Service</dt>
                  <dd className="break-words text-slate-900">
                    {entry.service.name} ({entry.service.key})
                  </dd>
                </>
              )}
              {entry.quantity !== null && (
                <>
                  <dt className="text-slate-600">Quantity</dt>
                  <dd className="text-slate-900">{formatCredits(entry.quantity)}</dd>
                </>
              )}
              <dt className="text-slate-600">Credits</dt>
              <dd className="text-slate-900">{formatCredits(-entry.amount)}</dd>
              <dt className="text-slate-600">When</dt>
              <dd className="text-slate-900">{formatDateTime(entry.createdAt)}</dd>
              <dt className="text-slate-600">Balance now</dt>
              <dd className="text-slate-900">{formatCredits(workspace.balance)}</dd>
            </dl>
          </Card>
          <Card title="Recent usage of this service">
            {recentUsage.length === 0 ? (
              <p className="text-sm text-slate-600">No other entries.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {recentUsage.map((use) => (
                  <li key={use.id} className="flex justify-between gap-3 py-1.5">
                    <span className="text-slate-700">{formatDateTime(use.createdAt)}</span>
                    <span className="text-slate-900">
                      {use.quantity !== null ? `× ${formatCredits(use.quantity)} · ` : ""}
                      {formatCredits(-use.amount)} credits
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Prior disputes of this customer">
            {priorDisputes.length === 0 ? (
              <p className="text-sm text-slate-600">None.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {priorDisputes.map((prior) => (
                  <li key={prior.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                    <Link href={`/admin/disputes/${prior.id}`} className="text-accent-700 underline-offset-4 hover:underline">
                      {formatDateTime(prior.createdAt)}
                    </Link>
                    <span className="flex items-center gap-2">
                      <span className="text-slate-700">
                        {formatCredits(prior.creditsRefunded)} / {formatCredits(prior.creditsRequested)}
                      </span>
                      <DisputeStatusBadge status={prior.status as DisputeStatusName} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
