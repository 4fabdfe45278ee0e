import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatCents, formatCredits, formatDateTime } from "@/lib/format";
import type { SubscriptionView } from "@/types/billing";
import { SubscriptionActionButton } from "./subscription-action-button";

const STATUS: Partial<Record<SubscriptionView["status"], { label: string; tone: BadgeTone }>> = {
  ACTIVE: { label: "Active", tone: "success" },
  TRIALING: { label: "Trial", tone: "accent" },
  PAST_DUE: { label: "Payment failed", tone: "danger" },
  UNPAID: { label: "Unpaid", tone: "danger" },
  INCOMPLETE: { label: "Awaiting payment", tone: "warning" },
  PAUSED: { label: "Paused", tone: "warning" },
};

function statusOf(plan: SubscriptionView) {
  if (plan.isCollectionPaused) return { label: "Paused", tone: "warning" as const };
  if (plan.cancelAtPeriodEnd) return { label: "Ends at period end", tone: "warning" as const };
  return STATUS[plan.status] ?? { label: plan.status, tone: "neutral" as const };
}

function whatHappensNext(plan: SubscriptionView): string {
  const end = plan.currentPeriodEnd ? formatDateTime(plan.currentPeriodEnd) : "the end of the period";
  if (plan.status === "PAST_DUE") return "The last renewal payment failed. Update your card in the customer portal; no plan credits are granted until it is paid.";
  if (plan.isCollectionPaused) return "Billing is paused: nothing is charged and no plan credits are granted until you resume.";
  if (plan.cancelAtPeriodEnd) return `The plan ends on ${end}. Its credits stay spendable until then, and you can keep the plan any time before.`;
  return `Renews on ${end} for ${formatCents(plan.plan.priceCents, plan.plan.currency)}, granting ${formatCredits(plan.plan.credits)} credits.`;
}

/** The workspace's plan, its state in words, and what can be done about it. */
export function CurrentPlanCard({ plan, workspaceId, canManage }: { plan: SubscriptionView; workspaceId: string; canManage: boolean }) {
  const status = statusOf(plan);
  const end = plan.currentPeriodEnd ? formatDateTime(plan.currentPeriodEnd) : "the end of this period";
  const price = formatCents(plan.plan.priceCents, plan.plan.currency);
  return (
    <Card title="Your plan" className="mb-6">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-xl font-semibold text-slate-900">{plan.plan.name}</p>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {formatCredits(plan.plan.credits)} credits a month · {price}
      </p>
      <p className="mt-3 text-sm text-slate-700">{whatHappensNext(plan)}</p>
      {canManage && (
        <div className="mt-4 flex flex-wrap gap-2">
          {plan.cancelAtPeriodEnd ? (
            <SubscriptionActionButton workspaceId={workspaceId} change={{ action: "resume" }} text="Keep my plan" variant="primary" confirmTitle="Keep your plan?" confirmDetail={`The cancellation is undone: the plan renews on ${end} for ${price}, granting ${formatCredits(plan.plan.credits)} credits.`} confirmText="Keep my plan" />
          ) : plan.isCollectionPaused ? (
            <SubscriptionActionButton workspaceId={workspaceId} change={{ action: "resume" }} text="Resume billing" variant="primary" confirmTitle="Resume billing?" confirmDetail={`Billing continues from your next renewal on ${end}: ${price}, granting ${formatCredits(plan.plan.credits)} credits.`} confirmText="Resume billing" />
          ) : (
            <SubscriptionActionButton workspaceId={workspaceId} change={{ action: "pause" }} text="Pause billing" confirmTitle="Pause billing?" confirmDetail={`Renewals are skipped while paused: nothing is charged and no plan credits are granted, from ${end} until you resume. Credits you already have stay spendable until they expire.`} confirmText="Pause billing" />
          )}
          {!plan.cancelAtPeriodEnd && (
            <SubscriptionActionButton workspaceId={workspaceId} change={{ action: "cancel", atPeriodEnd: true }} text="Cancel plan" variant="danger" confirmTitle={`Cancel your plan on ${end}?`} confirmDetail={`The plan stays active until ${end}: you keep it and this month's credits until then, and nothing more is charged after. You can undo this any time before ${end}.`} confirmText="Cancel at period end" />
          )}
          <SubscriptionActionButton workspaceId={workspaceId} change={{ action: "cancel", atPeriodEnd: false }} text="Cancel now" variant="danger" confirmTitle="Cancel the plan now?" confirmDetail="The plan ends immediately and nothing more is charged or refunded. Plan credits already granted stay spendable until they expire." confirmText="Cancel now" />
        </div>
      )}
    </Card>
  );
}
